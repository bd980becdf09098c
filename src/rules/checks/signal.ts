import { byLocation } from '../../util/compare.js';
import { counted } from '../../util/plural.js';
import { didYouMean } from '../../util/suggest.js';
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
    const counts = companionIds.length === 0 ? inPlace : (match: { path: string; context: PathContext }) => inPlace(match) && companionFiles.has(match.path);
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
          detail: `no ${words}${contextWords(contexts)}${globWords(globs)}${companionWords(companionIds, ctx.signals)} found in ${counted(ctx.facts.code.filesScanned, 'file')} searched`,
          ...(searched ? { searched } : {}),
        },
        ...elsewhere.map((match): Evidence => ({
          kind: 'found',
          counted: false,
          path: match.path,
          line: match.line,
          cell: match.cell,
          detail: `not counted (${whyNotCounted(match, contexts, inPlace)}): ${match.snippet}`,
        })),
      ],
    };
  },
  references(arg, scope) {
    for (const id of [...ids(arg), ...companions(arg), ...leaders(arg)]) {
      if (!scope.signals.has(id)) scope.refuse(`unknown signal "${id}"${didYouMean(id, scope.signals.keys())}`);
    }
  },
});

/** " in a file with training steps": the companion signals a match must share its file with. */
function companionWords(companionIds: readonly string[], signals: ReadonlyMap<string, { description: string }>): string {
  if (companionIds.length === 0) return '';
  return ` in a file with ${alternatives(companionIds.map((id) => briefName(signals.get(id)?.description ?? id)))}`;
}

function whyNotCounted(match: { path: string; context: PathContext }, contexts: readonly PathContext[], inPlace: (match: { path: string; context: PathContext }) => boolean): string {
  if (!contexts.includes(match.context)) return `${match.context} code`;
  return inPlace(match) ? 'not in the same file as what it must go with' : 'not in the files this check reads';
}
