import { byLocation } from '../../util/compare.js';
import { counted } from '../../util/plural.js';
import { didYouMean } from '../../util/suggest.js';
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

export const signal = defineCheck({
  name: 'signal',
  argument,
  doc: {
    summary:
      'A code signal matched: a pattern a pack declares under `signals:` (an id, a description, the files it reads, `match: code` or `text`, and a regular expression tested against each logical line of code, or each line of text, comments and notebook outputs excluded).',
    examples: ['signal: mon-drift-detection-call', 'signal: { ids: [mon-prediction-log, mon-quality-monitor-call], glob: "*.py" }'],
  },
  evaluate(arg, ctx) {
    const spec = typeof arg === 'string' || Array.isArray(arg) ? { ids: arg } : arg;
    const wanted = ids(arg);
    const contexts = spec.in ?? DEFAULT_CONTEXTS;
    const globs = 'glob' in spec ? spec.glob : undefined;
    const counts = placeFilter(contexts, globs);
    const evidence: Evidence[] = [];
    for (const id of wanted) {
      for (const match of ctx.facts.code.signals[id]?.matches ?? []) {
        if (counts(match)) {
          evidence.push({ kind: 'found', path: match.path, line: match.line, cell: match.cell, detail: match.snippet });
        }
      }
    }
    if (evidence.length > 0) return { value: true, evidence: capped(sortEvidence(evidence), 'matches') };
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
          detail: `no ${words}${contextWords(contexts)}${globWords(globs)} found in ${counted(ctx.facts.code.filesScanned, 'file')} searched`,
          ...(searched ? { searched } : {}),
        },
        ...elsewhere.map((match): Evidence => ({
          kind: 'found',
          counted: false,
          path: match.path,
          line: match.line,
          cell: match.cell,
          detail: `not counted (${contexts.includes(match.context) ? 'not in the files this check reads' : `${match.context} code`}): ${match.snippet}`,
        })),
      ],
    };
  },
  references(arg, scope) {
    for (const id of ids(arg)) {
      if (!scope.signals.has(id)) scope.refuse(`unknown signal "${id}"${didYouMean(id, scope.signals.keys())}`);
    }
  },
});
