import { posix } from 'node:path';
import { isMap, isSeq } from 'yaml';
import { addEnvironment, addReference, addScripts, emptyDraft, type Draft, type Source } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { RepoFiles } from '../follow/repo-files.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, entries, environmentName, isFalse, isTrue, items, lineOf, resolved, scriptsOf, text, texts, yamlDocuments, yamlReader, type Yaml } from '../yaml.js';

const GITLAB_KEYWORDS = new Set(['image', 'services', 'stages', 'types', 'before_script', 'after_script', 'variables', 'cache', 'include', 'workflow', 'default', 'spec']);
const GITLAB_SCRIPT_KEYS = ['before_script', 'script', 'after_script'];

/** Pipeline sources named in a rule's `if:` (only in comparisons that select, not `!=`). */
const GITLAB_CONDITIONS: Array<{ trigger: CiTrigger; regex: RegExp }> = [
  { trigger: 'pull_request', regex: /merge_request_event|external_pull_request_event|\$CI_MERGE_REQUEST_\w+/ },
  { trigger: 'schedule', regex: /["']schedule["']/ },
  { trigger: 'tag', regex: /\$CI_COMMIT_TAG\b/ },
  { trigger: 'manual', regex: /["']web["']/ },
  { trigger: 'other', regex: /["'](?:api|trigger|pipeline|parent_pipeline|chat|webide)["']/ },
];

const GITLAB_ONLY_REFS = new Map<string, CiTrigger>([
  ['merge_requests', 'pull_request'],
  ['external_pull_requests', 'pull_request'],
  ['schedules', 'schedule'],
  ['tags', 'tag'],
  ['web', 'manual'],
  ['api', 'other'],
  ['triggers', 'other'],
  ['pipelines', 'other'],
  ['chat', 'other'],
]);

function gitlabRuleTriggers(y: Yaml, rules: unknown): CiTrigger[] {
  return items(y, rules).flatMap((rule) => {
    if (text(y, child(y, rule, 'when')) === 'never') return [];
    const selecting = (text(y, child(y, rule, 'if')) ?? '')
      .split(/&&|\|\|/)
      .filter((part) => !/!=|!~|==\s*null/.test(part))
      .join(' ');
    return GITLAB_CONDITIONS.filter(({ regex }) => regex.test(selecting)).map(({ trigger }) => trigger);
  });
}

function gitlabOnlyTriggers(y: Yaml, only: unknown): CiTrigger[] {
  const refs = isMap(resolved(y, only)) ? child(y, only, 'refs') : only;
  return texts(y, refs).map((ref) => GITLAB_ONLY_REFS.get(ref) ?? 'push');
}

/** A job or template definition, with the file it is written in (an included file has a source). */
interface Definition {
  y: Yaml;
  node: unknown;
  source?: Source;
}

/** A value found for a job, and where. */
interface Found extends Definition {
  value: unknown;
}

/** Included files are followed this many at most (GitLab itself stops at 150). */
const MAX_INCLUDED_FILES = 50;

class GitlabFiles {
  /** Every job definition, hidden (`.template`) ones included, by name: the pipeline file's own override included ones. */
  readonly definitions = new Map<string, Definition>();
  /** The documents' roots, the pipeline file's first, for `default:` and `workflow:`. */
  readonly roots: Definition[] = [];

  /** A job's keyword, from the job itself or the jobs it `extends:` (the last one listed wins). */
  lookup(job: Definition | undefined, key: string, seen = new Set<unknown>()): Found | undefined {
    if (!job) return undefined;
    const own = child(job.y, job.node, key);
    if (own !== undefined) return { ...job, value: own };
    if (seen.has(job.node)) return undefined;
    seen.add(job.node);
    for (const parent of texts(job.y, child(job.y, job.node, 'extends')).reverse()) {
      const found = this.lookup(this.definitions.get(parent), key, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** `before_script`/`after_script` come from `default:` (or the top level) unless `inherit: default:` says otherwise. */
  defaultOf(job: Definition, key: string): Found | undefined {
    const inherit = this.lookup(job, 'inherit');
    const setting = inherit ? child(inherit.y, inherit.value, 'default') : undefined;
    if (inherit && (isFalse(inherit.y, setting) || (isSeq(resolved(inherit.y, setting)) && !texts(inherit.y, setting).includes(key)))) return undefined;
    for (const root of this.roots) {
      const value = child(root.y, child(root.y, root.node, 'default'), key) ?? child(root.y, root.node, key);
      if (value !== undefined) return { ...root, value };
    }
    return undefined;
  }
}

/** `include:` entries, as a list. */
function gitlabIncludes(y: Yaml, include: unknown): unknown[] {
  const value = resolved(y, include);
  return value === undefined || value === null ? [] : isSeq(value) ? items(y, value) : [value];
}

/** The repository files a `local:` include (or a bare path) names, globs expanded. */
function localIncludePaths(y: Yaml, include: unknown, repo: RepoFiles): string[] {
  const written = text(y, include) ?? text(y, child(y, include, 'local'));
  if (!written || /^[a-z]+:\/\//i.test(written) || written.includes('$')) return [];
  const path = posix.normalize(written.replace(/^\/+/, ''));
  if (path.startsWith('..')) return [];
  return /[*?[]/.test(path) ? repo.matching(path.replace(/\*\*(?!\/)/g, '**/*')) : [path];
}

/**
 * Reads a GitLab file and the local files it includes, depth first: templates and components are
 * references the pipeline uses, local files bring jobs, each shown through the `include:` line.
 */
function readIncluded(files: GitlabFiles, draft: Draft, y: Yaml, source: Source | undefined, repo: RepoFiles, seen: Set<string>): void {
  const root = y.doc.contents;
  files.roots.push({ y, node: root, ...(source ? { source } : {}) });
  for (const include of gitlabIncludes(y, child(y, root, 'include'))) {
    for (const key of ['template', 'component']) {
      const reference = child(y, include, key);
      const name = text(y, reference);
      if (name) addReference(draft, name, lineOf(y, reference), undefined, source ? { source } : {});
    }
    for (const path of localIncludePaths(y, include, repo)) {
      if (seen.has(path) || seen.size >= MAX_INCLUDED_FILES) continue;
      seen.add(path);
      const file = repo.read(path);
      const docs = file ? yamlDocuments(file.text) : null;
      if (!docs || !Array.isArray(docs) || docs.length === 0) continue;
      const link = { path: source?.path ?? null, line: lineOf(y, include), command: `include: ${path}` };
      const included = docs.find((doc) => child(doc, doc.doc.contents, 'spec') === undefined) ?? docs[0]!;
      readIncluded(files, draft, included, { path, trail: [...(source?.trail ?? []), link] }, repo, seen);
    }
  }
  // Definitions read later (the including file's) override those of the files it includes.
  for (const entry of entries(y, root)) {
    if (!GITLAB_KEYWORDS.has(entry.key) && isMap(entry.value)) files.definitions.set(entry.key, { y, node: entry.value, ...(source ? { source } : {}) });
  }
}

function gitlabPipeline(docs: Yaml[], path: string, repo: RepoFiles): Draft {
  const draft = emptyDraft();
  // A file may start with a `spec:` header document (CI/CD inputs) before the pipeline itself.
  const y = docs.find((doc) => child(doc, doc.doc.contents, 'spec') === undefined) ?? docs[0]!;
  const files = new GitlabFiles();
  readIncluded(files, draft, y, undefined, repo, new Set([path]));
  files.roots.reverse();
  const triggers: CiTrigger[] = ['push', ...files.roots.flatMap((root) => gitlabRuleTriggers(root.y, child(root.y, child(root.y, root.node, 'workflow'), 'rules')))];
  const jobs = [...files.definitions].filter(([name]) => !name.startsWith('.')).map(([, job]) => job);
  for (const job of jobs) {
    const allowFailure = files.lookup(job, 'allow_failure');
    const failureTolerated = allowFailure !== undefined && isTrue(allowFailure.y, allowFailure.value);
    for (const key of GITLAB_SCRIPT_KEYS) {
      const script = files.lookup(job, key) ?? (key === 'script' ? undefined : files.defaultOf(job, key));
      if (script) addScripts(draft, scriptsOf(script.y, script.value), { cwd: '', ...(script.source ? { source: script.source } : {}), ...(failureTolerated ? { tolerated: true } : {}) });
    }
    const rules = files.lookup(job, 'rules');
    const only = files.lookup(job, 'only');
    triggers.push(...(rules ? gitlabRuleTriggers(rules.y, rules.value) : []), ...(only ? gitlabOnlyTriggers(only.y, only.value) : []));
    const when = files.lookup(job, 'when');
    const whens = [...(when ? [text(when.y, when.value)] : []), ...(rules ? items(rules.y, rules.value).map((rule) => text(rules.y, child(rules.y, rule, 'when'))) : [])];
    if (whens.includes('manual')) draft.manualApproval = true;
    const environment = files.lookup(job, 'environment');
    if (environment) addEnvironment(draft, environmentName(environment.y, environment.value));
  }
  draft.triggers = triggers;
  draft.jobs = jobs.length;
  draft.disabled = jobs.length === 0 && gitlabIncludes(y, child(y, y.doc.contents, 'include')).length === 0;
  return draft;
}

/** GitLab CI: `.gitlab-ci.yml`, its jobs, templates (`extends:`), rules, and the files it includes. */
export const gitlabCi: CiProviderDefinition = {
  provider: 'gitlab-ci',
  files: [{ path: /^\.gitlab-ci\.ya?ml$/ }],
  read: yamlReader(gitlabPipeline),
};
