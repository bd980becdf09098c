import type { KubernetesObject } from '../../scan/facts.js';
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

/**
 * Images of the services a deployment runs beside its own workload: databases, queues, object
 * stores, tracking and monitoring servers, proxies. Their objects are evidence that the stack is
 * deployed, but a reader looks first for the project's own service.
 */
const SERVICE_IMAGES = new Set([
  'postgres', 'postgresql', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'valkey', 'memcached', 'rabbitmq', 'kafka', 'cp-kafka', 'zookeeper',
  'cp-zookeeper', 'cp-schema-registry', 'kafka-ui', 'minio', 'mc', 'elasticsearch', 'opensearch', 'kibana', 'logstash', 'fluentd', 'fluent-bit',
  'grafana', 'prometheus', 'alertmanager', 'pushgateway', 'node-exporter', 'loki', 'promtail', 'tempo', 'jaeger', 'all-in-one',
  'opentelemetry-collector', 'opentelemetry-collector-contrib', 'otel-collector', 'nginx', 'traefik', 'haproxy', 'envoy', 'oauth2-proxy',
  'keycloak', 'vault', 'consul', 'etcd', 'busybox', 'alpine', 'curl', 'pgadmin4', 'adminer', 'mlflow', 'airflow', 'cassandra',
  'clickhouse-server', 'neo4j', 'qdrant', 'weaviate', 'milvus', 'chroma', 'superset', 'trino', 'metabase',
]);

/**
 * The add-ons that make a cluster work: networking, load balancers, storage, certificates, ingress
 * controllers, DNS and resource metrics. Their manifests, vendored or rendered from their charts,
 * set up the platform and deploy nothing of the project's: they are left out altogether.
 */
const CLUSTER_ADDONS = new Set([
  'cilium', 'hubble', 'calico', 'tigera', 'flannel', 'metallb', 'kube-vip', 'openebs', 'mayastor', 'longhorn', 'longhornio', 'local-path-provisioner',
  'sig-storage', 'cert-manager', 'jetstack', 'ingress-nginx', 'metrics-server', 'coredns',
]);

/** `quay.io/oauth2-proxy/oauth2-proxy:v7.6.0` → `oauth2-proxy`; `postgres@sha256:…` → `postgres`. */
function imageName(image: string): string {
  const name = image.slice(image.lastIndexOf('/') + 1);
  return name.split(/[:@]/, 1)[0]!.toLowerCase();
}

/** A name with one of the names among its words: `kafka`, `postgres-mlflow`, `oauth2-proxy`, `{{ .Values.airflowPostgres.name }}`. */
function namesOneOf(names: ReadonlySet<string>, name: string): boolean {
  const words = name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).map((word) => word.toLowerCase());
  return words.some((_, i) => [1, 2, 3].some((length) => names.has(words.slice(i, i + length).join('-'))));
}

/**
 * An object of a cluster add-on: named for one, as a chart names its objects after its release
 * (`openebs-loki`, a log store the OpenEBS chart bundles), or running one's image (`quay.io/cilium/cilium`).
 */
function isClusterAddon(object: KubernetesObject): boolean {
  return namesOneOf(CLUSTER_ADDONS, object.name) || object.images.some((image) => namesOneOf(CLUSTER_ADDONS, imageRepository(image)));
}

/**
 * The files that are an add-on's: every workload in them is one. The other objects such a file
 * holds (a chart's `loki-headless` Service, its ConfigMaps) belong to the add-on too.
 */
const addonFilesOf = new WeakMap<readonly KubernetesObject[], ReadonlySet<string>>();

function addonFiles(objects: readonly KubernetesObject[]): ReadonlySet<string> {
  let files = addonFilesOf.get(objects);
  if (!files) {
    const addon = new Map<string, boolean>();
    for (const object of objects) if (object.images.length > 0) addon.set(object.path, (addon.get(object.path) ?? true) && isClusterAddon(object));
    files = new Set([...addon].filter(([, all]) => all).map(([path]) => path));
    addonFilesOf.set(objects, files);
  }
  return files;
}

/** `192.168.1.5:5000/quay.io/cilium/cilium:v1.18@sha256:…` → `192.168.1.5:5000/quay.io/cilium/cilium`: a registry's port is no tag. */
function imageRepository(image: string): string {
  const digest = image.indexOf('@');
  const name = digest < 0 ? image : image.slice(0, digest);
  const tag = name.lastIndexOf(':');
  return tag > name.lastIndexOf('/') ? name.slice(0, tag) : name;
}

/**
 * Whether an object belongs to a service the project runs rather than builds: every image it runs
 * is one of those services', or, when it runs none (a Service, a volume claim) or a chart fills
 * its image in (`{{ .Values.minio.image }}`), its name says so.
 */
function isSupportingService(object: KubernetesObject): boolean {
  if (object.images.length === 0 || object.images.some((image) => image.includes('{{'))) return namesOneOf(SERVICE_IMAGES, object.name);
  return object.images.every((image) => SERVICE_IMAGES.has(imageName(image)));
}

export const k8s = defineCheck({
  name: 'k8s',
  argument,
  doc: {
    summary: "The project's Kubernetes manifests (plain, Helm or Kustomize) hold an object of one of the kinds, with all the features. The objects of a cluster's own add-ons (Cilium, Calico, MetalLB, OpenEBS, Longhorn, cert-manager, ingress-nginx, metrics-server) are not the project's.",
    examples: ['k8s: { kind: HorizontalPodAutoscaler }', 'k8s: { kind: [Deployment, StatefulSet], feature: readinessProbe }'],
  },
  evaluate(arg, ctx) {
    const kinds = list(arg.kind);
    const features = list(arg.feature);
    const addons = addonFiles(ctx.facts.kubernetes.objects);
    const found = ctx.facts.kubernetes.objects.filter(
      (object) =>
        pathContext(object.path) === 'project' &&
        !isClusterAddon(object) &&
        !addons.has(object.path) &&
        (kinds.length === 0 || kinds.some((kind) => ofKind(object, kind))) &&
        features.every((feature) => object.features.includes(feature)),
    );
    const named = sought(kinds, kinds, ['kind', 'kinds']);
    const wanted = [kinds.length > 0 ? `kind ${named.words}` : 'object', ...(features.length > 0 ? [`with ${features.join(' and ')}`] : [])].join(' ');
    if (found.length > 0) {
      // The project's own workloads first, each group in file order.
      const ordered = [...found.filter((object) => !isSupportingService(object)), ...found.filter(isSupportingService)];
      return {
        value: true,
        evidence: capped(
          ordered.map((object) => ({ kind: 'found', path: object.path, line: object.line, detail: `${object.kind} ${object.name}`.trim() })),
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
