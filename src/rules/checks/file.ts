import { pathContext } from '../../scan/path-context.js';
import type { Evidence } from '../finding.js';
import { alternatives, among, capped, contextWords, DEFAULT_CONTEXTS, list } from './evidence.js';
import { checkGlobs } from './glob-argument.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z, text, oneOrMany, pathContexts }: SchemaKit) =>
  z.union([
    text,
    z.array(text).min(1),
    z.strictObject({
      glob: oneOrMany(text).describe('Globs over the repository paths; one match is enough.'),
      in: pathContexts.optional(),
      min: z.int().min(1).optional().describe('How many files must match (default 1).'),
      description: text.optional().describe("What the globs look for, in words: shown in 'no … found' evidence instead of the globs."),
    }),
  ]);

declare module '../expr.js' {
  interface CheckArguments {
    file: ArgumentOf<typeof argument>;
  }
}

export const file = defineCheck({
  name: 'file',
  argument,
  doc: {
    summary: 'A file matching one of the globs exists and is not empty (in the project\'s own paths, unless `in` says otherwise).',
    examples: ['file: [Dockerfile, Containerfile]', 'file: { glob: "docs/adr/*.md", min: 2, description: architecture decision record }'],
  },
  evaluate(arg, ctx) {
    const spec = typeof arg === 'string' || Array.isArray(arg) ? { glob: arg } : arg;
    const globs = list(spec.glob);
    const contexts = spec.in ?? DEFAULT_CONTEXTS;
    const min = spec.min ?? 1;
    const matched = [...new Set(globs.flatMap((glob) => ctx.files.find(glob)))].sort();
    // An empty file shows no practice: a template's placeholder `train_model.py` trains nothing.
    const empty = matched.filter((path) => ctx.facts.files.empty.includes(path));
    const counted = matched.filter((path) => contexts.includes(pathContext(path)) && !empty.includes(path));
    if (counted.length >= min) {
      return {
        value: true,
        evidence: capped(
          counted.map((path) => ({ kind: 'found', path, detail: `file ${path}` })),
          'files',
        ),
      };
    }
    const wanted = 'description' in spec && spec.description ? spec.description : `file matching ${alternatives(globs)}`;
    const evidence: Evidence[] = [
      {
        kind: 'missing',
        detail:
          min > 1 && counted.length > 0
            ? `${counted.length} ${wanted}${contextWords(contexts)}, fewer than ${min}`
            : `no ${wanted}${contextWords(contexts)}${among(ctx.files.size, 'file', 'files')}`,
      },
    ];
    const elsewhere = matched.filter((path) => !contexts.includes(pathContext(path)));
    for (const path of elsewhere.slice(0, 3)) {
      evidence.push({ kind: 'found', counted: false, path, detail: `not counted: ${path} is ${pathContext(path)} code, not the project's own` });
    }
    for (const path of empty.filter((path) => contexts.includes(pathContext(path))).slice(0, 3)) {
      evidence.push({ kind: 'found', counted: false, path, detail: `not counted: ${path} is empty` });
    }
    return { value: false, evidence };
  },
  references(arg, scope) {
    if (typeof arg === 'string' || Array.isArray(arg)) checkGlobs(arg, [], scope);
    else checkGlobs(arg.glob, ['glob'], scope);
  },
});
