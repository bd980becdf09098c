import { isSeq, type Document, type Node } from 'yaml';
import { byLocation, compareStrings } from '../../util/compare.js';
import { baseName, directoryOf } from '../../util/repo-path.js';
import { defineCollector, type Collector, type ScanIndex } from '../collector.js';
import { mapEntry, parseYamlDocuments, plainValue, type YamlDocuments } from '../yaml-documents.js';

export interface KubernetesObject {
  path: string;
  line: number;
  kind: string;
  apiVersion: string;
  name: string;
  /** Notable settings present in the object: `resources.limits`, `readinessProbe`, `livenessProbe`, `nvidia.com/gpu`… */
  features: string[];
  /** The images its containers run, as written (`postgres:13`, `{{ .Values.image.repository }}`), sorted. */
  images: string[];
}

export interface KubernetesFacts {
  objects: KubernetesObject[];
  /** Distinct kinds, sorted. */
  kinds: string[];
  helmCharts: string[];
  kustomizations: string[];
}

const YAML_FILE = /\.ya?ml$/i;
const JSON_FILE = /\.json$/i;
const KUSTOMIZATION_NAME = /^(kustomization\.ya?ml|Kustomization)$/;
const CHART_NAME = 'Chart.yaml';

/** Top-level keys of a manifest: the test that tells a broken manifest from any other broken YAML. */
const TOP_LEVEL_API_VERSION = /^apiVersion\s*:[ \t]*(.*)$/;
const TOP_LEVEL_KIND = /^kind\s*:[ \t]*(.*)$/;
const DOCUMENT_START = /^---/;
/** A container's image in a template read line by line: `- image: postgres:13` or `image: "{{ .Values.image }}"`. */
const IMAGE_LINE = /^[ \t]*(?:-[ \t]+)?image[ \t]*:[ \t]*(\S.*)$/;
/** Kinds whose body is a schema: its keys name fields (`readinessProbe`, `limits`), they are not settings. */
const SCHEMA_KINDS = new Set(['CustomResourceDefinition']);

type Path = readonly string[];

/**
 * A notable setting. `at` recognises it in a parsed object from the key path leading to a value
 * (sequence indexes left out); `text` finds it in a template that does not parse.
 */
interface FeatureRule {
  feature: string;
  at: (path: Path, value: unknown) => boolean;
  text: RegExp;
}

const lastKey = (path: Path) => path[path.length - 1];
const parentKey = (path: Path) => path[path.length - 2];
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown) => typeof value === 'number';

/** A line holding the key, in a template that does not parse. */
const keyLine = (key: string) => new RegExp(`^[\\s-]*${key}\\s*:`, 'm');

/** A key that may sit anywhere in the object, with a value of the expected shape. */
function keyed(feature: string, shape: (value: unknown) => boolean): FeatureRule {
  return { feature, at: (path, value) => lastKey(path) === feature && shape(value), text: keyLine(feature) };
}

/**
 * Compute resources of containers. A volume claim's `resources.requests` holds only `storage`: the
 * size of a disk (a PersistentVolumeClaim, a StatefulSet's volumeClaimTemplates), not a limit on a workload.
 */
function resourceSection(section: 'limits' | 'requests'): FeatureRule {
  return {
    feature: `resources.${section}`,
    at: (path, value) => lastKey(path) === section && parentKey(path) === 'resources' && isRecord(value) && Object.keys(value).some((key) => key !== 'storage'),
    text: keyLine(section),
  };
}

const FEATURES: readonly FeatureRule[] = [
  resourceSection('limits'),
  resourceSection('requests'),
  keyed('readinessProbe', isRecord),
  keyed('livenessProbe', isRecord),
  keyed('startupProbe', isRecord),
  {
    feature: 'nvidia.com/gpu',
    at: (path) => lastKey(path) === 'nvidia.com/gpu' && ['limits', 'requests'].includes(parentKey(path) ?? ''),
    text: /^[\s-]*["']?nvidia\.com\/gpu["']?\s*:/m,
  },
  {
    feature: 'securityContext.runAsNonRoot',
    at: (path, value) => lastKey(path) === 'runAsNonRoot' && parentKey(path) === 'securityContext' && value === true,
    text: /^[\s-]*runAsNonRoot\s*:\s*true\b/m,
  },
  {
    feature: 'autoscaling.knative.dev',
    at: (path) => lastKey(path)?.startsWith('autoscaling.knative.dev/') === true,
    text: /autoscaling\.knative\.dev\//,
  },
  keyed('canaryTrafficPercent', isNumber),
  keyed('minReplicas', isNumber),
  keyed('maxReplicas', isNumber),
  // KServe's request/response logger is a map; a plain `logger:` string elsewhere is something else.
  keyed('logger', isRecord),
  {
    feature: 'replicas>1',
    at: (path, value) => path.join('.') === 'spec.replicas' && typeof value === 'number' && value >= 2,
    text: /^\s+replicas\s*:\s*["']?([2-9]|[1-9]\d+)["']?\s*$/m,
  },
];

export const kubernetesCollector = defineCollector({ key: 'kubernetes', create: collectKubernetes });

function collectKubernetes(): Collector<KubernetesFacts> {
  const objects: KubernetesObject[] = [];
  const chartDirectories = new Set<string>();
  return {
    wants: (path) => YAML_FILE.test(path) || JSON_FILE.test(path),
    visit(file, warn) {
      const { path, text } = file;
      // Paths arrive sorted, and `Chart.yaml` sorts before `templates/`, so the chart is known first.
      if (baseName(path) === CHART_NAME) chartDirectories.add(directoryOf(path));
      const template = isChartTemplate(path, text, chartDirectories);
      if (!template && !(text.includes('apiVersion') && text.includes('kind'))) return;
      const results = documentChunks(file.lines()).map((chunk) => (template ? { objects: objectsByLine(path, chunk), error: null } : readChunk(path, chunk)));
      objects.push(...results.flatMap((result) => result.objects));
      const error = results.find((result) => result.error)?.error;
      if (error) warn({ path, line: error.line, message: `Kubernetes manifest does not parse (${error.message}); objects read line by line` });
    },
    finish: (index) => {
      const sorted = [...objects].sort(byLocation);
      return {
        objects: sorted,
        kinds: [...new Set(sorted.map((object) => object.kind))].sort(compareStrings),
        helmCharts: pathsNamed(index, (name) => name === CHART_NAME),
        kustomizations: pathsNamed(index, (name) => KUSTOMIZATION_NAME.test(name)),
      };
    },
  };
}

function pathsNamed(index: ScanIndex, matches: (name: string) => boolean): string[] {
  return index.files
    .map((file) => file.path)
    .filter((path) => matches(baseName(path)))
    .sort(compareStrings);
}

/**
 * A file under a chart's `templates/` directory. Go templating makes most of them invalid YAML,
 * so a `templates/` file with `{{` counts too, in case the `Chart.yaml` was not read.
 */
function isChartTemplate(path: string, text: string, chartDirectories: ReadonlySet<string>): boolean {
  // Most files are under no `templates/` directory: said without splitting the path.
  if (!path.startsWith('templates/') && !path.includes('/templates/')) return false;
  const segments = path.split('/');
  const chartRoots = segments.flatMap((segment, i) => (segment === 'templates' && i < segments.length - 1 ? [segments.slice(0, i).join('/')] : []));
  return chartRoots.some((root) => chartDirectories.has(root)) || (chartRoots.length > 0 && text.includes('{{'));
}

/** One YAML document's lines; `start` is the 0-based index of its first line in the file. */
interface Chunk {
  lines: readonly string[];
  start: number;
}

/**
 * The file cut at `---` lines, which always start a document when at column 0. Documents are
 * parsed one by one so that a bulky one (a CRD schema) can be skipped and a broken one does not
 * spoil its neighbours.
 */
function documentChunks(lines: readonly string[]): Chunk[] {
  const starts = [0, ...lines.flatMap((line, i) => (i > 0 && DOCUMENT_START.test(line) ? [i] : []))];
  return starts.map((start, i) => ({ lines: lines.slice(start, starts[i + 1] ?? lines.length), start }));
}

function topLevelValue(lines: readonly string[], key: RegExp): { value: string; index: number } | null {
  const index = lines.findIndex((line) => key.test(line));
  return index < 0 ? null : { value: lineValue(key.exec(lines[index]!)![1]!), index };
}

function looksLikeManifest(lines: readonly string[]): boolean {
  return topLevelValue(lines, TOP_LEVEL_API_VERSION) !== null && topLevelValue(lines, TOP_LEVEL_KIND) !== null;
}

/**
 * The objects of one document. A document that does not parse is read line by line; it deserves a
 * warning only when it is a manifest and not a template (chart `files/`, Jinja): nobody expects a
 * template to parse.
 */
function readChunk(path: string, chunk: Chunk): { objects: KubernetesObject[]; error: { line: number; message: string } | null } {
  const kind = topLevelValue(chunk.lines, TOP_LEVEL_KIND)?.value;
  if (kind !== undefined && SCHEMA_KINDS.has(kind)) return { objects: objectsByLine(path, chunk), error: null };
  const source = parseYamlDocuments(chunk.lines.join('\n'));
  if (!source.error) {
    return { objects: source.documents.flatMap((document) => objectsIn(document.contents, document, source, path, chunk.start)), error: null };
  }
  if (!looksLikeManifest(chunk.lines)) return { objects: [], error: null };
  const templated = chunk.lines.some((line) => line.includes('{{'));
  return {
    objects: objectsByLine(path, chunk),
    error: templated ? null : { line: chunk.start + source.error.line, message: source.error.message },
  };
}

/** The objects a parsed node describes: itself, or the items of a `List`. */
function objectsIn(node: unknown, document: Document.Parsed, source: YamlDocuments, path: string, lineOffset: number): KubernetesObject[] {
  const value = plainValue(node, document);
  if (!isRecord(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return [];
  const items = mapEntry(node, 'items')?.value;
  if (value.kind.endsWith('List') && isSeq(items)) {
    return items.items.flatMap((item) => objectsIn(item, document, source, path, lineOffset));
  }
  const kindKey = mapEntry(node, 'kind')?.keyNode ?? (node as Node);
  return [
    {
      path,
      line: lineOffset + source.lineOf(kindKey),
      kind: value.kind,
      apiVersion: value.apiVersion,
      name: isRecord(value.metadata) && typeof value.metadata.name === 'string' ? value.metadata.name : '',
      ...(SCHEMA_KINDS.has(value.kind) ? { features: [], images: [] } : settingsOf(value)),
    },
  ];
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers']);

/** The object's notable settings and its containers' images, read in one walk of its keys. */
function settingsOf(object: Record<string, unknown>): { features: string[]; images: string[] } {
  const features = new Set<string>();
  const images = new Set<string>();
  const walk = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, path);
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, key];
      for (const rule of FEATURES) if (rule.at(childPath, child)) features.add(rule.feature);
      // Sequence indexes are left out of the path, so a container's image sits right under its list.
      if (key === 'image' && typeof child === 'string' && CONTAINER_LISTS.has(parentKey(childPath) ?? '')) images.add(child);
      walk(child, childPath);
    }
  };
  walk(object, []);
  return { features: [...features].sort(compareStrings), images: [...images].sort(compareStrings) };
}

/** A scalar as written on a line: without a trailing comment or quotes. */
function lineValue(raw: string): string {
  const value = raw.replace(/\s+#.*$/, '').trim();
  return /^(".*"|'.*')$/.test(value) ? value.slice(1, -1) : value;
}

/** `metadata.name` in a text chunk: the `name:` key at the first indentation under `metadata:`. */
function nameByLine(lines: readonly string[]): string {
  const start = lines.findIndex((line) => /^metadata\s*:\s*$/.test(line));
  if (start < 0) return '';
  let indent: string | null = null;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const leading = /^\s*/.exec(line)![0];
    if (leading === '') return '';
    indent ??= leading;
    const name = /^\s*name\s*:(.*)$/.exec(line);
    if (leading === indent && name) return lineValue(name[1]!);
  }
  return '';
}

/** The object a document declares, found by a plain line scan, for templates and documents that do not parse. */
function objectsByLine(path: string, { lines, start }: Chunk): KubernetesObject[] {
  const kind = topLevelValue(lines, TOP_LEVEL_KIND);
  // `kind: {{ .Values.kind }}` names no kind we could report.
  if (!kind || kind.value === '' || kind.value.includes('{{')) return [];
  const text = lines.join('\n');
  const features = SCHEMA_KINDS.has(kind.value) ? [] : FEATURES.filter((rule) => rule.text.test(text)).map((rule) => rule.feature);
  const images = SCHEMA_KINDS.has(kind.value) ? [] : lines.flatMap((line) => IMAGE_LINE.exec(line)?.slice(1, 2) ?? []).map(lineValue);
  return [
    {
      path,
      line: start + kind.index + 1,
      kind: kind.value,
      apiVersion: topLevelValue(lines, TOP_LEVEL_API_VERSION)?.value ?? '',
      name: nameByLine(lines),
      features: features.sort(compareStrings),
      images: [...new Set(images)].sort(compareStrings),
    },
  ];
}
