import { byLocation } from '../../util/compare.js';
import { counted } from '../../util/plural.js';
import { didYouMean } from '../../util/suggest.js';
import type { SignalMatch } from '../../scan/collectors/code/index.js';
import type { PathContext } from '../../scan/location.js';
import type { EvalContext } from '../context.js';
import type { Evidence } from '../finding.js';
import { alternatives, briefName, capped, contextWords, DEFAULT_CONTEXTS, globsSearched, globWords, list, placeFilter, sortEvidence, sought } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z, text, oneOrMany, pathContexts }: SchemaKit) =>
  z.union([
    text,
    z.array(text).min(1),
    z.strictObject({
      ids: oneOrMany(text).describe('Ids of signals a pack declares under `signals:`.'),
      in: pathContexts.optional(),
      glob: oneOrMany(text).optional().describe('Only files matching one of these globs count, e.g. `*.py` to leave out notebooks.'),
      sameFileAs: oneOrMany(text)
        .optional()
        .describe('Only matches in a file where one of these signals also matched count: a schedule in the DAG that trains, not in any DAG.'),
      usedElsewhere: oneOrMany(text)
        .optional()
        .describe(
          'A definition (`def name(`) counts only where a match of one of these signals in another file names it: a check the project calls, imports or hands to a pipeline task, not one that only its own script runs.',
        ),
      leadWith: oneOrMany(text)
        .optional()
        .describe('Matches in a file where one of these signals also matched are shown first: the pipeline that trains before the one that predicts.'),
    }),
  ]);

declare module '../expr.js' {
  interface CheckArguments {
    signal: ArgumentOf<typeof argument>;
  }
}

function ids(arg: ArgumentOf<typeof argument>): string[] {
  return typeof arg === 'string' || Array.isArray(arg) ? list(arg) : list(arg.ids);
}

function companions(arg: ArgumentOf<typeof argument>): string[] {
  return typeof arg === 'string' || Array.isArray(arg) ? [] : list(arg.sameFileAs);
}

function leaders(arg: ArgumentOf<typeof argument>): string[] {
  return typeof arg === 'string' || Array.isArray(arg) ? [] : list(arg.leadWith);
}

function users(arg: ArgumentOf<typeof argument>): string[] {
  return typeof arg === 'string' || Array.isArray(arg) ? [] : list(arg.usedElsewhere);
}

const DEFINED_NAME = /\bdef\s+(\w+)/;

/**
 * Whether a match is used where it must be: a match that defines a function (`def check_data_quality(df)`,
 * or a method of a class) is, when another file imports its module (`from src.components.data_validation
 * import DataValidation`) or a match of the using signals in another file names the function or its
 * module (a call, a pipeline task's `python data_validation.py`).
 */
function usedElsewhere(userIds: readonly string[], ctx: EvalContext): (match: { path: string; snippet: string }) => boolean {
  if (userIds.length === 0) return () => true;
  const uses = userIds.flatMap((id) => ctx.facts.code.signals[id]?.matches ?? []);
  const imports = Object.entries(ctx.facts.code.imports);
  return (match) => {
    const name = DEFINED_NAME.exec(match.snippet)?.[1];
    if (name === undefined) return true;
    const stem = /([\w-]+)\.\w+$/.exec(match.path)?.[1];
    const imported =
      stem !== undefined &&
      imports.some(([module, { locations }]) => (module === stem || module.endsWith(`.${stem}`)) && locations.some((location) => location.path !== match.path));
    const named = new RegExp(`\\b(?:${name}${stem === undefined ? '' : `|${stem}`})\\b`);
    return imported || uses.some((use) => use.path !== match.path && named.test(use.snippet));
  };
}

/** The files where one of the signals matched. */
function filesOf(ids: readonly string[], ctx: EvalContext): Set<string> {
  return new Set(ids.flatMap((id) => (ctx.facts.code.signals[id]?.matches ?? []).map((match) => match.path)));
}

export const signal = defineCheck({
  name: 'signal',
  argument,
  doc: {
    summary:
      'A code signal matched: a pattern a pack declares under `signals:` (an id, a description, the files it reads, `match: code` or `text`, and a regular expression tested against each logical line of code, or each line of text, comments and notebook outputs excluded).',
    examples: [
      'signal: mon-drift-detection-call',
      'signal: { ids: [mon-prediction-log, mon-quality-monitor-call], glob: "*.py" }',
      'signal: { ids: orchestrator-schedule, sameFileAs: ct-training-step }',
      'signal: { ids: pipeline-definition, leadWith: ct-training-step }',
      'signal: { ids: data-quality-code, usedElsewhere: data-quality-code-use }',
    ],
  },
  evaluate(arg, ctx) {
    const spec = typeof arg === 'string' || Array.isArray(arg) ? { ids: arg } : arg;
    const wanted = ids(arg);
    const contexts = spec.in ?? DEFAULT_CONTEXTS;
    const globs = 'glob' in spec ? spec.glob : undefined;
    const companionIds = companions(arg);
    const inPlace = placeFilter(contexts, globs);
    // Places are kept per kind of file, a few each: the files a companion is known in.
    const companionFiles = filesOf(companionIds, ctx);
    const used = usedElsewhere(users(arg), ctx);
    const counts = (match: SignalMatch) => inPlace(match) && (companionIds.length === 0 || companionFiles.has(match.path)) && used(match);
    const evidence: Evidence[] = [];
    for (const id of wanted) {
      for (const match of ctx.facts.code.signals[id]?.matches ?? []) {
        if (counts(match)) {
          evidence.push({ kind: 'found', path: match.path, line: match.line, cell: match.cell, detail: match.snippet });
        }
      }
    }
    if (evidence.length > 0) {
      const leadFiles = filesOf(leaders(arg), ctx);
      const sorted = sortEvidence(evidence);
      const ordered = [...sorted.filter((item) => leadFiles.has(item.path ?? '')), ...sorted.filter((item) => !leadFiles.has(item.path ?? ''))];
      return { value: true, evidence: capped(ordered, 'matches') };
    }
    const described = [...new Set(wanted.map((id) => ctx.signals.get(id)?.description ?? id))];
    const { words, searched: patterns } = sought(described.map(briefName), described, ['pattern', 'patterns']);
    const searched = patterns === undefined && globsSearched(globs) === '' ? undefined : `${patterns ?? alternatives(described)}${globsSearched(globs)}`;
    const elsewhere = wanted
      .flatMap((id) => ctx.facts.code.signals[id]?.matches ?? [])
      .filter((match) => !counts(match))
      .sort(byLocation)
      .slice(0, 3);
    return {
      value: false,
      evidence: [
        {
          kind: 'missing',
          detail: `no ${words}${contextWords(contexts)}${globWords(globs)}${companionWords(companionIds, ctx.signals)}${users(arg).length > 0 ? ' that another file uses' : ''} found in ${counted(ctx.facts.code.filesScanned, 'file')} searched`,
          ...(searched ? { searched } : {}),
        },
        ...elsewhere.map((match): Evidence => ({
          kind: 'found',
          counted: false,
          path: match.path,
          line: match.line,
          cell: match.cell,
          detail: `not counted (${whyNotCounted(match, contexts, inPlace, used)}): ${match.snippet}`,
        })),
      ],
    };
  },
  references(arg, scope) {
    for (const id of [...ids(arg), ...companions(arg), ...leaders(arg), ...users(arg)]) {
      if (!scope.signals.has(id)) scope.refuse(`unknown signal "${id}"${didYouMean(id, scope.signals.keys())}`);
    }
  },
});

/** " in a file with training steps": the companion signals a match must share its file with. */
function companionWords(companionIds: readonly string[], signals: ReadonlyMap<string, { description: string }>): string {
  if (companionIds.length === 0) return '';
  return ` in a file with ${alternatives(companionIds.map((id) => briefName(signals.get(id)?.description ?? id)))}`;
}

function whyNotCounted(match: SignalMatch, contexts: readonly PathContext[], inPlace: (match: SignalMatch) => boolean, used: (match: SignalMatch) => boolean): string {
  if (!contexts.includes(match.context)) return `${match.context} code`;
  if (!inPlace(match)) return 'not in the files this check reads';
  return used(match) ? 'not in the same file as what it must go with' : 'nothing in another file calls or imports it';
}
