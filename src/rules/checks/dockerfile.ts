import type { Facts } from '../../scan/facts.js';
import { pathContext } from '../../scan/path-context.js';
import type { Evidence } from '../finding.js';
import { alternatives, capped, list } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

type Dockerfile = Facts['containers']['dockerfiles'][number];

const PROPERTIES = {
  'pinned-base': { holds: (d: Dockerfile) => d.baseImages.length > 0 && d.baseImages.every((image) => image.pinned), words: 'a pinned base image' },
  'non-root': { holds: (d: Dockerfile) => !d.runsAsRoot, words: 'a non-root USER' },
  healthcheck: { holds: (d: Dockerfile) => d.healthcheck !== null, words: 'a HEALTHCHECK' },
  'multi-stage': { holds: (d: Dockerfile) => d.stages > 1, words: 'a multi-stage build' },
};
type Property = keyof typeof PROPERTIES;

const argument = ({ z, oneOrMany }: SchemaKit) =>
  z.strictObject({
    require: oneOrMany(z.enum(Object.keys(PROPERTIES) as [Property, ...Property[]]))
      .optional()
      .describe(
        `What a Dockerfile must have: ${Object.entries(PROPERTIES)
          .map(([name, property]) => `${name} (${property.words})`)
          .join(', ')}. Nothing: the project has one.`,
      ),
    match: z.enum(['all', 'any']).optional().describe('all (default): every project Dockerfile must have them; any: one is enough.'),
  });

declare module '../expr.js' {
  interface CheckArguments {
    dockerfile: ArgumentOf<typeof argument>;
  }
}

export const dockerfile = defineCheck({
  name: 'dockerfile',
  argument,
  doc: {
    summary:
      "The project's Dockerfiles (and Containerfiles) of its own workload have the required properties; false when there is none. Dev-container and CI images, and Dockerfiles without a FROM, are not the project's container.",
    examples: ['dockerfile: {}', 'dockerfile: { require: [pinned-base, non-root] }', 'dockerfile: { require: healthcheck, match: any }'],
  },
  evaluate(arg, ctx) {
    const required = list(arg.require);
    const all = (arg.match ?? 'all') === 'all';
    const written = ctx.facts.containers.dockerfiles;
    const dockerfiles = written.filter((d) => pathContext(d.path) === 'project' && d.role === 'workload');
    const notCounted = written
      .filter((d) => !dockerfiles.includes(d))
      .slice(0, 3)
      .map((d): Evidence => {
        const context = pathContext(d.path);
        const reason = context === 'project' ? (d.roleReason ?? d.role) : `in ${context} code`;
        return { kind: 'found', counted: false, path: d.path, line: d.baseImages[0]?.line, detail: `not counted: ${reason}` };
      });
    if (dockerfiles.length === 0) {
      return { value: false, evidence: [{ kind: 'missing', detail: "no Dockerfile or Containerfile of the project's own workload" }, ...notCounted] };
    }
    if (required.length === 0) {
      const found = dockerfiles.map((d): Evidence => ({ kind: 'found', path: d.path, line: d.baseImages[0]?.line, detail: `FROM ${d.baseImages[0]?.image ?? 'an earlier stage'}` }));
      return { value: true, evidence: [...capped(found, 'Dockerfiles'), ...notCounted] };
    }
    const verdicts = dockerfiles.map((d) => ({
      d,
      lacking: required.filter((property) => !PROPERTIES[property].holds(d)),
    }));
    const good = verdicts.filter((v) => v.lacking.length === 0);
    const value = all ? good.length === verdicts.length : good.length > 0;
    const shown = value ? good : verdicts.filter((v) => v.lacking.length > 0);
    const evidence: Evidence[] = shown.map(({ d, lacking }) => ({
      kind: lacking.length === 0 ? 'found' : 'missing',
      path: d.path,
      line: d.baseImages[0]?.line,
      detail:
        lacking.length === 0
          ? `has ${alternatives(required.map((p) => PROPERTIES[p].words)).replace(/ or /, ' and ')}`
          : `lacks ${lacking.map((p) => PROPERTIES[p].words).join(', ')}`,
    }));
    return { value, evidence: capped(evidence, 'Dockerfiles') };
  },
});
