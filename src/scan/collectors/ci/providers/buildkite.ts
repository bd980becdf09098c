import { isMap, isSeq } from 'yaml';
import { addReference, addScripts, emptyDraft, type Draft } from '../draft.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, entries, firstDocument, inputs, items, lineOf, resolved, scriptsOf, text, yamlReader, type Entry, type Yaml } from '../yaml.js';

/** `plugins:` as a list of `name#version: config` maps (or bare names), or as one map. */
function buildkitePlugins(y: Yaml, plugins: unknown): Entry[] {
  if (isMap(resolved(y, plugins))) return entries(y, plugins);
  return items(y, plugins).flatMap((plugin) => {
    const name = text(y, plugin);
    return name ? [{ key: name, value: undefined, line: lineOf(y, plugin) }] : entries(y, plugin);
  });
}

function buildkiteSteps(y: Yaml, steps: unknown, draft: Draft, seen = new Set<unknown>()): void {
  const list = resolved(y, steps);
  if (seen.has(list)) return;
  seen.add(list);
  for (const step of items(y, list)) {
    buildkiteSteps(y, child(y, step, 'steps'), draft, seen);
    if (child(y, step, 'block') !== undefined || child(y, step, 'input') !== undefined) draft.manualApproval = true;
    const command = child(y, step, 'command') ?? child(y, step, 'commands');
    const plugins = buildkitePlugins(y, child(y, step, 'plugins'));
    if (command === undefined && plugins.length === 0) continue;
    draft.jobs++;
    addScripts(draft, scriptsOf(y, command));
    for (const plugin of plugins) addReference(draft, plugin.key, plugin.line, inputs(y, plugin.value));
  }
}

function buildkitePipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  buildkiteSteps(y, isSeq(resolved(y, root)) ? root : child(y, root, 'steps'), draft);
  draft.triggers = ['push', 'pull_request'];
  draft.disabled = draft.jobs === 0;
  return draft;
}

/** Buildkite: `.buildkite/pipeline*.yml`, its command steps, groups, plugins and block steps. */
export const buildkite: CiProviderDefinition = {
  provider: 'buildkite',
  files: [{ path: /^\.buildkite\/pipeline[^/]*\.ya?ml$/ }],
  read: yamlReader(firstDocument(buildkitePipeline)),
};
