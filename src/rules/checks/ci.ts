import type { CiPipeline, CiStep, CiTrigger } from '../../scan/facts.js';
import type { Evidence } from '../finding.js';
import { alternatives, capped, list, searchedParts, sought } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';
import { CI_STEP_KINDS, CI_TRIGGERS } from './vocabulary.js';

const argument = ({ z, text, oneOrMany }: SchemaKit) =>
  z.strictObject({
    runs: oneOrMany(z.enum(CI_STEP_KINDS))
      .optional()
      .describe('Step kinds of which one must run; without it, any enabled pipeline counts. The evidence leads with steps of the kind listed first (`[docker-push, docker-build]` shows the push before the build).'),
    on: z.array(z.enum(CI_TRIGGERS)).min(1).optional().describe('Only pipelines with one of these triggers count; by default any enabled pipeline counts.'),
    notOn: z
      .array(z.enum(CI_TRIGGERS))
      .min(1)
      .optional()
      .describe('Pipelines that also run on one of these triggers do not count: training that also runs for every pull request is a test of the code, not retraining.'),
    automatic: z
      .literal(true)
      .optional()
      .describe('Only pipelines that start by themselves (on any trigger but a person starting them by hand) count: a scan someone must remember to run checks what nobody remembered.'),
    environment: oneOrMany(text).optional().describe('Deployment environments (case-insensitive), e.g. production, prod: only pipelines that deploy to one count (GitHub/GitLab/Azure `environment:`).'),
    gating: z
      .boolean()
      .optional()
      .describe('With `runs`: only steps whose failure fails the pipeline count; a step allowed to fail (`continue-on-error: true`, `allow_failure: true`, `|| true`) reports, it stops nothing.'),
    manualApproval: z.boolean().optional().describe('Only pipelines where a person must (true) or need not (false) approve a job (GitLab `when: manual`, Azure ManualValidation...).'),
    inert: z
      .boolean()
      .optional()
      .describe('Pipelines whose every command only prints, sleeps or exits (`echo ok`) check nothing and never count, unless `inert: true` asks for exactly those.'),
  });

type CiArgument = ArgumentOf<typeof argument>;

declare module '../expr.js' {
  interface CheckArguments {
    ci: CiArgument;
  }
}

/** How a trigger reads in evidence. */
const TRIGGER_WORDS: Record<CiTrigger, string> = {
  push: 'push',
  pull_request: 'pull_request',
  tag: 'tag',
  schedule: 'schedule',
  manual: 'manual',
  other: 'other',
  external: 'a trigger set outside the repository',
};

function triggerWords(triggers: readonly CiTrigger[]): string {
  return alternatives(triggers.map((trigger) => TRIGGER_WORDS[trigger]));
}

/** A step and, when it runs something kept elsewhere, the chain to what counts: `mise run test → mise.toml:107 uv run pytest`. */
export function stepChain(step: CiStep): string {
  return [step.command, ...(step.via ?? []).map((hop) => `${hop.path}:${hop.line} ${hop.command}`)].join(' → ');
}

function stepDetail(step: CiStep): string {
  return `${step.kind} step: ${stepChain(step)}${step.tolerated ? ' (allowed to fail)' : ''}`;
}

function pipelineCounts(pipeline: CiPipeline, arg: CiArgument): boolean {
  const environments = list(arg.environment).map((name) => name.toLowerCase());
  return (
    !pipeline.disabled &&
    pipeline.inert === (arg.inert ?? false) &&
    (!arg.on || pipeline.triggers.some((trigger) => arg.on!.includes(trigger))) &&
    (!arg.notOn || !pipeline.triggers.some((trigger) => arg.notOn!.includes(trigger))) &&
    (!arg.automatic || pipeline.triggers.some((trigger) => trigger !== 'manual')) &&
    (environments.length === 0 || pipeline.environments.some((name) => environments.includes(name.toLowerCase()))) &&
    (arg.manualApproval === undefined || pipeline.manualApproval === arg.manualApproval)
  );
}

/** "on push, in environment production, with a manual approval": the conditions a pipeline had to meet. */
function pipelineConditions(arg: CiArgument, anyStep: boolean, toleratedSteps: boolean, manualOnly: boolean): string {
  const parts: string[] = [];
  if (arg.on) parts.push(`on ${triggerWords(arg.on)}`);
  if (arg.notOn) parts.push(`in a pipeline that does not also run on ${triggerWords(arg.notOn)}`);
  // Said only where a pipeline started by hand alone was passed over: elsewhere it changes nothing.
  if (arg.automatic && manualOnly) parts.push('that starts by itself');
  if (arg.environment) parts.push(`deploying to ${sought(list(arg.environment), list(arg.environment), ['environment', 'environments']).words}`);
  if (arg.manualApproval !== undefined) parts.push(arg.manualApproval ? 'with a manual approval' : 'without a manual approval');
  // Steps of a kind are never no-ops: only "any pipeline" needs saying which ones count.
  if (anyStep) parts.push(arg.inert ? 'that only prints, sleeps or exits' : 'that runs more than no-ops');
  if (toleratedSteps) parts.push('whose failure fails the pipeline');
  if (parts.length === 0) return '';
  // More than one condition reads as an aside between commas: "no CI step on schedule, in a …, runs train".
  return parts.length > 1 ? ` ${parts.join(', ')},` : ` ${parts[0]}`;
}

/** The CI systems the scan reads, as their users name them. */
const CI_SYSTEMS = ['GitHub Actions', 'GitLab CI', 'Azure Pipelines', 'Jenkins', 'CircleCI', 'Bitbucket', 'Travis', 'Cloud Build', 'CodeBuild', 'CodePipeline', 'Buildkite', 'Drone', 'Woodpecker', 'Taskcluster'];

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
    const steps: { step: CiStep; path: string }[] = [];
    const tolerated: { step: CiStep; path: string }[] = [];
    for (const pipeline of pipelines) {
      if (!pipelineCounts(pipeline, arg)) continue;
      if (kinds.length === 0) {
        const environments = pipeline.environments.length > 0 ? `, environments ${pipeline.environments.join(', ')}` : '';
        const inert = pipeline.inert ? ', whose every command only prints, sleeps or exits' : '';
        evidence.push({ kind: 'found', path: pipeline.path, detail: `${pipeline.provider} pipeline on ${triggerWords(pipeline.triggers)}${environments}${pipeline.manualApproval ? ', with a manual approval' : ''}${inert}` });
        continue;
      }
      for (const step of pipeline.steps) {
        if (kinds.includes(step.kind)) (arg.gating && step.tolerated ? tolerated : steps).push({ step, path: pipeline.path });
      }
    }
    // The kind listed first is the one the rule cares most about (the push, not the build before it), and within a kind
    // a step whose failure fails the pipeline before one allowed to fail; the sort is stable, so file order holds otherwise.
    steps.sort((a, b) => kinds.indexOf(a.step.kind) - kinds.indexOf(b.step.kind) || Number(a.step.tolerated === true) - Number(b.step.tolerated === true));
    for (const { step, path } of steps) evidence.push({ kind: 'found', path, line: step.line, detail: stepDetail(step) });
    if (evidence.length > 0) return { value: true, evidence: capped(evidence, kinds.length === 0 ? 'pipelines' : 'steps') };
    if (pipelines.length === 0) {
      return {
        value: false,
        evidence: [{ kind: 'missing', detail: 'no CI pipeline found', searched: `CI pipelines of ${alternatives(CI_SYSTEMS)}` }],
      };
    }
    const manualOnly = pipelines.some((pipeline) => pipeline.triggers.length > 0 && pipeline.triggers.every((trigger) => trigger === 'manual'));
    const conditions = pipelineConditions(arg, kinds.length === 0, tolerated.length > 0, manualOnly);
    const skipped = pipelines.filter((pipeline) => !pipelineCounts(pipeline, arg));
    const paths = pipelines.map((p) => p.path);
    const searched = sought(paths, paths, ['pipeline', 'pipelines']);
    const environments = list(arg.environment);
    const named = sought(environments, environments, ['environment', 'environments']);
    const out: Evidence[] = [
      {
        kind: 'missing',
        detail:
          kinds.length === 0
            ? `no enabled CI pipeline${conditions} among ${searched.words}`
            : `no CI step${conditions} runs ${alternatives(kinds)} in ${searched.words}`,
        ...searchedParts(searched.searched && `the CI pipelines ${searched.searched}`, named.searched && `the environments ${named.searched}`),
      },
    ];
    for (const { step, path } of tolerated.slice(0, 3)) out.push({ kind: 'found', counted: false, path, line: step.line, detail: `not counted: ${stepDetail(step)}` });
    for (const pipeline of skipped.slice(0, 3)) {
      out.push({ kind: 'found', counted: false, path: pipeline.path, ...(pipeline.broken?.line !== undefined && { line: pipeline.broken.line }), detail: `not counted: ${whyNotCounted(pipeline, arg.inert ?? false)}` });
    }
    return { value: false, evidence: out };
  },
});

/** Why a pipeline the check looked at did not count. */
function whyNotCounted(pipeline: CiPipeline, inert: boolean): string {
  if (pipeline.broken) return pipeline.broken.reason;
  if (pipeline.disabled) return 'the pipeline is disabled';
  if (pipeline.inert !== inert) return pipeline.inert ? 'every command it runs only prints, sleeps or exits' : 'it runs more than no-ops';
  const environments = pipeline.environments.length > 0 ? `, environments ${pipeline.environments.join(', ')}` : '';
  return `runs on ${triggerWords(pipeline.triggers) || 'no trigger'}${environments}${pipeline.manualApproval ? ', with a manual approval' : ''}`;
}
