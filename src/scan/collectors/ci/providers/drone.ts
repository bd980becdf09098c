import { isMap } from 'yaml';
import { emptyDraft, type Draft } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { addImageStep, child, items, resolved, text, texts, yamlReader, type Yaml } from '../yaml.js';

const DRONE_EVENTS = new Map<string, CiTrigger>([
  ['push', 'push'],
  ['pull_request', 'pull_request'],
  ['tag', 'tag'],
  ['cron', 'schedule'],
  ['promote', 'manual'],
  ['rollback', 'manual'],
  ['custom', 'manual'],
]);
/** What a pipeline without `trigger: event:` runs on. */
const DRONE_DEFAULT_EVENTS = ['push', 'pull_request', 'tag'];

function droneEvents(y: Yaml, event: unknown): string[] {
  if (event === undefined) return DRONE_DEFAULT_EVENTS;
  if (!isMap(resolved(y, event))) return texts(y, event);
  const include = child(y, event, 'include');
  const excluded = new Set(texts(y, child(y, event, 'exclude')));
  return (include === undefined ? DRONE_DEFAULT_EVENTS : texts(y, include)).filter((name) => !excluded.has(name));
}

function dronePipeline(docs: Yaml[]): Draft {
  const draft = emptyDraft();
  for (const y of docs) {
    const root = y.doc.contents;
    const kind = text(y, child(y, root, 'kind'));
    if (kind !== undefined && kind !== 'pipeline') continue;
    for (const step of items(y, child(y, root, 'steps'))) addImageStep(draft, y, step, child(y, step, 'commands'));
    const events = droneEvents(y, child(y, child(y, root, 'trigger'), 'event'));
    draft.triggers.push(...events.map((event) => DRONE_EVENTS.get(event) ?? 'other'));
  }
  draft.disabled = draft.jobs === 0;
  return draft;
}

/** Drone: `.drone.yml`, every pipeline document in it, with its steps, plugins and trigger events. */
export const drone: CiProviderDefinition = {
  provider: 'drone',
  files: [{ path: /^\.drone\.ya?ml$/ }],
  read: yamlReader(dronePipeline),
};
