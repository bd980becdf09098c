import { addScripts, emptyDraft, type Draft } from '../draft.js';
import type { CiStepKind, CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { SHELL, SHELL_COMMAND_FLAG } from '../wrappers.js';
import { child, commandWords, entries, items, lineOf, scriptsOf, text, yamlReader, type Yaml } from '../yaml.js';

/*
 * Tekton pipelines kept in `.tekton/`, where Pipelines-as-Code (OpenShift Pipelines, Konflux) and
 * IBM Cloud toolchains look for them: Tasks' steps (a `script`, or a `command` with `args`),
 * Pipelines' and PipelineRuns' tasks with their embedded specs, and the catalog tasks a build
 * pipeline refers to by name. A PipelineRun says the
 * events it runs on in its Pipelines-as-Code annotations; other runs are started by trigger
 * templates or the service, outside these files.
 */

/**
 * Catalog tasks (and shared pipelines) by name: the image builds of `buildah`, `kaniko`, Konflux's
 * `build-image-index` or a `docker-build` pipeline (they push what they build), and the scans
 * Konflux's build pipelines run on each image (Snyk code analysis, Clair).
 */
const TEKTON_TASK_KINDS: ReadonlyArray<{ kind: CiStepKind; regex: RegExp }> = [
  { kind: 'docker-push', regex: /^(?:buildah|kaniko|build-image|docker-build|build-container)/ },
  { kind: 'sast', regex: /^sast-(?:snyk|coverity|shell|unicode)-check/ },
  { kind: 'image-scan', regex: /^clair-scan\b/ },
];
const PAC_EVENT: Array<{ trigger: CiTrigger; regex: RegExp }> = [
  { trigger: 'push', regex: /\bpush\b/ },
  { trigger: 'pull_request', regex: /\bpull_request\b/ },
  { trigger: 'tag', regex: /\btag\b/ },
  { trigger: 'schedule', regex: /\bcron\b/ },
];

function tektonSteps(y: Yaml, spec: unknown, draft: Draft): void {
  for (const step of items(y, child(y, spec, 'steps'))) {
    const script = child(y, step, 'script');
    if (script !== undefined) {
      addScripts(draft, scriptsOf(y, script));
      continue;
    }
    const command = items(y, child(y, step, 'command'));
    const args = items(y, child(y, step, 'args'));
    const words = commandWords(y, [...command, ...args]);
    // `command: ["/bin/bash", "-c"]` with the script in `args`.
    const flag = SHELL.test(words[0]?.text ?? '') ? words.findIndex((word) => SHELL_COMMAND_FLAG.test(word.text)) : -1;
    if (flag >= 0) for (const arg of [...command, ...args].slice(flag + 1)) addScripts(draft, scriptsOf(y, arg));
    else if (words.length > 0) draft.commands.push({ cwd: '', words });
  }
}

/** The name a `taskRef`/`pipelineRef` gives, directly or as a resolver's `name` or `pathInRepo` parameter. */
function referenceName(y: Yaml, ref: unknown): string | undefined {
  const named = text(y, child(y, ref, 'name'));
  if (named) return named;
  const param = items(y, child(y, ref, 'params')).find((p) => ['name', 'pathInRepo'].includes(text(y, child(y, p, 'name')) ?? ''));
  return text(y, child(y, param, 'value'))?.split('/').pop();
}

function catalogTask(y: Yaml, ref: unknown, draft: Draft): void {
  const name = referenceName(y, ref);
  const kind = name ? TEKTON_TASK_KINDS.find(({ regex }) => regex.test(name))?.kind : undefined;
  if (kind) draft.steps.push({ kind, command: name!, line: lineOf(y, ref) });
}

function tektonPipelineTasks(y: Yaml, spec: unknown, draft: Draft): void {
  for (const task of [...items(y, child(y, spec, 'tasks')), ...items(y, child(y, spec, 'finally'))]) {
    draft.jobs++;
    tektonSteps(y, child(y, task, 'taskSpec'), draft);
    catalogTask(y, child(y, task, 'taskRef'), draft);
  }
}

function tektonPipeline(docs: Yaml[]): Draft {
  const draft = emptyDraft();
  const triggers = new Set<CiTrigger>();
  for (const y of docs) {
    const root = y.doc.contents;
    if (!(text(y, child(y, root, 'apiVersion')) ?? '').startsWith('tekton.dev/')) continue;
    const spec = child(y, root, 'spec');
    const kind = text(y, child(y, root, 'kind'));
    if (kind === 'Task' || kind === 'ClusterTask') {
      draft.jobs++;
      tektonSteps(y, spec, draft);
    } else if (kind === 'Pipeline') tektonPipelineTasks(y, spec, draft);
    else if (kind === 'PipelineRun') {
      tektonPipelineTasks(y, child(y, spec, 'pipelineSpec'), draft);
      const ref = child(y, spec, 'pipelineRef');
      if (ref !== undefined) {
        draft.jobs++;
        catalogTask(y, ref, draft);
      }
      const annotations = entries(y, child(y, child(y, root, 'metadata'), 'annotations'));
      const events = annotations.filter((entry) => /^pipelinesascode\.tekton\.dev\/on-(?:event|cel-expression)$/.test(entry.key)).map((entry) => text(y, entry.value) ?? '');
      for (const { trigger, regex } of PAC_EVENT) if (events.some((event) => regex.test(event))) triggers.add(trigger);
    }
  }
  draft.triggers = triggers.size > 0 ? [...triggers] : ['external'];
  draft.disabled = draft.jobs === 0;
  return draft;
}

export const tekton: CiProviderDefinition = {
  provider: 'tekton',
  // Trigger templates and listeners beside them run nothing themselves.
  files: [{ path: /^\.tekton\/.+\.ya?ml$/, sniff: [/^apiVersion:[ \t]*["']?tekton\.dev\//m, /^kind:[ \t]*(?:Task|ClusterTask|Pipeline|PipelineRun)[ \t]*$/m] }],
  read: yamlReader(tektonPipeline),
};
