import { isMap, isSeq } from 'yaml';
import { addEnvironment, addReference, addScripts, emptyDraft, type Draft } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, entries, environmentName, isFalse, items, lineOf, resolved, scriptsOf, text, texts, yamlReader, type Yaml } from '../yaml.js';

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

interface GitlabFile {
  y: Yaml;
  /** Every job definition, hidden (`.template`) ones included, by name. */
  definitions: ReadonlyMap<string, unknown>;
}

/** A job's keyword, from the job itself or the jobs it `extends:` (the last one listed wins). */
function gitlabLookup(file: GitlabFile, job: unknown, key: string, seen = new Set<unknown>()): unknown {
  const own = child(file.y, job, key);
  if (own !== undefined || seen.has(job)) return own;
  seen.add(job);
  for (const parent of texts(file.y, child(file.y, job, 'extends')).reverse()) {
    const found = gitlabLookup(file, file.definitions.get(parent), key, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** `before_script`/`after_script` come from `default:` (or the top level) unless `inherit: default:` says otherwise. */
function gitlabDefault(file: GitlabFile, job: unknown, key: string): unknown {
  const { y } = file;
  const inherit = child(y, gitlabLookup(file, job, 'inherit'), 'default');
  if (isFalse(y, inherit) || (isSeq(resolved(y, inherit)) && !texts(y, inherit).includes(key))) return undefined;
  const root = y.doc.contents;
  return child(y, child(y, root, 'default'), key) ?? child(y, root, key);
}

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

/** `include:` entries; `template:` and `component:` ones are classified, local files are out of scope. */
function gitlabIncludes(y: Yaml, include: unknown): unknown[] {
  const value = resolved(y, include);
  return value === undefined || value === null ? [] : isSeq(value) ? items(y, value) : [value];
}

function gitlabPipeline(docs: Yaml[]): Draft {
  const draft = emptyDraft();
  // A file may start with a `spec:` header document (CI/CD inputs) before the pipeline itself.
  const y = docs.find((doc) => child(doc, doc.doc.contents, 'spec') === undefined) ?? docs[0]!;
  const root = y.doc.contents;
  const definitions = new Map(
    entries(y, root)
      .filter((entry) => !GITLAB_KEYWORDS.has(entry.key) && isMap(entry.value))
      .map((entry) => [entry.key, entry.value] as const),
  );
  const file: GitlabFile = { y, definitions };
  const includes = gitlabIncludes(y, child(y, root, 'include'));
  for (const include of includes) {
    for (const key of ['template', 'component']) {
      const reference = child(y, include, key);
      const name = text(y, reference);
      if (name) addReference(draft, name, lineOf(y, reference));
    }
  }
  const triggers: CiTrigger[] = ['push', ...gitlabRuleTriggers(y, child(y, child(y, root, 'workflow'), 'rules'))];
  const jobs = [...definitions].filter(([name]) => !name.startsWith('.'));
  for (const [, job] of jobs) {
    for (const key of GITLAB_SCRIPT_KEYS) {
      const script = gitlabLookup(file, job, key) ?? (key === 'script' ? undefined : gitlabDefault(file, job, key));
      addScripts(draft, scriptsOf(y, script));
    }
    const rules = gitlabLookup(file, job, 'rules');
    triggers.push(...gitlabRuleTriggers(y, rules), ...gitlabOnlyTriggers(y, gitlabLookup(file, job, 'only')));
    const whens = [gitlabLookup(file, job, 'when'), ...items(y, rules).map((rule) => child(y, rule, 'when'))];
    if (whens.some((when) => text(y, when) === 'manual')) draft.manualApproval = true;
    addEnvironment(draft, environmentName(y, gitlabLookup(file, job, 'environment')));
  }
  draft.triggers = triggers;
  draft.jobs = jobs.length;
  draft.disabled = jobs.length === 0 && includes.length === 0;
  return draft;
}

/** GitLab CI: `.gitlab-ci.yml`, its jobs, templates (`extends:`), rules and includes. */
export const gitlabCi: CiProviderDefinition = {
  provider: 'gitlab-ci',
  files: [{ path: /^\.gitlab-ci\.ya?ml$/ }],
  read: yamlReader(gitlabPipeline),
};
