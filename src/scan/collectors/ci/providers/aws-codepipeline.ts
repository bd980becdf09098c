import { posix } from 'node:path';
import { addEnvironment, emptyDraft, type Draft } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, entries, firstDocument, items, lineOf, sourceOf, text, yamlReader, type Entry, type Yaml } from '../yaml.js';

/** Source providers that start a run when the branch changes (CodeCommit through its event rule). */
export const CODEPIPELINE_GIT_SOURCE = /^(?:CodeCommit|GitHub|CodeStarSourceConnection|Bitbucket|GitLab\w*)$/;

/** Environment words in a stage or action name: `DeployDev`, `Deploy-Staging`, `DeployPrd`. */
const ENVIRONMENT_WORD = /\b(dev|development|test|staging|stage|stg|qa|uat|preprod|prod|prd|production)\b/i;

export function environmentWord(name: string): string | undefined {
  return ENVIRONMENT_WORD.exec(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' '))?.[1]?.toLowerCase();
}

function resourcesOfType(y: Yaml, type: string): Entry[] {
  return entries(y, child(y, y.doc.contents, 'Resources')).filter((resource) => text(y, child(y, resource.value, 'Type')) === type);
}

function codePipelineAction(y: Yaml, stage: string, action: unknown, draft: Draft): void {
  const typeId = child(y, action, 'ActionTypeId');
  const category = text(y, child(y, typeId, 'Category'));
  const providerNode = child(y, typeId, 'Provider');
  const provider = text(y, providerNode) ?? '';
  const shown = `${provider} ${category?.toLowerCase() ?? ''}: ${stage}/${text(y, child(y, action, 'Name')) ?? ''}`;
  draft.jobs += 1;
  if (category === 'Source') draft.triggers.push(CODEPIPELINE_GIT_SOURCE.test(provider) ? 'push' : 'other');
  else if (category === 'Approval') draft.manualApproval = true;
  else if (category === 'Test') draft.steps.push({ kind: 'test', command: shown, line: lineOf(y, providerNode) });
  else if (category === 'Deploy') {
    draft.steps.push({ kind: 'deploy', command: shown, line: lineOf(y, providerNode) });
    addEnvironment(draft, environmentWord(stage) ?? environmentWord(text(y, child(y, action, 'Name')) ?? ''));
  }
}

/** V2 pipelines filter their git triggers: `Triggers: [{ GitConfiguration: { Push: …, PullRequest: … } }]`. */
function codePipelineGitTriggers(y: Yaml, properties: unknown): CiTrigger[] {
  return items(y, child(y, properties, 'Triggers')).flatMap((trigger) => {
    const git = child(y, trigger, 'GitConfiguration');
    return [...(child(y, git, 'Push') ? ['push' as const] : []), ...(child(y, git, 'PullRequest') ? ['pull_request' as const] : [])];
  });
}

/** An enabled EventBridge schedule whose target is one of the pipelines (by ARN or logical id). */
function schedulesPipeline(y: Yaml, rule: unknown, pipelines: readonly string[]): boolean {
  const properties = child(y, rule, 'Properties');
  if (!child(y, properties, 'ScheduleExpression') || /^disabled$/i.test(text(y, child(y, properties, 'State')) ?? '')) return false;
  const targets = sourceOf(y, child(y, properties, 'Targets'));
  const words = new Set(targets.split(/\W+/));
  return /codepipeline/i.test(targets) || pipelines.some((id) => words.has(id));
}

/**
 * CodePipeline runs the stages a template declares: git sources trigger it on push, Deploy actions
 * release (to the environment the stage is named for), Approval actions wait for a person. The
 * CodeBuild projects it drives run their buildspec files, which take on the pipeline's triggers.
 */
function codePipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const pipelines = resourcesOfType(y, 'AWS::CodePipeline::Pipeline');
  for (const { value: pipeline } of pipelines) {
    const properties = child(y, pipeline, 'Properties');
    draft.triggers.push(...codePipelineGitTriggers(y, properties));
    for (const stage of items(y, child(y, properties, 'Stages'))) {
      const name = text(y, child(y, stage, 'Name')) ?? '';
      for (const action of items(y, child(y, stage, 'Actions'))) codePipelineAction(y, name, action, draft);
    }
  }
  const ids = pipelines.map((pipeline) => pipeline.key);
  if (resourcesOfType(y, 'AWS::Events::Rule').some(({ value }) => schedulesPipeline(y, value, ids))) draft.triggers.push('schedule');
  for (const { value: project } of resourcesOfType(y, 'AWS::CodeBuild::Project')) {
    const source = child(y, child(y, project, 'Properties'), 'Source');
    if (text(y, child(y, source, 'Type')) !== 'CODEPIPELINE') continue;
    // An inline buildspec is YAML text, not a path; CodeBuild reads buildspec.yml at the root by default.
    const buildspec = text(y, child(y, source, 'BuildSpec')) ?? 'buildspec.yml';
    if (/^[\w./-]+\.ya?ml$/.test(buildspec)) draft.calls.push(posix.normalize(buildspec));
  }
  draft.triggers = [...new Set(draft.triggers)];
  draft.disabled = draft.jobs === 0;
  return draft;
}

/** AWS CodePipeline, declared in a CloudFormation or SAM template wherever it lives. */
export const awsCodePipeline: CiProviderDefinition = {
  provider: 'aws-codepipeline',
  runs: ['aws-codebuild'],
  files: [{ path: /\.(?:ya?ml|json|template)$/, anywhere: true, sniff: [/AWS::CodePipeline::Pipeline/], byContent: true }],
  read: yamlReader(firstDocument(codePipeline)),
};
