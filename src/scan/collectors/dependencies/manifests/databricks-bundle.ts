import { isMap, isScalar, isSeq } from 'yaml';
import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { parseYamlFile } from '../parse.js';

/**
 * A Databricks Asset Bundle declares what its jobs install: a serverless environment's
 * `spec: dependencies:` (pip requirement lines) and a task's `libraries: - pypi: package:`. They
 * are in `databricks.yml` or in the resource files it includes, `resources/*.yml` by convention.
 */
const BUNDLE_FILE = /^databricks\.ya?ml$/i;
const RESOURCE_FILE = /\.ya?ml$/i;
/** Only a file that declares bundle resources is read: a `resources/` folder holds other YAML too (Java's application.yml). */
const DECLARES_RESOURCES = /^resources:[ \t]*$/m;

type Node = unknown;

function itemsOf(node: Node): unknown[] {
  return isSeq(node) ? node.items : [];
}

function field(node: Node, key: string): Node {
  return isMap(node) ? node.get(key, true) : undefined;
}

function readBundle(file: FileContent, warn: Warn): ManifestRead | null {
  if (!DECLARES_RESOURCES.test(file.text)) return null;
  const parsed = parseYamlFile(file, warn);
  if (!parsed) return null;
  const { doc, lineOf } = parsed;
  const out = new Declarations(file.path, warn);
  const requirement = (node: Node) => {
    if (isScalar(node) && typeof node.value === 'string') out.requirementLine(node.value, lineOf(node), false);
  };
  const jobs = field(field(doc.contents, 'resources'), 'jobs');
  for (const job of isMap(jobs) ? jobs.items.map((pair) => pair.value) : []) {
    for (const environment of itemsOf(field(job, 'environments'))) {
      for (const dependency of itemsOf(field(field(environment, 'spec'), 'dependencies'))) requirement(dependency);
    }
    for (const task of itemsOf(field(job, 'tasks'))) {
      for (const library of itemsOf(field(task, 'libraries'))) requirement(field(field(library, 'pypi'), 'package'));
    }
  }
  return out.list.length === 0 ? null : { kind: 'databricks-bundle', ecosystem: 'pypi', declarations: out.list, managers: ['pip'] };
}

/** Databricks Asset Bundle job definitions. */
export const databricksBundle: ManifestFormat = {
  matches: (name, parent) => BUNDLE_FILE.test(name) || (RESOURCE_FILE.test(name) && parent() === 'resources'),
  read: readBundle,
};
