import { pathContext } from '../../scan/path-context.js';
import { among, capped, list, searchedParts, sought } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z, text, oneOrMany }: SchemaKit) =>
  z
    .strictObject({
      kind: oneOrMany(text)
        .optional()
        .describe('Object kinds, e.g. Deployment, HorizontalPodAutoscaler; a kind qualified by its API group as kubectl writes it (Model.mlops.seldon.io) matches that group only.'),
      feature: oneOrMany(text).optional().describe('Features an object must all carry, e.g. readinessProbe, resources.limits.'),
    })
    .meta({ minProperties: 1 });

declare module '../expr.js' {
  interface CheckArguments {
    k8s: ArgumentOf<typeof argument>;
  }
}

/**
 * Whether an object is of a kind the check names. Custom resources reuse plain words (Seldon Core
 * v2's Model, Server and Pipeline; a Tekton Pipeline is a CI job), so a rule names them with their
 * API group, `Model.mlops.seldon.io`, and only that group's objects match.
 */
function ofKind(object: { kind: string; apiVersion: string }, kind: string): boolean {
  const dot = kind.indexOf('.');
  if (dot < 0) return object.kind === kind;
  return object.kind === kind.slice(0, dot) && object.apiVersion.startsWith(`${kind.slice(dot + 1)}/`);
}

export const k8s = defineCheck({
  name: 'k8s',
  argument,
  doc: {
    summary: "The project's Kubernetes manifests (plain, Helm or Kustomize) hold an object of one of the kinds, with all the features.",
    examples: ['k8s: { kind: HorizontalPodAutoscaler }', 'k8s: { kind: [Deployment, StatefulSet], feature: readinessProbe }'],
  },
  evaluate(arg, ctx) {
    const kinds = list(arg.kind);
    const features = list(arg.feature);
    const found = ctx.facts.kubernetes.objects.filter(
      (object) =>
        pathContext(object.path) === 'project' &&
        (kinds.length === 0 || kinds.some((kind) => ofKind(object, kind))) &&
        features.every((feature) => object.features.includes(feature)),
    );
    const named = sought(kinds, kinds, ['kind', 'kinds']);
    const wanted = [kinds.length > 0 ? `kind ${named.words}` : 'object', ...(features.length > 0 ? [`with ${features.join(' and ')}`] : [])].join(' ');
    if (found.length > 0) {
      return {
        value: true,
        evidence: capped(
          found.map((object) => ({ kind: 'found', path: object.path, line: object.line, detail: `${object.kind} ${object.name}`.trim() })),
          'objects',
        ),
      };
    }
    return {
      value: false,
      evidence: [
        {
          kind: 'missing',
          detail: `no Kubernetes ${wanted}${among(ctx.facts.kubernetes.objects.length, 'Kubernetes object', 'Kubernetes objects')}`,
          ...searchedParts(named.searched && `the Kubernetes kinds ${named.searched}`),
        },
      ],
    };
  },
});
