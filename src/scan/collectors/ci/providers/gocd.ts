import { posix } from 'node:path';
import { isMap } from 'yaml';
import { addScripts, emptyDraft, type Draft } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { scriptLine } from '../shell.js';
import { lineAtOffset, lineStarts } from '../source-text.js';
import { child, commandWords, entries, firstDocument, items, resolved, scriptsOf, text, yamlReader, type Yaml } from '../yaml.js';

/*
 * GoCD: pipelines as code, in the YAML config plugin's files (`*.gocd.yaml`, or any YAML file with
 * its `format_version` and `pipelines`), the JSON plugin's (`*.gocd.json`), or rendered from
 * Jsonnet with gocd-jsonnet (getsentry's services). A pipeline runs when one of its materials
 * changes (a push), unless its first stage waits for a person; `timer:` schedules it.
 */

/** A list of `name: {...}` maps (the YAML plugin) or of objects with a `name` (the JSON plugin), or one map of them. */
function named(y: Yaml, node: unknown): unknown[] {
  if (isMap(resolved(y, node))) return entries(y, node).map((entry) => entry.value);
  return items(y, node).map((item) => (child(y, item, 'name') === undefined && entries(y, item).length === 1 ? entries(y, item)[0]!.value : item));
}

/** A task: the script executor's `script:`, or `exec` (`{command, arguments}`, or the JSON plugin's `type: exec`, its settings beside the type or, as GoCD's API exports them, under `attributes`). */
function gocdTask(y: Yaml, task: unknown, draft: Draft): void {
  const script = child(y, task, 'script');
  if (script !== undefined) {
    addScripts(draft, scriptsOf(y, script));
    return;
  }
  const exec = child(y, task, 'exec') ?? (text(y, child(y, task, 'type')) === 'exec' ? (child(y, task, 'attributes') ?? task) : undefined);
  const command = child(y, exec, 'command');
  if (text(y, command) === undefined) return;
  draft.commands.push({ cwd: text(y, child(y, exec, 'working_directory')) ?? '', words: commandWords(y, [command, ...items(y, child(y, exec, 'arguments'))]) });
}

function waitsForPerson(y: Yaml, stage: unknown): boolean {
  const approval = child(y, stage, 'approval');
  return (text(y, approval) ?? text(y, child(y, approval, 'type'))) === 'manual';
}

function gocdPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  // The JSON plugin holds one pipeline per file; the YAML plugin a map (or list) of them.
  const pipelines = child(y, root, 'pipelines') === undefined ? [root] : named(y, child(y, root, 'pipelines'));
  for (const pipeline of pipelines) {
    const stages = named(y, child(y, pipeline, 'stages'));
    for (const stage of stages) {
      if (waitsForPerson(y, stage)) draft.manualApproval = true;
      for (const job of named(y, child(y, stage, 'jobs'))) {
        draft.jobs++;
        for (const task of items(y, child(y, job, 'tasks'))) gocdTask(y, task, draft);
      }
    }
    const triggers: CiTrigger[] = [stages.length > 0 && waitsForPerson(y, stages[0]) ? 'manual' : 'push'];
    if (child(y, pipeline, 'timer') !== undefined) triggers.push('schedule');
    draft.triggers.push(...triggers);
  }
  draft.disabled = draft.jobs === 0;
  return draft;
}

/**
 * gocd-jsonnet's tasks, `gocdtasks.script(importstr '../bash/deploy.sh')` or an inline
 * `gocdtasks.script('make test')`: the Jsonnet is not evaluated, each task is read where it is
 * written. Stages are the keys of maps Jsonnet builds at run time, and are counted by their jobs' tasks.
 */
const GOCD_JSONNET_TASK = /\.script\(\s*(?:importstr\s+)?(?:'([^'\n]*)'|"([^"\n]*)")\s*\)/g;
const IMPORTED_SCRIPT = /\.script\(\s*importstr\b/;
const GOCD_JSONNET_TEXT = [/\bgocd-jsonnet\/libs\//, /\.script\(/];

function gocdJsonnet(path: string, source: string): Draft {
  const draft = emptyDraft();
  const starts = lineStarts(source);
  for (const match of source.matchAll(GOCD_JSONNET_TASK)) {
    const written = match[1] ?? match[2] ?? '';
    const line = lineAtOffset(starts, match.index);
    draft.jobs++;
    // An imported script runs as the task's body: as if the pipeline ran the file itself.
    const command = IMPORTED_SCRIPT.test(match[0]) ? posix.join(posix.dirname(path), written) : written;
    addScripts(draft, [[scriptLine(command, line)]]);
  }
  draft.triggers = ['push'];
  draft.manualApproval = /\btype\s*:\s*['"]manual['"]/.test(source);
  draft.disabled = draft.jobs === 0;
  return draft;
}

/** The YAML plugin's shape, in a file of any name: its version, its pipelines and their stages. */
const GOCD_YAML_TEXT = [/^format_version:[ \t]*\d/m, /^pipelines:/m, /^[ \t]+stages:/m];

export const gocd: CiProviderDefinition = {
  provider: 'gocd',
  files: [
    { path: /(?:^|\/)[^/]+\.gocd\.(?:ya?ml|json)$/, anywhere: true },
    { path: /\.(?:jsonnet|libsonnet)$/, anywhere: true, sniff: GOCD_JSONNET_TEXT },
    { path: /\.ya?ml$/, anywhere: true, sniff: GOCD_YAML_TEXT, byContent: true },
  ],
  read: (file, warn, repo) => (/\.(?:jsonnet|libsonnet)$/.test(file.path) ? gocdJsonnet(file.path, file.text) : yamlReader(firstDocument(gocdPipeline))(file, warn, repo)),
};
