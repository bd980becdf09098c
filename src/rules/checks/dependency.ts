import { pathContext } from '../../scan/path-context.js';
import type { Dependency } from '../../scan/facts.js';
import { globMatcher } from '../../util/glob.js';
import type { Evidence } from '../finding.js';
import { capped, contextWords, DEFAULT_CONTEXTS, list, searchedParts, sought } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';
import { checkGlobs } from './glob-argument.js';
import { ECOSYSTEMS } from './vocabulary.js';

const argument = ({ z, text, oneOrMany, pathContexts }: SchemaKit) =>
  z.union([
    text,
    z.array(text).min(1),
    z.strictObject({
      names: oneOrMany(text).describe('Package names, compared as PEP 503 normalises them (case, `-`, `_` and `.` alike); `*` is a wildcard.'),
      ecosystem: z.enum(ECOSYSTEMS).optional().describe('Only declarations of this ecosystem count.'),
      dev: z.boolean().optional().describe('true: only development dependencies count; false: only runtime ones.'),
      imported: z.literal(true).optional().describe('Only Python packages that some code of the repository imports count: a framework declared and never used is a plan.'),
      in: pathContexts.optional(),
    }),
  ]);

declare module '../expr.js' {
  interface CheckArguments {
    dependency: ArgumentOf<typeof argument>;
  }
}

function normaliseDependencyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Distributions whose module is named otherwise; the rest are found by their name's forms. */
const MODULE_OF: Readonly<Record<string, string>> = {
  'scikit-learn': 'sklearn', pyyaml: 'yaml', 'python-dotenv': 'dotenv', pillow: 'PIL', beautifulsoup4: 'bs4',
  'opencv-python': 'cv2', 'opencv-python-headless': 'cv2', protobuf: 'google.protobuf', torchserve: 'ts',
};

/**
 * Whether the project's code imports a Python distribution: `prometheus-client` as
 * `prometheus_client`, `azure-ai-ml` as `azure.ai.ml`, `neptune-client` or `opentelemetry-sdk` by
 * their first word. Leaning towards yes, since a package the scan cannot tie to an import is still
 * counted elsewhere.
 */
function imported(name: string, imports: Readonly<Record<string, unknown>>): boolean {
  const candidates = [MODULE_OF[name], name.replace(/-/g, '_'), name.replace(/-/g, '.'), name.split('-')[0]!].filter((module): module is string => module !== undefined);
  return Object.keys(imports).some((module) => candidates.some((candidate) => module === candidate || module.startsWith(`${candidate}.`) || candidate.startsWith(`${module}.`)));
}

export const dependency = defineCheck({
  name: 'dependency',
  argument,
  doc: {
    summary:
      "A dependency manifest (requirements, pyproject.toml, Pipfile, conda environment, package.json…) declares one of the packages. A compiled requirements file's packages that only other packages pulled in (pip-compile's `# via mlflow`) do not count, nor do a `pip freeze`'s packages that no code imports; with `imported: true`, no declared package counts unless some code imports it.",
    examples: ['dependency: [mlflow, wandb]', 'dependency: { names: "pytest*", dev: true }'],
  },
  evaluate(arg, ctx) {
    const spec = typeof arg === 'string' || Array.isArray(arg) ? { names: arg } : arg;
    const wanted = list(spec.names).map(normaliseDependencyName);
    const contexts = ('in' in spec ? spec.in : undefined) ?? DEFAULT_CONTEXTS;
    const matchers = wanted.map((name) => (name.includes('*') ? globMatcher(name) : (candidate: string) => candidate === name));
    const named = ctx.facts.dependencies.declared.filter(
      (dep) =>
        (!spec.ecosystem || dep.ecosystem === spec.ecosystem) &&
        (spec.dev === undefined || dep.dev === spec.dev) &&
        matchers.some((matches) => matches(dep.name)),
    );
    // A freeze lists what came with the team's packages as well: there, only what the code imports was chosen.
    const used = (dep: Dependency) => imported(dep.name, ctx.facts.code.imports);
    const chosen = (dep: Dependency) => dep.via === undefined && (!dep.frozen || used(dep)) && (!('imported' in spec) || used(dep));
    const found = named.filter((dep) => contexts.includes(pathContext(dep.path)) && chosen(dep));
    if (found.length > 0) {
      return {
        value: true,
        evidence: capped(
          found.map((dep) => ({
            kind: 'found',
            path: dep.path,
            line: dep.line,
            detail: `declares ${dep.name}${dep.spec ? ` ${dep.spec}` : ''}${dep.dev ? ' (development)' : ''}`,
          })),
          'declarations',
        ),
      };
    }
    const manifests = ctx.facts.dependencies.manifests.map((manifest) => manifest.path).filter((path) => contexts.includes(pathContext(path)));
    const packages = sought(wanted, wanted, ['package', 'packages']);
    const inManifests = sought(manifests, manifests, ['manifest', 'manifests']);
    return {
      value: false,
      evidence: [
        {
          kind: 'missing',
          detail:
            manifests.length === 0
              ? `no dependency manifest${contextWords(contexts)} found, so none declares ${packages.words}`
              : `${packages.words} not declared in ${inManifests.words}`,
          ...searchedParts(packages.searched && `the packages ${packages.searched}`, manifests.length > 0 ? inManifests.searched && `the manifests ${inManifests.searched}` : undefined),
        },
        ...named.slice(0, 3).map((dep): Evidence => ({
          kind: 'found',
          counted: false,
          path: dep.path,
          line: dep.line,
          detail: notCountedBecause(dep, contexts),
        })),
      ],
    };
  },
  references(arg, scope) {
    if (typeof arg === 'string' || Array.isArray(arg)) checkGlobs(arg, [], scope);
    else checkGlobs(arg.names, ['names'], scope);
  },
});

function notCountedBecause(dep: Dependency, contexts: readonly string[]): string {
  if (dep.via) return `not counted: ${dep.name} is only there as a dependency of ${sought(dep.via, dep.via, ['package', 'packages']).words} (compiled requirements, \`# via\`)`;
  if (!contexts.includes(pathContext(dep.path))) return `not counted: ${dep.name} is declared in ${pathContext(dep.path)} code, not the project's own`;
  if (dep.frozen) return `not counted: ${dep.name} is in a pip freeze of an environment, and no code imports it`;
  return `not counted: ${dep.name} is declared, and no code imports it`;
}
