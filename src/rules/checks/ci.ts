import type { CiPipeline } from '../../scan/facts.js';
import type { Evidence } from '../finding.js';
import { alternatives, capped, list } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';
import { CI_STEP_KINDS, CI_TRIGGERS } from './vocabulary.js';

const argument = ({ z, text, oneOrMany }: SchemaKit) =>
  z.strictObject({
    runs: oneOrMany(z.enum(CI_STEP_KINDS)).optional().describe('Step kinds of which one must run; without it, any enabled pipeline counts.'),
    on: z.array(z.enum(CI_TRIGGERS)).min(1).optional().describe('Only pipelines with one of these triggers count; by default any enabled pipeline counts.'),
    environment: oneOrMany(text).optional().describe('Deployment environments (case-insensitive), e.g. production, prod: only pipelines that deploy to one count (GitHub/GitLab/Azure `environment:`).'),
    manualApproval: z.boolean().optional().describe('Only pipelines where a person must (true) or need not (false) approve a job (GitLab `when: manual`, Azure ManualValidation...).'),
  });

type CiArgument = ArgumentOf<typeof argument>;

declare module '../expr.js' {
  interface CheckArguments {
    ci: CiArgument;
  }
}

function pipelineCounts(pipeline: CiPipeline, arg: CiArgument): boolean {
  const environments = list(arg.environment).map((name) => name.toLowerCase());
  return (
    !pipeline.disabled &&
    (!arg.on || pipeline.triggers.some((trigger) => arg.on!.includes(trigger))) &&
    (environments.length === 0 || pipeline.environments.some((name) => environments.includes(name.toLowerCase()))) &&
    (arg.manualApproval === undefined || pipeline.manualApproval === arg.manualApproval)
  );
}

/** "on push, in environment production, with a manual approval": the conditions a pipeline had to meet. */
function pipelineConditions(arg: CiArgument): string {
  const parts: string[] = [];
  if (arg.on) parts.push(`on ${alternatives(arg.on)}`);
  if (arg.environment) parts.push(`deploying to ${alternatives(list(arg.environment))}`);
  if (arg.manualApproval !== undefined) parts.push(arg.manualApproval ? 'with a manual approval' : 'without a manual approval');
  return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}

export const ci = defineCheck({
  name: 'ci',
  argument,
  doc: {
    summary: 'An enabled CI pipeline (with one of the `on` triggers, if given) that runs a step of one of the `runs` kinds (if given).',
    examples: ['ci: { runs: test, on: [push, pull_request] }', 'ci: { runs: deploy, environment: production, manualApproval: true }'],
  },
  evaluate(arg, ctx) {
    const kinds = list(arg.runs);
    const pipelines = ctx.facts.ci.pipelines;
    const evidence: Evidence[] = [];
    for (const pipeline of pipelines) {
      if (!pipelineCounts(pipeline, arg)) continue;
      if (kinds.length === 0) {
        const environments = pipeline.environments.length > 0 ? `, environments ${pipeline.environments.join(', ')}` : '';
        evidence.push({ kind: 'found', path: pipeline.path, detail: `${pipeline.provider} pipeline on ${alternatives(pipeline.triggers)}${environments}${pipeline.manualApproval ? ', with a manual approval' : ''}` });
        continue;
      }
      for (const step of pipeline.steps) {
        if (kinds.includes(step.kind)) {
          evidence.push({ kind: 'found', path: pipeline.path, line: step.line, detail: `${step.kind} step: ${step.command}` });
        }
      }
    }
    if (evidence.length > 0) return { value: true, evidence: capped(evidence, kinds.length === 0 ? 'pipelines' : 'steps') };
    if (pipelines.length === 0) {
      return {
        value: false,
        evidence: [{ kind: 'missing', detail: 'no CI pipeline found (GitHub Actions, GitLab CI, Azure Pipelines, Jenkins, CircleCI, Bitbucket, Travis, Cloud Build, CodeBuild, CodePipeline, Buildkite, Drone)' }],
      };
    }
    const triggerWords = pipelineConditions(arg);
    const skipped = pipelines.filter((pipeline) => !pipelineCounts(pipeline, arg));
    const searched = alternatives(pipelines.map((p) => p.path).slice(0, 5));
    const out: Evidence[] = [
      {
        kind: 'missing',
        detail: kinds.length === 0 ? `no enabled CI pipeline${triggerWords} among ${searched}` : `no CI step${triggerWords} runs ${alternatives(kinds)} in ${searched}`,
      },
    ];
    for (const pipeline of skipped.slice(0, 3)) {
      out.push({
        kind: 'found',
        counted: false,
        path: pipeline.path,
        detail: pipeline.disabled
          ? 'not counted: the pipeline is disabled'
          : `not counted: runs on ${alternatives(pipeline.triggers) || 'no trigger'}${pipeline.environments.length > 0 ? `, environments ${pipeline.environments.join(', ')}` : ''}${pipeline.manualApproval ? ', with a manual approval' : ''}`,
      });
    }
    return { value: false, evidence: out };
  },
});
