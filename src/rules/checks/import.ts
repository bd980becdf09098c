import { importedModules } from '../../scan/collectors/code/imported.js';
import type { Evidence } from '../finding.js';
import { counted } from '../../util/plural.js';
import { alternatives, capped, contextWords, DEFAULT_CONTEXTS, globsSearched, globWords, list, placeFilter, sortEvidence, sought } from './evidence.js';
import { checkGlobs } from './glob-argument.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z, text, oneOrMany, pathContexts }: SchemaKit) =>
  z.union([
    text,
    z.array(text).min(1),
    z.strictObject({
      modules: oneOrMany(text).describe('Module names; a module counts with its submodules (`sklearn` counts `sklearn.pipeline`).'),
      in: pathContexts.optional(),
      glob: oneOrMany(text).optional().describe('Only files matching one of these globs count, e.g. `*.py` to leave out notebooks.'),
    }),
  ]);

declare module '../expr.js' {
  interface CheckArguments {
    import: ArgumentOf<typeof argument>;
  }
}

export const importCheck = defineCheck({
  name: 'import',
  argument,
  doc: {
    summary: 'Python code (modules and notebooks) imports one of the modules.',
    examples: ['import: [mlflow, wandb]', 'import: { modules: pandera, glob: "*.py" }'],
  },
  evaluate(arg, ctx) {
    const spec = typeof arg === 'string' || Array.isArray(arg) ? { modules: arg } : arg;
    const modules = list(spec.modules);
    const contexts = spec.in ?? DEFAULT_CONTEXTS;
    const counts = placeFilter(contexts, 'glob' in spec ? spec.glob : undefined);
    const evidence: Evidence[] = [];
    for (const name of importedModules(ctx.facts.code.imports, modules)) {
      for (const location of ctx.facts.code.imports[name]!.locations) {
        if (counts(location)) {
          evidence.push({ kind: 'found', path: location.path, line: location.line, cell: location.cell, detail: `imports ${name}` });
        }
      }
    }
    if (evidence.length > 0) return { value: true, evidence: capped(sortEvidence(evidence), 'imports') };
    const globs = 'glob' in spec ? spec.glob : undefined;
    const imported = sought(modules, modules, ['module', 'modules']);
    const searched = imported.searched === undefined && globsSearched(globs) === '' ? undefined : `imports of ${imported.searched ?? alternatives(modules)}${globsSearched(globs)}`;
    return {
      value: false,
      evidence: [
        {
          kind: 'missing',
          detail: `no import of ${imported.words}${contextWords(contexts)}${globWords(globs)} in ${counted(ctx.facts.code.filesScanned, 'file')} searched`,
          ...(searched ? { searched } : {}),
        },
      ],
    };
  },
  references(arg, scope) {
    if (typeof arg === 'object' && !Array.isArray(arg)) checkGlobs(arg.glob, ['glob'], scope);
  },
});
