import { isMap } from 'yaml';
import { addEnvironment, addReference, addScripts, emptyDraft, type Draft } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, entries, firstDocument, inputs, items, lineOf, resolved, scriptsOf, text, yamlReader, type Yaml } from '../yaml.js';

const BITBUCKET_SECTIONS = new Map<string, { trigger: CiTrigger; byName: boolean }>([
  ['default', { trigger: 'push', byName: false }],
  ['branches', { trigger: 'push', byName: true }],
  ['bookmarks', { trigger: 'push', byName: true }],
  ['pull-requests', { trigger: 'pull_request', byName: true }],
  ['tags', { trigger: 'tag', byName: true }],
  ['custom', { trigger: 'manual', byName: true }],
]);

/** A deployment step or stage: who approves it and which environment it targets. */
function bitbucketGate(y: Yaml, node: unknown, draft: Draft): void {
  if (text(y, child(y, node, 'trigger')) === 'manual') draft.manualApproval = true;
  addEnvironment(draft, text(y, child(y, node, 'deployment')));
}

/** The `step:` nodes of a list, through `parallel:` and `stage:` groups. */
function bitbucketSteps(y: Yaml, list: unknown, draft: Draft, seen = new Set<unknown>()): unknown[] {
  const value = resolved(y, list);
  if (seen.has(value)) return [];
  seen.add(value);
  return items(y, value).flatMap((item) => {
    const step = child(y, item, 'step');
    if (step !== undefined) return [step];
    const parallel = child(y, item, 'parallel');
    if (parallel !== undefined) return bitbucketSteps(y, isMap(parallel) ? child(y, parallel, 'steps') : parallel, draft, seen);
    const stage = child(y, item, 'stage');
    bitbucketGate(y, stage, draft);
    return bitbucketSteps(y, child(y, stage, 'steps'), draft, seen);
  });
}

function bitbucketStep(y: Yaml, step: unknown, draft: Draft): void {
  bitbucketGate(y, step, draft);
  for (const key of ['script', 'after-script']) {
    for (const item of items(y, child(y, step, key))) {
      const pipe = child(y, item, 'pipe');
      const name = text(y, pipe);
      if (name) addReference(draft, name, lineOf(y, pipe), inputs(y, child(y, item, 'variables')));
      else addScripts(draft, scriptsOf(y, item));
    }
  }
}

function bitbucketPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  // Anchored steps reused by several sections are one step.
  const seen = new Set<unknown>();
  for (const { key, value } of entries(y, child(y, y.doc.contents, 'pipelines'))) {
    const section = BITBUCKET_SECTIONS.get(key);
    if (!section) continue;
    const lists = section.byName ? entries(y, value).map((entry) => entry.value) : [value];
    const steps = lists.flatMap((list) => bitbucketSteps(y, list, draft));
    if (steps.length > 0) draft.triggers.push(section.trigger);
    for (const step of steps) {
      if (seen.has(step)) continue;
      seen.add(step);
      bitbucketStep(y, step, draft);
    }
  }
  draft.jobs = seen.size;
  draft.disabled = seen.size === 0;
  return draft;
}

/** Bitbucket Pipelines: `bitbucket-pipelines.yml`, its sections, steps and pipes. */
export const bitbucketPipelines: CiProviderDefinition = {
  provider: 'bitbucket-pipelines',
  files: [{ path: /^bitbucket-pipelines\.ya?ml$/ }],
  read: yamlReader(firstDocument(bitbucketPipeline)),
};
