import { isMap } from 'yaml';
import { emptyDraft, type Draft } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { addImageStep, child, entries, firstDocument, items, resolved, texts, type Yaml, yamlReader } from '../yaml.js';

const WOODPECKER_EVENTS = new Map<string, CiTrigger>([
  ['push', 'push'],
  ['pull_request', 'pull_request'],
  ['tag', 'tag'],
  ['release', 'tag'],
  ['cron', 'schedule'],
  ['manual', 'manual'],
]);
/** A workflow whose `when` names no event runs on every event of a repository push, change request or tag. */
const WOODPECKER_DEFAULT_EVENTS: CiTrigger[] = ['push', 'pull_request', 'tag', 'manual'];

/** The events a workflow's `when` names: one condition map, or a list of them (any of which starts it). */
function woodpeckerTriggers(y: Yaml, when: unknown): CiTrigger[] {
  const conditions = isMap(resolved(y, when)) ? [when] : items(y, when);
  const events = conditions.flatMap((condition) => texts(y, child(y, condition, 'event')));
  return events.length === 0 ? WOODPECKER_DEFAULT_EVENTS : events.map((event) => WOODPECKER_EVENTS.get(event) ?? 'other');
}

/** Steps as a map of named steps (`steps:`, or `pipeline:` before 1.0) or as a list of steps with a `name`. */
function woodpeckerSteps(y: Yaml, root: unknown): unknown[] {
  const steps = child(y, root, 'steps') ?? child(y, root, 'pipeline');
  return isMap(resolved(y, steps)) ? entries(y, steps).map((entry) => entry.value) : items(y, steps);
}

function woodpeckerWorkflow(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  for (const step of woodpeckerSteps(y, root)) addImageStep(draft, y, step, child(y, step, 'commands') ?? child(y, step, 'entrypoint'));
  draft.triggers = woodpeckerTriggers(y, child(y, root, 'when'));
  draft.disabled = draft.jobs === 0;
  return draft;
}

/** Woodpecker CI: `.woodpecker.yml`, or each workflow of `.woodpecker/`, with its steps, plugins and `when` events. */
export const woodpecker: CiProviderDefinition = {
  provider: 'woodpecker',
  files: [{ path: /^\.woodpecker(?:\.ya?ml|\/[^/]+\.ya?ml)$/ }],
  read: yamlReader(firstDocument(woodpeckerWorkflow)),
};
