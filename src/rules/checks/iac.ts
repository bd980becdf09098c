import type { Facts } from '../../scan/facts.js';
import { pathContext } from '../../scan/path-context.js';
import { globMatcher } from '../../util/glob.js';
import type { Evidence } from '../finding.js';
import { alternatives, among, capped, list, sought } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';
import { checkGlobs } from './glob-argument.js';
import { GRANT_KINDS, IAC_TOOLS, RESOURCE_KINDS } from './vocabulary.js';

const argument = ({ z, text, oneOrMany }: SchemaKit) =>
  z
    .strictObject({
      resource: oneOrMany(text).optional().describe('Resource types, with `*` wildcards: aws_cloudwatch_metric_alarm, pagerduty_*.'),
      kind: oneOrMany(z.enum(RESOURCE_KINDS))
        .optional()
        .describe('What the resource is, whichever tool declares it: model-endpoint is a SageMaker, Vertex AI or Azure ML endpoint in Terraform, CloudFormation, CDK, Pulumi or ARM.'),
      grant: oneOrMany(z.enum(GRANT_KINDS))
        .optional()
        .describe('Over-broad access the code grants: admin-role (GCP owner, editor or a project-wide admin role; Azure Owner or Contributor), admin-policy (AWS AdministratorAccess, PowerUserAccess, *FullAccess), wildcard-action (an IAM statement allowing "*").'),
      tool: oneOrMany(z.enum(IAC_TOOLS)).optional().describe('Only files, resources or grants of these tools count.'),
    })
    .meta({ minProperties: 1 });

type IacArgument = ArgumentOf<typeof argument>;

declare module '../expr.js' {
  interface CheckArguments {
    iac: IacArgument;
  }
}

const inProject = (item: { path: string }) => pathContext(item.path) === 'project';

function grants(arg: IacArgument, facts: Facts, tools: readonly string[]) {
  const wanted = list(arg.grant);
  const found = facts.iac.grants.filter((grant) => inProject(grant) && (tools.length === 0 || tools.includes(grant.tool)) && wanted.includes(grant.grant));
  if (found.length > 0) {
    return { value: true, evidence: capped(found.map((g): Evidence => ({ kind: 'found', path: g.path, line: g.line, detail: `${g.tool} grants ${g.grant}: ${g.detail}` })), 'grants') };
  }
  return { value: false, evidence: [{ kind: 'missing', detail: `no ${alternatives(wanted)} grant in the infrastructure code` } satisfies Evidence] };
}

function resources(arg: IacArgument, facts: Facts, tools: readonly string[]) {
  const types = list(arg.resource);
  const kinds = list(arg.kind);
  const typeMatchers = types.map((type) => globMatcher(type));
  const found = facts.iac.resources.filter(
    (resource) =>
      inProject(resource) &&
      (tools.length === 0 || tools.includes(resource.tool)) &&
      ((resource.kind !== undefined && kinds.includes(resource.kind)) || typeMatchers.some((matches) => matches(resource.type))),
  );
  if (found.length > 0) {
    const detail = (r: (typeof found)[number]) => `${r.tool} resource ${r.type} ${r.name}${r.source ? ` from ${r.source}` : ''}`.trim();
    return { value: true, evidence: capped(found.map((r): Evidence => ({ kind: 'found', path: r.path, line: r.line, detail: detail(r) })), 'resources') };
  }
  const typed = sought(types, types, ['type', 'types']);
  const typeWords = typed.searched ? `resource of any of ${types.length} types` : `${typed.words} resource`;
  const wanted = [...(kinds.length > 0 ? [`${alternatives(kinds)} resource of any tool`] : []), ...(types.length > 0 ? [typeWords] : [])];
  const missing: Evidence = { kind: 'missing', detail: `no ${wanted.join(' and no ')}${among(facts.iac.resources.length, 'infrastructure-as-code resource', 'infrastructure-as-code resources')}` };
  return { value: false, evidence: [typed.searched ? { ...missing, searched: `infrastructure-as-code resources of type ${typed.searched}` } : missing] };
}

export const iac = defineCheck({
  name: 'iac',
  argument,
  doc: {
    summary:
      "The project's infrastructure-as-code declares a resource of one of the types or kinds; with `grant`, it grants one of those kinds of over-broad access; with neither, a file of one of the tools exists.",
    examples: ['iac: { kind: alert }', 'iac: { resource: ["aws_cloudwatch_metric_alarm", "google_monitoring_alert_policy"] }', 'iac: { grant: [admin-role, admin-policy] }', 'iac: { tool: [terraform, pulumi] }'],
  },
  evaluate(arg, ctx) {
    const tools = list(arg.tool);
    if (arg.grant) return grants(arg, ctx.facts, tools);
    if (arg.resource || arg.kind) return resources(arg, ctx.facts, tools);
    const files = ctx.facts.iac.files.filter((f) => inProject(f) && (tools.length === 0 || tools.includes(f.tool)));
    if (files.length > 0) {
      return { value: true, evidence: capped(files.map((f): Evidence => ({ kind: 'found', path: f.path, detail: `${f.tool} file` })), 'files') };
    }
    return { value: false, evidence: [{ kind: 'missing', detail: `no ${tools.length > 0 ? alternatives(tools) : 'infrastructure-as-code'} files in the project` }] };
  },
  references(arg, scope) {
    checkGlobs(arg.resource, ['resource'], scope);
  },
});
