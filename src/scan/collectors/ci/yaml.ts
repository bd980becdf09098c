import { LineCounter, isAlias, isMap, isNode, isScalar, isSeq, parseAllDocuments, visit, type Alias, type Document, type Node, type Scalar } from 'yaml';
import type { FileContent } from '../../collector.js';
import type { Warn } from '../../location.js';
import { addReference, addScripts, brokenDraft, type Draft } from './draft.js';
import type { RepoFiles } from './follow/repo-files.js';
import type { Inputs } from './reference-patterns.js';
import { scriptLine, type ScriptLine, type Word } from './shell.js';

/*
 * YAML access for the providers: nodes (not plain JS) so every value keeps its line. Aliases and
 * `<<` merge keys are followed, since GitLab and Bitbucket files lean on anchors.
 */

export interface Yaml {
  doc: Document.Parsed;
  lines: LineCounter;
  text: string;
}

export interface Entry {
  key: string;
  value: unknown;
  line: number;
}

/*
 * Walkers that follow aliases keep a set of the nodes they have entered: anchors let an untrusted
 * file refer to a node from many places, and expanding every reference can grow exponentially.
 */

/**
 * Each alias's node, found in one pass over the document: `Alias.resolve` searches the document
 * from its start on every call, so a file of many aliases cost the square of its size. An alias
 * refers to the latest anchor of its name before it, as the pass meets them in document order.
 */
const aliasTargets = new WeakMap<Document.Parsed, Map<Alias, Node | undefined>>();

function targetsOf(doc: Document.Parsed): Map<Alias, Node | undefined> {
  let targets = aliasTargets.get(doc);
  if (targets) return targets;
  targets = new Map();
  const anchors = new Map<string, Node>();
  const found = targets;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) found.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  aliasTargets.set(doc, targets);
  return targets;
}

export function resolved(y: Yaml, node: unknown): unknown {
  return isAlias(node) ? targetsOf(y.doc).get(node) : node;
}

export function lineOf(y: Yaml, node: unknown): number {
  const target = resolved(y, node);
  return isNode(target) && target.range ? y.lines.linePos(target.range[0]).line : 0;
}

/** A node's text as written in the file. */
export function sourceOf(y: Yaml, node: unknown): string {
  const target = resolved(y, node);
  return isNode(target) && target.range ? y.text.slice(target.range[0], target.range[1]) : '';
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/** A map's entries, `<<` merges applied, and the first value of each key: worked out once per map. */
interface MapEntries {
  list: Entry[];
  byKey: Map<string, unknown>;
}
const mapEntries = new WeakMap<Node, MapEntries>();
const NO_ENTRIES: MapEntries = { list: [], byKey: new Map() };

function indexed(y: Yaml, node: unknown): MapEntries {
  const map = resolved(y, node);
  if (!isMap(map)) return NO_ENTRIES;
  let found = mapEntries.get(map);
  if (!found) {
    const list = mergedEntries(y, map, new Set());
    const byKey = new Map<string, unknown>();
    for (const entry of list) if (!byKey.has(entry.key)) byKey.set(entry.key, entry.value);
    found = { list, byKey };
    mapEntries.set(map, found);
  }
  return found;
}

function mergedEntries(y: Yaml, node: unknown, seen: Set<unknown>): Entry[] {
  const map = resolved(y, node);
  if (!isMap(map) || seen.has(map)) return [];
  seen.add(map);
  const own: Entry[] = [];
  const merged: Entry[] = [];
  for (const pair of map.items) {
    const key = keyText(pair.key);
    if (key === undefined) continue;
    if (key !== '<<') {
      own.push({ key, value: resolved(y, pair.value), line: lineOf(y, pair.key) });
      continue;
    }
    const sources = resolved(y, pair.value);
    for (const source of isSeq(sources) ? sources.items : [sources]) merged.push(...mergedEntries(y, source, seen));
  }
  // A key written in the map overrides a merged one; among merged maps the first listed wins.
  const result = [...own];
  const keys = new Set(own.map((entry) => entry.key));
  for (const entry of merged) {
    if (keys.has(entry.key)) continue;
    keys.add(entry.key);
    result.push(entry);
  }
  return result;
}

/**
 * A map's entries, merges applied. Worked out once per map: providers look keys up job by job, and
 * recomputing a 40,000-job file's root for each lookup cost the square of its size.
 */
export function entries(y: Yaml, node: unknown): Entry[] {
  return indexed(y, node).list;
}

export function child(y: Yaml, node: unknown, key: string): unknown {
  return indexed(y, node).byKey.get(key);
}

export function items(y: Yaml, node: unknown): unknown[] {
  const seq = resolved(y, node);
  return isSeq(seq) ? seq.items.map((item) => resolved(y, item)) : [];
}

export function text(y: Yaml, node: unknown): string | undefined {
  const scalar = resolved(y, node);
  if (!isScalar(scalar) || scalar.value === null || typeof scalar.value === 'object') return undefined;
  return String(scalar.value);
}

/** Items of a YAML list as a command's words (a container's `command` and `args`, GoCD's `exec`), each at its line; empty and non-scalar items are left out. */
export function commandWords(y: Yaml, nodes: readonly unknown[]): Word[] {
  return nodes.flatMap((node) => {
    const value = text(y, node);
    return value ? [{ text: value, line: lineOf(y, node) }] : [];
  });
}

/** A value that is one item or a list of items (`on: push`, `extends: [.a, .b]`). */
export function texts(y: Yaml, node: unknown): string[] {
  const value = resolved(y, node);
  const list = isSeq(value) ? items(y, value) : [value];
  return list.map((item) => text(y, item)).filter((item): item is string => item !== undefined);
}

export function inputs(y: Yaml, node: unknown): Inputs {
  return new Map(entries(y, node).map((entry) => [entry.key.toLowerCase(), text(y, entry.value) ?? '']));
}

const FALSE_CONDITION = /^\s*(?:\$\{\{\s*)?false\s*(?:\}\})?\s*$/;

/** `if: false`, `if: ${{ false }}`, `enabled: false`, `condition: false`. */
export function isFalse(y: Yaml, node: unknown): boolean {
  const scalar = resolved(y, node);
  return isScalar(scalar) && (scalar.value === false || (typeof scalar.value === 'string' && FALSE_CONDITION.test(scalar.value)));
}

const TRUE_CONDITION = /^\s*(?:\$\{\{\s*)?true\s*(?:\}\})?\s*$/;

/** `continue-on-error: true`, `allow_failure: true`; an expression (`${{ matrix.experimental }}`) is not known to be true. */
export function isTrue(y: Yaml, node: unknown): boolean {
  const scalar = resolved(y, node);
  return isScalar(scalar) && (scalar.value === true || (typeof scalar.value === 'string' && TRUE_CONDITION.test(scalar.value)));
}

/** `environment: production` or `environment: { name: production, url: … }`. */
export function environmentName(y: Yaml, node: unknown): string | undefined {
  return text(y, node) ?? text(y, child(y, node, 'name'));
}

/** The lines of a script scalar, each with its real line: block scalars are read from the source. */
function scalarLines(y: Yaml, scalar: Scalar): ScriptLine[] {
  const start = lineOf(y, scalar);
  const folded = scalar.type === 'BLOCK_FOLDED';
  if ((folded || scalar.type === 'BLOCK_LITERAL') && scalar.range) {
    const body = y.text.slice(scalar.range[0], scalar.range[1]).split(/\r?\n/).slice(1);
    // A folded block joins its lines into one command up to a blank line.
    return body.map((raw, i) => scriptLine(raw, start + 1 + i, folded && raw.trim() !== '' && (body[i + 1]?.trim() ?? '') !== ''));
  }
  return String(scalar.value)
    .split('\n')
    .map((part) => scriptLine(part, start));
}

/** GitLab's `!reference [.job, script]`: the node at that path from the document root. */
function gitlabReference(y: Yaml, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => child(y, node, key), y.doc.contents);
}

/** The scripts of a node: a string, or a (nested) list of strings, each item its own script. */
export function scriptsOf(y: Yaml, node: unknown, seen = new Set<unknown>()): ScriptLine[][] {
  const value = resolved(y, node);
  if (isSeq(value)) {
    if (seen.has(value)) return [];
    seen.add(value);
    if (value.tag === '!reference') return scriptsOf(y, gitlabReference(y, texts(y, value)), seen);
    return value.items.flatMap((item) => scriptsOf(y, item, seen));
  }
  return isScalar(value) && text(y, value) !== undefined ? [scalarLines(y, value)] : [];
}

/**
 * A step of a CI that runs each step in a container (Drone, Woodpecker): its commands run in its
 * image; a step without commands runs the image itself, a plugin configured by its `settings`.
 */
export function addImageStep(draft: Draft, y: Yaml, step: unknown, commands: unknown): void {
  draft.jobs++;
  const image = child(y, step, 'image');
  const scripts = scriptsOf(y, commands);
  addReference(draft, text(y, image) ?? '', lineOf(y, image), inputs(y, child(y, step, 'settings')), { passive: scripts.length > 0 });
  addScripts(draft, scripts);
}

/** Reads the documents of one YAML file (several when the file has `---` separators) into a draft. */
type YamlParser = (docs: Yaml[], path: string, repo: RepoFiles, warn: Warn) => Draft;

/** Formats read from one document: a second one (after `---`) is ignored, as the CI services do. */
export function firstDocument(parse: (y: Yaml, path: string, repo: RepoFiles, warn: Warn) => Draft): YamlParser {
  return (docs, path, repo, warn) => parse(docs[0]!, path, repo, warn);
}

/** The documents of a YAML file, or the first error's line and message. */
export function yamlDocuments(text: string): Yaml[] | { line: number | undefined; message: string } {
  const lines = new LineCounter();
  const docs = Array.from(parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false }));
  const error = docs.flatMap((doc) => doc.errors)[0];
  if (error) return { line: error.linePos?.[0].line, message: error.message.split('\n')[0] ?? '' };
  return docs.map((doc) => ({ doc, lines, text }));
}

/** A provider's `read` for YAML files: an invalid file is warned about and read as a broken pipeline. */
export function yamlReader(parse: YamlParser): (file: FileContent, warn: Warn, repo: RepoFiles) => Draft {
  return (file, warn, repo) => {
    const docs = yamlDocuments(file.text);
    if (!Array.isArray(docs)) {
      warn({ path: file.path, line: docs.line, message: `invalid YAML in CI file: ${docs.message}` });
      return brokenDraft({ reason: `the file is not valid YAML (${docs.message.replace(/:$/, '')}), so it cannot run`, ...(docs.line !== undefined && { line: docs.line }) });
    }
    if (docs.length === 0) return brokenDraft({ reason: 'the file is empty' });
    return parse(docs, file.path, repo, warn);
  };
}
