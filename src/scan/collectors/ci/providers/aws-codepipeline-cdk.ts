import { addScripts, emptyDraft, type Draft } from '../draft.js';
import type { FileContent } from '../../../collector.js';
import type { CiProviderDefinition } from '../provider.js';
import { scriptLine } from '../shell.js';
import { lineAtOffset, lineStarts, listLiterals } from '../source-text.js';

/*
 * AWS CodePipeline declared with the CDK, in TypeScript, JavaScript or Python, read as text: its
 * source actions (a GitHub or CodeCommit source runs it on push), the commands of its CodeBuild
 * buildspecs and shell steps (`commands: ["pytest"]`), and its deploy, test and approval actions.
 */

/**
 * The file imports the CDK: a program that only names its constructs (in a comment, a string, a
 * tool that detects them) declares nothing.
 */
const IMPORTS_CDK = /^[ \t]*(?:import\b[^\n]*?['"](?:aws-cdk-lib|@aws-cdk\/)|(?:const|let|var)\b[^\n]*?\brequire\(\s*['"](?:aws-cdk-lib|@aws-cdk\/)|from[ \t]+aws_cdk\b|import[ \t]+aws_cdk\b)/m;
/** `new codepipeline.Pipeline(…)`, `aws_codepipeline.Pipeline(self, …)`, `pipelines.CodePipeline(…)`. */
const CDK_PIPELINE = /\b(?:codepipeline|aws_codepipeline)\.Pipeline\s*\(|\b(?:pipelines\.)?CodePipeline\s*\(\s*(?:this|self|scope)\b/;
const GIT_SOURCE = /\b(?:CodeStarConnectionsSourceAction|GitHubSourceAction|CodeCommitSourceAction|BitBucketSourceAction)\b|\bCodePipelineSource\.(?:gitHub|git_hub|connection|codeCommit|code_commit)\s*\(/;
const OTHER_SOURCE = /\b(?:S3SourceAction|EcrSourceAction)\b|\bCodePipelineSource\.(?:s3|ecr)\s*\(/;
const DEPLOY_ACTION =
  /\b(?:CloudFormationCreateUpdateStackAction|CloudFormationCreateReplaceChangeSetAction|CloudFormationExecuteChangeSetAction|CloudFormationDeployStackSetAction|EcsDeployAction|CodeDeployServerDeployAction|CodeDeployEcsDeployAction|ElasticBeanstalkDeployAction|S3DeployAction)\b|\.(?:addStage|add_stage|addWave|add_wave)\s*\(/g;
const TEST_ACTION = /\bCodeBuildActionType\.TEST\b/g;
const APPROVAL = /\b(?:ManualApprovalAction|ManualApprovalStep)\b/;
const ACTION = /\bnew\s+[\w.]*Action\s*\(|\b[\w.]*(?:Action|ShellStep|CodeBuildStep)\s*\(/g;
/** `commands: [` (TypeScript), `commands=[` (Python), with the install commands of shell steps. */
const COMMANDS = /\b(?:commands|installCommands|install_commands)\s*[:=]\s*\[/g;

function cdkPipeline(file: FileContent): Draft {
  const draft = emptyDraft();
  const text = file.text;
  const starts = lineStarts(text);
  if (GIT_SOURCE.test(text)) draft.triggers.push('push');
  if (OTHER_SOURCE.test(text)) draft.triggers.push('other');
  if (draft.triggers.length === 0) draft.triggers.push('external');
  draft.manualApproval = APPROVAL.test(text);
  draft.jobs = Math.max(1, [...text.matchAll(ACTION)].length);
  for (const match of text.matchAll(COMMANDS)) {
    const lines = listLiterals(text, match.index + match[0].length - 1, starts).map(({ value, line }) => scriptLine(value, line));
    addScripts(draft, [lines]);
  }
  for (const match of text.matchAll(DEPLOY_ACTION)) draft.steps.push({ kind: 'deploy', command: match[0].replace(/^\.|\s*\($/g, ''), line: lineAtOffset(starts, match.index) });
  for (const match of text.matchAll(TEST_ACTION)) draft.steps.push({ kind: 'test', command: match[0], line: lineAtOffset(starts, match.index) });
  return draft;
}

/** AWS CodePipeline declared with the CDK (CodePipeline constructs or CDK Pipelines). */
export const awsCodePipelineCdk: CiProviderDefinition = {
  provider: 'aws-codepipeline',
  runs: ['aws-codebuild'],
  files: [{ path: /(?<!\.d)\.(?:ts|js|mjs|py)$/, anywhere: true, sniff: [IMPORTS_CDK, CDK_PIPELINE], byContent: true }],
  read: (file) => cdkPipeline(file),
};
