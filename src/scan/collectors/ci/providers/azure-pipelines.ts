import { posix } from 'node:path';
import { isSeq } from 'yaml';
import { addEnvironment, addReference, addScripts, emptyDraft, type Draft } from '../draft.js';
import { repoPath } from '../follow/repo-files.js';
import { scriptLine } from '../shell.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, entries, environmentName, firstDocument, inputs, isFalse, isTrue, items, lineOf, resolved, scriptsOf, text, yamlReader, type Yaml } from '../yaml.js';

/*
 * The patterns that recognise a file are tried on every YAML file of a repository: line starts
 * are matched with `[ \t]*`, never `\s*`, which would run over blank lines from every line start.
 */

/**
 * Azure DevOps pipelines live wherever the team keeps them (`.pipelines/`, `devops_pipelines/`,
 * `azure-pipelines/PIPELINE-1-modeling.yml`), next to other YAML such as Azure ML or Kubeflow
 * pipeline definitions, so they are recognised by their shape: the top-level keys of a pipeline
 * and its step, job or stage list items (`- task:`, `- script:`, `- job:`…).
 */
const AZURE_DEVOPS_TEXT = [
  /^(?:trigger|pr|pool|stages|jobs|steps|extends|schedules):/m,
  /^[ \t]*-[ \t]*(?:task|script|bash|pwsh|powershell|checkout|job|stage|deployment|download|publish|template):/m,
];
/**
 * GitLab CI files share that shape (`stages:`, `- template:` includes, `needs: - job:`), and are
 * told apart by GitLab's own keywords.
 */
const GITLAB_KEYWORDS = [/^(?:include|before_script|after_script|image|services|workflow|default):/m, /^[ \t]+(?:stage|only|except|rules|artifacts|allow_failure|extends|needs|before_script|after_script):/m];

const AZURE_SCRIPT_KEYS = ['script', 'bash', 'powershell', 'pwsh'];
/** Task inputs that hold an inline script (`Bash@3`, `PowerShell@2`, `AzureCLI@2`…). */
const AZURE_INLINE_SCRIPT_INPUTS = new Set(['script', 'inlinescript']);
const AZURE_RESOURCE_KINDS = ['pipelines', 'repositories', 'containers', 'packages', 'webhooks'];

/** A step's `workingDirectory:`, as a repository directory (the root when it is computed at run time). */
function azureDirectory(written: string | undefined): string {
  return (written && repoPath('', written)) ?? '';
}

/** Items of a list, with `${{ if … }}:` / `${{ each … }}:` template blocks flattened. */
function azureItems(y: Yaml, node: unknown, seen = new Set<unknown>()): unknown[] {
  const list = resolved(y, node);
  if (seen.has(list)) return [];
  seen.add(list);
  return items(y, list).flatMap((item) => {
    const [only, ...others] = entries(y, item);
    return only && others.length === 0 && only.key.startsWith('${{') ? azureItems(y, only.value, seen) : [item];
  });
}

/** A `template:` path as a repository path: relative to the including file, `/` from the root, none for other repositories. */
function azureTemplatePath(from: string, reference: string | undefined): string | undefined {
  if (!reference || reference.includes('${{')) return undefined;
  const [file = '', repository] = reference.split('@');
  if (repository !== undefined && repository !== 'self') return undefined;
  const path = file.startsWith('/') ? posix.normalize(file.slice(1)) : posix.join(posix.dirname(from), file);
  return path.startsWith('..') ? undefined : path;
}

function isNone(y: Yaml, node: unknown): boolean {
  const value = resolved(y, node);
  return text(y, value) === 'none' || (isSeq(value) && value.items.length === 0);
}

/** `trigger:` / `pr:`: absent means every branch (Azure's default), `none` means never. */
function azureBranchTriggers(y: Yaml, node: unknown, trigger: CiTrigger): CiTrigger[] {
  if (node === undefined) return [trigger];
  if (isNone(y, node)) return [];
  const keys = new Set(entries(y, node).map((entry) => entry.key));
  if (keys.has('tags') && !keys.has('branches')) return ['tag'];
  return keys.has('tags') ? [trigger, 'tag'] : [trigger];
}

function azureTriggers(y: Yaml, root: unknown): CiTrigger[] {
  const triggers = [...azureBranchTriggers(y, child(y, root, 'trigger'), 'push'), ...azureBranchTriggers(y, child(y, root, 'pr'), 'pull_request')];
  if (items(y, child(y, root, 'schedules')).length > 0) triggers.push('schedule');
  const resources = child(y, root, 'resources');
  const resourceTriggers = AZURE_RESOURCE_KINDS.flatMap((kind) => items(y, child(y, resources, kind)).map((resource) => child(y, resource, 'trigger')));
  if (resourceTriggers.some((trigger) => trigger !== undefined && !isNone(y, trigger) && !isFalse(y, trigger))) triggers.push('other');
  // Any pipeline can still be queued by hand.
  return triggers.length > 0 ? triggers : ['manual'];
}

/** Every `steps:` list of a job, including a deployment job's `strategy: … deploy: steps:` hooks. */
function nestedSteps(y: Yaml, node: unknown, seen = new Set<unknown>()): unknown[] {
  const map = resolved(y, node);
  if (seen.has(map)) return [];
  seen.add(map);
  return entries(y, map).flatMap((entry) => (entry.key === 'steps' ? [entry.value] : nestedSteps(y, entry.value, seen)));
}

class AzureReader {
  readonly draft = emptyDraft();

  constructor(
    private readonly y: Yaml,
    private readonly path: string,
  ) {}

  /** Records the file a `template:` names; true when the item is a template reference. */
  followTemplate(node: unknown): boolean {
    if (node === undefined) return false;
    const target = azureTemplatePath(this.path, text(this.y, node));
    if (target) this.draft.calls.push(target);
    return true;
  }

  stages(node: unknown): void {
    for (const stage of azureItems(this.y, node)) {
      if (!this.followTemplate(child(this.y, stage, 'template'))) this.jobs(child(this.y, stage, 'jobs'));
    }
  }

  jobs(node: unknown): void {
    const { y } = this;
    for (const job of azureItems(y, node)) {
      if (this.followTemplate(child(y, job, 'template'))) continue;
      this.draft.jobs++;
      if (isFalse(y, child(y, job, 'condition'))) continue;
      if (child(y, job, 'deployment') !== undefined) addEnvironment(this.draft, environmentName(y, child(y, job, 'environment')));
      for (const steps of nestedSteps(y, job)) this.steps(steps);
    }
  }

  steps(node: unknown): void {
    const { y, draft } = this;
    for (const step of azureItems(y, node)) {
      if (isFalse(y, child(y, step, 'enabled')) || isFalse(y, child(y, step, 'condition')) || this.followTemplate(child(y, step, 'template'))) continue;
      const failureTolerated = isTrue(y, child(y, step, 'continueOnError')) ? { tolerated: true } : {};
      const place = { cwd: azureDirectory(text(y, child(y, step, 'workingDirectory'))), ...failureTolerated };
      for (const key of AZURE_SCRIPT_KEYS) addScripts(draft, scriptsOf(y, child(y, step, key)), place);
      const task = child(y, step, 'task');
      const name = text(y, task);
      if (!name) continue;
      const settings = child(y, step, 'inputs');
      addReference(draft, name, lineOf(y, task), inputs(y, settings), failureTolerated);
      const taskPlace = { cwd: azureDirectory(text(y, child(y, settings, 'workingDirectory'))), ...failureTolerated };
      for (const input of entries(y, settings)) {
        const key = input.key.toLowerCase();
        if (AZURE_INLINE_SCRIPT_INPUTS.has(key)) addScripts(draft, scriptsOf(y, input.value), taskPlace);
        // `Bash@3` with `filePath: scripts/test.sh` runs that script.
        else if (key === 'filepath' || key === 'scriptpath') addScripts(draft, [[scriptLine(`bash ${text(y, input.value) ?? ''}`, lineOf(y, input.value))]], taskPlace);
      }
    }
  }
}

function azurePipeline(y: Yaml, path: string): Draft {
  const root = y.doc.contents;
  const reader = new AzureReader(y, path);
  reader.followTemplate(child(y, child(y, root, 'extends'), 'template'));
  reader.stages(child(y, root, 'stages'));
  reader.jobs(child(y, root, 'jobs'));
  if (child(y, root, 'steps') !== undefined) {
    reader.draft.jobs++;
    reader.steps(child(y, root, 'steps'));
  }
  const { draft } = reader;
  draft.triggers = azureTriggers(y, root);
  draft.inheritedTriggers = 'replace';
  draft.disabled = draft.jobs === 0 && draft.calls.length === 0;
  return draft;
}

/** Azure Pipelines: stages, jobs, steps and tasks, through `template:` files and `${{ }}` blocks. */
export const azurePipelines: CiProviderDefinition = {
  provider: 'azure-pipelines',
  files: [
    { path: /(?:^|\/)azure-pipelines[^/]*\.ya?ml$/, anywhere: true },
    { path: /^\.(?:azure-pipelines|azuredevops)\/.+\.ya?ml$/ },
    { path: /\.ya?ml$/, anywhere: true, sniff: AZURE_DEVOPS_TEXT, unlike: GITLAB_KEYWORDS, byContent: true },
  ],
  read: yamlReader(firstDocument(azurePipeline)),
};
