import type { Answers, AnswerValue } from '../answers/types.js';
import type { CiPipeline, Facts, PathContext } from '../scan/facts.js';
import { pathContext } from '../scan/path-context.js';
import { byLocation } from '../util/compare.js';
import { globMatcher, matchesAny } from '../util/glob.js';
import type { Evidence } from './finding.js';
import type { FileIndex } from './file-index.js';
import type {
  AnswerPredicate,
  Expr,
  CiPredicate,
  DependencyPredicate,
  DockerfilePredicate,
  DockerfileProperty,
  FactPredicate,
  FilePredicate,
  IacPredicate,
  ImportPredicate,
  K8sPredicate,
  SecretPredicate,
  SignalDefinition,
  SignalPredicate,
} from './types.js';

/** Three-valued truth: null means "cannot tell" (an unanswered question, an unknown fact). */
export type Truth = boolean | null;

export interface Outcome {
  value: Truth;
  evidence: Evidence[];
}

export interface EvalContext {
  facts: Facts;
  answers: Answers;
  files: FileIndex;
  signals: ReadonlyMap<string, SignalDefinition>;
  /** The packs' named conditions, by id. */
  conditions: ReadonlyMap<string, Expr>;
  /** Questions whose answers the repository contradicts, for the rule being evaluated: they hold no value. */
  overruled?: ReadonlySet<string>;
}

/** Enough evidence to check a claim; the rest is counted, not listed. */
const MAX_EVIDENCE = 5;
const DEFAULT_CONTEXTS: readonly PathContext[] = ['project'];

function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function capped(items: Evidence[], noun: string): Evidence[] {
  if (items.length <= MAX_EVIDENCE) return items;
  const rest = items.length - MAX_EVIDENCE;
  return [...items.slice(0, MAX_EVIDENCE), { kind: items[0]!.kind, detail: `and ${rest} more ${noun}` }];
}

function contextWords(contexts: readonly PathContext[]): string {
  return contexts.length === 1 && contexts[0] === 'project' ? '' : ` (in ${contexts.join(', ')} paths)`;
}

/** "a, b or c", for evidence that says what was searched for. */
function alternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Which code locations count: those in the wanted contexts and, if given, matching a glob. */
function placeFilter(contexts: readonly PathContext[], globs: string | string[] | undefined): (place: { path: string; context: PathContext }) => boolean {
  const patterns = list(globs);
  return (place) => contexts.includes(place.context) && (patterns.length === 0 || matchesAny(place.path, patterns));
}

function globWords(globs: string | string[] | undefined): string {
  const patterns = list(globs);
  return patterns.length === 0 ? '' : ` (in ${alternatives(patterns)} files)`;
}

export function normaliseDependencyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function file(arg: FilePredicate, ctx: EvalContext): Outcome {
  const spec = typeof arg === 'string' || Array.isArray(arg) ? { glob: arg } : arg;
  const globs = list(spec.glob);
  const contexts = spec.in ?? DEFAULT_CONTEXTS;
  const min = spec.min ?? 1;
  const matched = [...new Set(globs.flatMap((glob) => ctx.files.find(glob)))].sort();
  const counted = matched.filter((path) => contexts.includes(pathContext(path)));
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
          : `no ${wanted}${contextWords(contexts)} among ${ctx.files.size} files`,
    },
  ];
  const elsewhere = matched.filter((path) => !contexts.includes(pathContext(path)));
  for (const path of elsewhere.slice(0, 3)) {
    evidence.push({ kind: 'found', counted: false, path, detail: `not counted: ${path} is ${pathContext(path)} code, not the project's own` });
  }
  return { value: false, evidence };
}

export function dependency(arg: DependencyPredicate, ctx: EvalContext): Outcome {
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
  const found = named.filter((dep) => contexts.includes(pathContext(dep.path)));
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
  return {
    value: false,
    evidence: [
      {
        kind: 'missing',
        detail:
          manifests.length === 0
            ? `no dependency manifest${contextWords(contexts)} declares ${alternatives(wanted)} (no manifest found)`
            : `${alternatives(wanted)} not declared in ${alternatives(manifests.slice(0, 5))}${manifests.length > 5 ? ` and ${manifests.length - 5} more` : ''}`,
      },
      ...named.slice(0, 3).map((dep): Evidence => ({
        kind: 'found',
        counted: false,
        path: dep.path,
        line: dep.line,
        detail: `not counted: ${dep.name} is declared in ${pathContext(dep.path)} code, not the project's own`,
      })),
    ],
  };
}

export function importPredicate(arg: ImportPredicate, ctx: EvalContext): Outcome {
  const spec = typeof arg === 'string' || Array.isArray(arg) ? { modules: arg } : arg;
  const modules = list(spec.modules);
  const contexts = spec.in ?? DEFAULT_CONTEXTS;
  const counts = placeFilter(contexts, 'glob' in spec ? spec.glob : undefined);
  const evidence: Evidence[] = [];
  for (const [name, usage] of Object.entries(ctx.facts.code.imports)) {
    if (!modules.some((module) => name === module || name.startsWith(`${module}.`))) continue;
    for (const location of usage.locations) {
      if (counts(location)) {
        evidence.push({ kind: 'found', path: location.path, line: location.line, cell: location.cell, detail: `imports ${name}` });
      }
    }
  }
  if (evidence.length > 0) return { value: true, evidence: capped(sortEvidence(evidence), 'imports') };
  return {
    value: false,
    evidence: [
      {
        kind: 'missing',
        detail: `no import of ${alternatives(modules)}${contextWords(contexts)}${globWords('glob' in spec ? spec.glob : undefined)} in ${ctx.facts.code.filesScanned} files searched`,
      },
    ],
  };
}

export function signal(arg: SignalPredicate, ctx: EvalContext): Outcome {
  const spec = typeof arg === 'string' || Array.isArray(arg) ? { ids: arg } : arg;
  const ids = list(spec.ids);
  const contexts = spec.in ?? DEFAULT_CONTEXTS;
  const globs = 'glob' in spec ? spec.glob : undefined;
  const counts = placeFilter(contexts, globs);
  const evidence: Evidence[] = [];
  for (const id of ids) {
    for (const match of ctx.facts.code.signals[id]?.matches ?? []) {
      if (counts(match)) {
        evidence.push({ kind: 'found', path: match.path, line: match.line, cell: match.cell, detail: match.snippet });
      }
    }
  }
  if (evidence.length > 0) return { value: true, evidence: capped(sortEvidence(evidence), 'matches') };
  const described = ids.map((id) => ctx.signals.get(id)?.description ?? id);
  const elsewhere = ids
    .flatMap((id) => ctx.facts.code.signals[id]?.matches ?? [])
    .filter((match) => !counts(match))
    .sort(byLocation)
    .slice(0, 3);
  return {
    value: false,
    evidence: [
      {
        kind: 'missing',
        detail: `no ${alternatives(described)}${contextWords(contexts)}${globWords(globs)} found in ${ctx.facts.code.filesScanned} files searched`,
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
}

function pipelineCounts(pipeline: CiPipeline, arg: CiPredicate): boolean {
  const environments = list(arg.environment).map((name) => name.toLowerCase());
  return (
    !pipeline.disabled &&
    (!arg.on || pipeline.triggers.some((trigger) => arg.on!.includes(trigger))) &&
    (environments.length === 0 || pipeline.environments.some((name) => environments.includes(name.toLowerCase()))) &&
    (arg.manualApproval === undefined || pipeline.manualApproval === arg.manualApproval)
  );
}

/** "on push, in environment production, with a manual approval": the conditions a pipeline had to meet. */
function pipelineConditions(arg: CiPredicate): string {
  const parts: string[] = [];
  if (arg.on) parts.push(`on ${alternatives(arg.on)}`);
  if (arg.environment) parts.push(`deploying to ${alternatives(list(arg.environment))}`);
  if (arg.manualApproval !== undefined) parts.push(arg.manualApproval ? 'with a manual approval' : 'without a manual approval');
  return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}

export function ci(arg: CiPredicate, ctx: EvalContext): Outcome {
  const kinds = list(arg.runs);
  const pipelines = ctx.facts.ci.pipelines;
  const evidence: Evidence[] = [];
  for (const pipeline of pipelines) {
    if (!pipelineCounts(pipeline, arg)) continue;
    if (kinds.length === 0) {
      const environments = pipeline.environments.length > 0 ? `, environments ${pipeline.environments.join(', ')}` : '';
      evidence.push({ kind: 'found', path: pipeline.path, detail: `${pipeline.provider} pipeline on ${alternatives(pipeline.triggers)}${environments}${pipeline.manualApproval ? ', with a manual approval' : ''}` });
      continue;
    }
    for (const step of pipeline.steps) {
      if (kinds.includes(step.kind)) {
        evidence.push({ kind: 'found', path: pipeline.path, line: step.line, detail: `${step.kind} step: ${step.command}` });
      }
    }
  }
  if (evidence.length > 0) return { value: true, evidence: capped(evidence, kinds.length === 0 ? 'pipelines' : 'steps') };
  if (pipelines.length === 0) {
    return {
      value: false,
      evidence: [{ kind: 'missing', detail: 'no CI pipeline found (GitHub Actions, GitLab CI, Azure Pipelines, Jenkins, CircleCI, Bitbucket, Travis, Cloud Build, CodeBuild, CodePipeline, Buildkite, Drone)' }],
    };
  }
  const triggerWords = pipelineConditions(arg);
  const skipped = pipelines.filter((pipeline) => !pipelineCounts(pipeline, arg));
  const searched = alternatives(pipelines.map((p) => p.path).slice(0, 5));
  const out: Evidence[] = [
    {
      kind: 'missing',
      detail: kinds.length === 0 ? `no enabled CI pipeline${triggerWords} among ${searched}` : `no CI step${triggerWords} runs ${alternatives(kinds)} in ${searched}`,
    },
  ];
  for (const pipeline of skipped.slice(0, 3)) {
    out.push({
      kind: 'found',
      counted: false,
      path: pipeline.path,
      detail: pipeline.disabled
        ? 'not counted: the pipeline is disabled'
        : `not counted: runs on ${alternatives(pipeline.triggers) || 'no trigger'}${pipeline.environments.length > 0 ? `, environments ${pipeline.environments.join(', ')}` : ''}${pipeline.manualApproval ? ', with a manual approval' : ''}`,
    });
  }
  return { value: false, evidence: out };
}

const DOCKERFILE_PROPERTIES: Record<DockerfileProperty, { holds: (d: Facts['containers']['dockerfiles'][number]) => boolean; words: string }> = {
  'pinned-base': { holds: (d) => d.baseImages.length > 0 && d.baseImages.every((image) => image.pinned), words: 'a pinned base image' },
  'non-root': { holds: (d) => !d.runsAsRoot, words: 'a non-root USER' },
  healthcheck: { holds: (d) => d.healthcheck !== null, words: 'a HEALTHCHECK' },
  'multi-stage': { holds: (d) => d.stages > 1, words: 'a multi-stage build' },
};

export function dockerfile(arg: DockerfilePredicate, ctx: EvalContext): Outcome {
  const required = list(arg.require);
  const all = (arg.match ?? 'all') === 'all';
  const dockerfiles = ctx.facts.containers.dockerfiles.filter((d) => pathContext(d.path) === 'project');
  if (dockerfiles.length === 0) {
    return { value: false, evidence: [{ kind: 'missing', detail: 'no Dockerfile or Containerfile in the project' }] };
  }
  const verdicts = dockerfiles.map((d) => ({
    d,
    lacking: required.filter((property) => !DOCKERFILE_PROPERTIES[property].holds(d)),
  }));
  const good = verdicts.filter((v) => v.lacking.length === 0);
  const value = all ? good.length === verdicts.length : good.length > 0;
  const shown = value ? good : verdicts.filter((v) => v.lacking.length > 0);
  const evidence: Evidence[] = shown.map(({ d, lacking }) => ({
    kind: lacking.length === 0 ? 'found' : 'missing',
    path: d.path,
    line: d.baseImages[0]?.line,
    detail:
      lacking.length === 0
        ? `has ${alternatives(required.map((p) => DOCKERFILE_PROPERTIES[p].words)).replace(/ or /, ' and ')}`
        : `lacks ${lacking.map((p) => DOCKERFILE_PROPERTIES[p].words).join(', ')}`,
  }));
  return { value, evidence: capped(evidence, 'Dockerfiles') };
}

export function k8s(arg: K8sPredicate, ctx: EvalContext): Outcome {
  const kinds = list(arg.kind);
  const features = list(arg.feature);
  const found = ctx.facts.kubernetes.objects.filter(
    (object) =>
      pathContext(object.path) === 'project' &&
      (kinds.length === 0 || kinds.includes(object.kind)) &&
      features.every((feature) => object.features.includes(feature)),
  );
  const wanted = [kinds.length > 0 ? `kind ${alternatives(kinds)}` : 'object', ...(features.length > 0 ? [`with ${features.join(' and ')}`] : [])].join(' ');
  if (found.length > 0) {
    return {
      value: true,
      evidence: capped(
        found.map((object) => ({ kind: 'found', path: object.path, line: object.line, detail: `${object.kind} ${object.name}`.trim() })),
        'objects',
      ),
    };
  }
  return {
    value: false,
    evidence: [{ kind: 'missing', detail: `no Kubernetes ${wanted} among ${ctx.facts.kubernetes.objects.length} manifests objects` }],
  };
}

export function iac(arg: IacPredicate, ctx: EvalContext): Outcome {
  const types = list(arg.resource);
  const tools = list(arg.tool);
  const typeMatchers = types.map((type) => globMatcher(type));
  if (types.length === 0) {
    const files = ctx.facts.iac.files.filter((f) => pathContext(f.path) === 'project' && (tools.length === 0 || tools.includes(f.tool)));
    if (files.length > 0) {
      return { value: true, evidence: capped(files.map((f) => ({ kind: 'found', path: f.path, detail: `${f.tool} file` })), 'files') };
    }
    return { value: false, evidence: [{ kind: 'missing', detail: `no ${tools.length > 0 ? alternatives(tools) : 'infrastructure-as-code'} files in the project` }] };
  }
  const found = ctx.facts.iac.resources.filter(
    (resource) =>
      pathContext(resource.path) === 'project' &&
      (tools.length === 0 || tools.includes(resource.tool)) &&
      typeMatchers.some((matches) => matches(resource.type)),
  );
  if (found.length > 0) {
    return {
      value: true,
      evidence: capped(
        found.map((r) => ({ kind: 'found', path: r.path, line: r.line, detail: `${r.tool} resource ${r.type} ${r.name}`.trim() })),
        'resources',
      ),
    };
  }
  return {
    value: false,
    evidence: [{ kind: 'missing', detail: `no ${alternatives(types)} resource among ${ctx.facts.iac.resources.length} infrastructure-as-code resources` }],
  };
}

export function secret(arg: SecretPredicate, ctx: EvalContext): Outcome {
  const contexts = arg.in ?? DEFAULT_CONTEXTS;
  const found = ctx.facts.secrets.findings.filter((f) => contexts.includes(f.context));
  if (found.length > 0) {
    return {
      value: true,
      evidence: capped(
        // A credential in the code is the problem itself, wherever the rule uses this predicate.
        found.map((f) => ({ kind: 'found', path: f.path, line: f.line, detail: `${f.kind}: ${f.redacted}`, problem: true })),
        'suspected secrets',
      ),
    };
  }
  const elsewhere = ctx.facts.secrets.findings.filter((f) => !contexts.includes(f.context));
  return {
    value: false,
    evidence: [
      { kind: 'missing', detail: `no credential pattern${contextWords(contexts)} in ${ctx.facts.secrets.filesScanned} files scanned` },
      ...elsewhere.slice(0, 3).map((f): Evidence => ({
        kind: 'found',
        counted: false,
        path: f.path,
        line: f.line,
        detail: `not counted: ${f.kind} ${f.redacted} is in ${f.context} code`,
      })),
    ],
  };
}

/**
 * The value at a dotted path in Facts. `absent` names the first part of the path that is null
 * (`git` outside a repository): a fact about something that does not exist is false, not unknown.
 */
export function factValue(facts: Facts, path: string): { value: unknown; absent: string | null } {
  let value: unknown = facts;
  const keys = path.split('.');
  for (const [i, key] of keys.entries()) {
    if (value === null && i > 0) return { value: undefined, absent: keys.slice(0, i).join('.') };
    if (value === null || typeof value !== 'object') return { value: undefined, absent: null };
    value = (value as Record<string, unknown>)[key];
  }
  return { value, absent: null };
}

/** An item of a fact list by what identifies it to a reader: its path, or its name. */
function itemName(item: unknown): string {
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    const name = record.path ?? record.name ?? record.id;
    if (typeof name === 'string') return name;
  }
  return typeof item === 'string' ? item : JSON.stringify(item);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const shown = value.slice(0, 5).map(itemName).join(', ');
    return value.length > 5 ? `${shown} and ${value.length - 5} more` : shown;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function fact(arg: FactPredicate, ctx: EvalContext): Outcome {
  const { value, absent } = factValue(ctx.facts, arg.path);
  if (absent !== null) {
    const holds = arg.exists === false;
    return { value: holds, evidence: [{ kind: 'fact', detail: `${absent} is absent${absent === 'git' ? ' (not a git repository)' : ''}` }] };
  }
  const comparisons: Array<[string, number | undefined, (a: number, b: number) => boolean]> = [
    ['≥', arg.gte, (a, b) => a >= b],
    ['≤', arg.lte, (a, b) => a <= b],
    ['>', arg.gt, (a, b) => a > b],
    ['<', arg.lt, (a, b) => a < b],
  ];
  const present = value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  if (arg.exists !== undefined) {
    return { value: present === arg.exists, evidence: [{ kind: 'fact', detail: present ? `${arg.path} = ${describe(value)}` : `${arg.path} is empty or absent` }] };
  }
  if (arg.equals !== undefined || arg.in !== undefined) {
    const expected = arg.in ?? [arg.equals];
    const holds = expected.some((option) => JSON.stringify(value) === JSON.stringify(option));
    return {
      value: holds,
      evidence: [{ kind: 'fact', detail: `${arg.path} = ${describe(value)}${holds ? '' : ` (expected ${alternatives(expected.map(describe))})`}` }],
    };
  }
  const numeric = Array.isArray(value) ? value.length : value;
  if (typeof numeric !== 'number') {
    return { value: null, evidence: [{ kind: 'fact', detail: `${arg.path} is not known` }] };
  }
  const failed = comparisons.filter(([, bound, holds]) => bound !== undefined && !holds(numeric, bound));
  const expectations = comparisons.filter(([, bound]) => bound !== undefined).map(([op, bound]) => `${op} ${bound}`);
  return {
    value: failed.length === 0,
    evidence: [{ kind: 'fact', detail: `${arg.path} = ${describe(numeric)}${failed.length === 0 ? '' : ` (expected ${expectations.join(' and ')})`}` }],
  };
}

function formatAnswer(value: AnswerValue): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isEmpty(value: AnswerValue): boolean {
  return (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

export function answer(arg: AnswerPredicate, ctx: EvalContext): Outcome {
  const given = ctx.answers.values[arg.id];
  if (!given) {
    return { value: null, evidence: [{ kind: 'answer', detail: `question ${arg.id} is not answered` }] };
  }
  const value = given.value;
  const evidence: Evidence = { kind: 'answer', path: ctx.answers.path ?? undefined, line: given.line, detail: `${arg.id}: ${formatAnswer(value)}` };
  if (ctx.overruled?.has(arg.id)) return { value: false, evidence: [{ ...evidence, detail: `${evidence.detail} (not believed: the repository contradicts it)` }] };
  const checks: boolean[] = [];
  if (arg.answered !== undefined) checks.push(!isEmpty(value) === arg.answered);
  if (arg.equals !== undefined) checks.push(value === arg.equals);
  if (arg.in !== undefined) checks.push(arg.in.some((option) => option === value));
  if (arg.includes !== undefined) {
    const values = Array.isArray(value) ? value : [String(value)];
    checks.push(list(arg.includes).every((option) => values.includes(option)));
  }
  if (arg.gte !== undefined) checks.push(typeof value === 'number' && value >= arg.gte);
  if (arg.lte !== undefined) checks.push(typeof value === 'number' && value <= arg.lte);
  return { value: checks.every(Boolean), evidence: [evidence] };
}

function sortEvidence(evidence: Evidence[]): Evidence[] {
  return evidence.sort(byLocation);
}
