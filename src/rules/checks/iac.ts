import { pathContext } from '../../scan/path-context.js';
import { globMatcher } from '../../util/glob.js';
import { alternatives, capped, list } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';
import { IAC_TOOLS } from './vocabulary.js';

const argument = ({ z, text, oneOrMany }: SchemaKit) =>
  z
    .strictObject({
      resource: oneOrMany(text).optional().describe('Resource types, with `*` wildcards: aws_cloudwatch_metric_alarm, pagerduty_*.'),
      tool: oneOrMany(z.enum(IAC_TOOLS)).optional().describe('Only files or resources of these tools count.'),
    })
    .meta({ minProperties: 1 });

declare module '../expr.js' {
  interface CheckArguments {
    iac: ArgumentOf<typeof argument>;
  }
}

export const iac = defineCheck({
  name: 'iac',
  argument,
  doc: {
    summary: "The project's infrastructure-as-code declares a resource of one of the types; without `resource`, a file of one of the tools exists.",
    examples: ['iac: { resource: ["aws_cloudwatch_metric_alarm", "google_monitoring_alert_policy"] }', 'iac: { tool: [terraform, pulumi] }'],
  },
  evaluate(arg, ctx) {
    const types = list(arg.resource);
    const tools = list(arg.tool);
    const typeMatchers = types.map((type) => globMatcher(type));
    if (types.length === 0) {
      const files = ctx.facts.iac.files.filter((f) => pathContext(f.path) === 'project' && (tools.length === 0 || tools.includes(f.tool)));
      if (files.length > 0) {
        return { value: true, evidence: capped(files.map((f) => ({ kind: 'found', path: f.path, detail: `${f.tool} file` })), 'files') };
      }
      return { value: false, evidence: [{ kind: 'missing', detail: `no ${tools.length > 0 ? alternatives(tools) : 'infrastructure-as-code'} files in the project` }] };
    }
    const found = ctx.facts.iac.resources.filter(
      (resource) =>
        pathContext(resource.path) === 'project' &&
        (tools.length === 0 || tools.includes(resource.tool)) &&
        typeMatchers.some((matches) => matches(resource.type)),
    );
    if (found.length > 0) {
      return {
        value: true,
        evidence: capped(
          found.map((r) => ({ kind: 'found', path: r.path, line: r.line, detail: `${r.tool} resource ${r.type} ${r.name}`.trim() })),
          'resources',
        ),
      };
    }
    return {
      value: false,
      evidence: [{ kind: 'missing', detail: `no ${alternatives(types)} resource among ${ctx.facts.iac.resources.length} infrastructure-as-code resources` }],
    };
  },
});
