import { isMap, isSeq } from 'yaml';
import { addScripts, emptyDraft, type Draft } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { commandWords, entries, firstDocument, items, resolved, scriptsOf, sourceOf, yamlReader, type Yaml } from '../yaml.js';

/*
 * Taskcluster: `.taskcluster.yml` renders task definitions with JSON-e (`$if`, `$let`,
 * `$mergeDeep`), so every `command:` in the file, whatever template wraps it, is a task's; the
 * GitHub events its conditions test (`tasks_for == "github-push"`) are its triggers.
 */

const TASKCLUSTER_EVENTS: Array<{ trigger: CiTrigger; regex: RegExp }> = [
  { trigger: 'push', regex: /github-push/ },
  { trigger: 'pull_request', regex: /github-pull-request/ },
  { trigger: 'tag', regex: /github-release/ },
  { trigger: 'schedule', regex: /["']cron["']/ },
  { trigger: 'manual', regex: /["']action["']/ },
];

/** Every value of a `command:` key, at any depth (JSON-e templates nest task definitions anywhere). */
function commandNodes(y: Yaml, node: unknown, seen = new Set<unknown>()): unknown[] {
  const value = resolved(y, node);
  if (seen.has(value)) return [];
  seen.add(value);
  if (isSeq(value)) return value.items.flatMap((item) => commandNodes(y, item, seen));
  if (!isMap(value)) return [];
  return entries(y, value).flatMap((entry) => (entry.key === 'command' ? [entry.value] : commandNodes(y, entry.value, seen)));
}

function taskclusterPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  for (const command of commandNodes(y, y.doc.contents)) {
    draft.jobs++;
    const list = items(y, command);
    if (!isSeq(resolved(y, command))) {
      addScripts(draft, scriptsOf(y, command));
      continue;
    }
    // A docker-worker command is one argument list; a generic-worker one is a list of them.
    const argvs = list.every((item) => isSeq(item)) ? list : [command];
    for (const argv of argvs) {
      const words = commandWords(y, items(y, argv));
      if (words.length > 0) draft.commands.push({ cwd: '', words });
    }
  }
  const source = sourceOf(y, y.doc.contents);
  const triggers = TASKCLUSTER_EVENTS.filter(({ regex }) => regex.test(source)).map(({ trigger }) => trigger);
  draft.triggers = triggers.length > 0 ? triggers : ['external'];
  draft.disabled = draft.jobs === 0;
  return draft;
}

/** Taskcluster: `.taskcluster.yml`, the tasks it renders and the GitHub events it reacts to. */
export const taskcluster: CiProviderDefinition = {
  provider: 'taskcluster',
  files: [{ path: /^\.taskcluster\.ya?ml$/ }],
  read: yamlReader(firstDocument(taskclusterPipeline)),
};
