import { isMap } from 'yaml';
import { addReference, addScripts, emptyDraft, type Draft } from '../draft.js';
import { repoPath } from '../follow/repo-files.js';
import type { CiProviderDefinition } from '../provider.js';
import { NO_INPUTS, type Inputs } from '../reference-patterns.js';
import { child, entries, firstDocument, inputs, items, lineOf, scriptsOf, sourceOf, text, yamlReader, type Yaml } from '../yaml.js';

/** Orb commands and jobs are named `orb/name`; other names are the file's own jobs and commands, read where defined. */
function addOrb(draft: Draft, name: string, line: number, settings: Inputs = NO_INPUTS): void {
  if (name.includes('/')) addReference(draft, name, line, settings);
}

/** A run step's `working_directory`, relative to the checkout (`~/project` by default). */
function runDirectory(y: Yaml, run: unknown): string {
  const written = text(y, child(y, run, 'working_directory'));
  return (written && repoPath('', written.replace(/^~\/project(?=\/|$)/, '$CIRCLE_WORKING_DIRECTORY'))) ?? '';
}

function circleciStep(y: Yaml, step: unknown, draft: Draft): void {
  const name = text(y, step);
  if (name) {
    addOrb(draft, name, lineOf(y, step));
    return;
  }
  for (const { key, value, line } of entries(y, step)) {
    if (key === 'run') addScripts(draft, scriptsOf(y, isMap(value) ? child(y, value, 'command') : value), { cwd: runDirectory(y, value) });
    else addOrb(draft, key, line, inputs(y, value));
  }
}

function circleciPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  const jobs = entries(y, child(y, root, 'jobs'));
  const commands = entries(y, child(y, root, 'commands'));
  for (const { value } of [...jobs, ...commands]) {
    for (const step of items(y, child(y, value, 'steps'))) circleciStep(y, step, draft);
  }
  draft.jobs = jobs.length;
  const workflows = entries(y, child(y, root, 'workflows')).filter((entry) => entry.key !== 'version');
  for (const { value: workflow } of workflows) {
    const scheduled =
      items(y, child(y, workflow, 'triggers')).some((trigger) => child(y, trigger, 'schedule') !== undefined) ||
      sourceOf(y, child(y, workflow, 'when')).includes('scheduled_pipeline');
    draft.triggers.push(...(scheduled ? (['schedule'] as const) : (['push', 'pull_request'] as const)));
    for (const job of items(y, child(y, workflow, 'jobs'))) {
      const [entry] = entries(y, job);
      const name = text(y, job) ?? entry?.key ?? '';
      if (name.includes('/')) draft.jobs++;
      if (text(y, child(y, entry?.value, 'type')) === 'approval') draft.manualApproval = true;
      addOrb(draft, name, entry?.line ?? lineOf(y, job), inputs(y, entry?.value));
    }
  }
  if (workflows.length === 0) draft.triggers.push('push', 'pull_request');
  draft.disabled = draft.jobs === 0;
  return draft;
}

/** CircleCI: `.circleci/config.yml`, its jobs, commands, workflows and orbs. */
export const circleci: CiProviderDefinition = {
  provider: 'circleci',
  files: [{ path: /^\.circleci\/config\.ya?ml$/ }],
  read: yamlReader(firstDocument(circleciPipeline)),
};
