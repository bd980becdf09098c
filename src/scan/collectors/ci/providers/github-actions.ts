import { posix } from 'node:path';
import { isMap } from 'yaml';
import { addEnvironment, addReference, emptyDraft, type Draft } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, entries, environmentName, firstDocument, inputs, isFalse, items, lineOf, resolved, scriptsOf, text, texts, yamlReader, type Yaml } from '../yaml.js';

const GITHUB_EVENTS = new Map<string, CiTrigger>([
  ['push', 'push'],
  ['pull_request', 'pull_request'],
  ['pull_request_target', 'pull_request'],
  // The merge queue checks pull requests before they merge.
  ['merge_group', 'pull_request'],
  ['schedule', 'schedule'],
  ['workflow_dispatch', 'manual'],
  ['repository_dispatch', 'manual'],
]);

function githubEventTriggers(y: Yaml, event: string, config: unknown): CiTrigger[] {
  if (event !== 'push') return [GITHUB_EVENTS.get(event) ?? 'other'];
  const keys = new Set(entries(y, config).map((entry) => entry.key));
  const tags = keys.has('tags') || keys.has('tags-ignore');
  const branches = keys.has('branches') || keys.has('branches-ignore');
  if (tags && !branches) return ['tag'];
  return tags ? ['push', 'tag'] : ['push'];
}

function githubTriggers(y: Yaml, on: unknown): CiTrigger[] {
  const events = isMap(resolved(y, on)) ? entries(y, on).map((entry) => ({ event: entry.key, config: entry.value })) : texts(y, on).map((event) => ({ event, config: undefined }));
  return events.flatMap(({ event, config }) => githubEventTriggers(y, event, config));
}

function githubWorkflow(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  draft.triggers = githubTriggers(y, child(y, root, 'on'));
  const jobs = entries(y, child(y, root, 'jobs'));
  const running = jobs.filter((job) => !isFalse(y, child(y, job.value, 'if')));
  draft.jobs = jobs.length;
  for (const { value: job } of running) {
    addEnvironment(draft, environmentName(y, child(y, job, 'environment')));
    const called = text(y, child(y, job, 'uses'));
    if (called?.startsWith('./')) draft.calls.push(posix.normalize(called));
    for (const step of items(y, child(y, job, 'steps'))) {
      if (isFalse(y, child(y, step, 'if'))) continue;
      draft.scripts.push(...scriptsOf(y, child(y, step, 'run')));
      const uses = child(y, step, 'uses');
      const reference = text(y, uses);
      if (reference) addReference(draft, reference, lineOf(y, uses), inputs(y, child(y, step, 'with')));
    }
  }
  draft.disabled = draft.triggers.length === 0 || running.length === 0;
  return draft;
}

/** GitHub Actions: workflows under `.github/workflows/`. */
export const githubActions: CiProviderDefinition = {
  provider: 'github-actions',
  files: [{ path: /^\.github\/workflows\/[^/]+\.ya?ml$/ }],
  read: yamlReader(firstDocument(githubWorkflow)),
};
