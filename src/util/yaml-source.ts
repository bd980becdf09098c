import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { InputError } from './errors.js';

/** A parsed YAML or JSON file that remembers where each value came from, for error messages. */
export interface YamlSource {
  file: string;
  value: unknown;
  document: Document.Parsed;
  lines: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

/**
 * What a file written by a person never needs, and a hostile one uses to exhaust memory or the
 * stack: aliases that expand exponentially ("billion laughs"), deep nesting, huge mappings.
 */
export const YAML_LIMITS = { aliases: 100, depth: 100, keysPerMapping: 10_000 } as const;

function errorAt(file: string, lines: LineCounter, offset: number, message: string): InputError {
  const position = lines.linePos(offset);
  return new InputError(`invalid YAML: ${message}`, file, position.line, position.col);
}

/** The identity of a key, as YAML's own unique-key rule compares them: scalars by value. */
function keyIdentity(key: unknown): string | null {
  return isScalar(key) ? `${typeof key.value}:${String(key.value)}` : null;
}

/**
 * Duplicate keys, nesting depth and mapping sizes, in one pass over the nodes. The parser's own
 * unique-key check compares each key with every earlier one of its mapping (quadratic: 40,000
 * keys took 25 s); a set per mapping does the same in linear time. Iterative, so that depth
 * cannot overflow the stack here.
 */
function checkStructure(file: string, document: Document.Parsed, lines: LineCounter): void {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: document.contents, depth: 1 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    const offset = node.range?.[0] ?? 0;
    if (depth > YAML_LIMITS.depth) throw errorAt(file, lines, offset, `nested more than ${YAML_LIMITS.depth} levels deep`);
    if (isSeq(node)) {
      for (const item of node.items) pending.push({ node: item, depth: depth + 1 });
      continue;
    }
    if (node.items.length > YAML_LIMITS.keysPerMapping) throw errorAt(file, lines, offset, `a mapping with more than ${YAML_LIMITS.keysPerMapping} keys`);
    const seen = new Set<string>();
    for (const pair of node.items) {
      const identity = keyIdentity(pair.key);
      if (identity !== null) {
        if (seen.has(identity)) {
          throw errorAt(file, lines, (pair.key as Node).range?.[0] ?? offset, `duplicate key "${String((pair.key as { value: unknown }).value)}" (keys must be unique)`);
        }
        seen.add(identity);
      }
      pending.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
    }
  }
}

/** Where an alias bomb starts: the shallowest alias. */
function firstAliasOffset(document: Document.Parsed): number {
  const pending: unknown[] = [document.contents];
  for (let i = 0; i < pending.length; i++) {
    const node = pending[i];
    if (isAlias(node)) return node.range?.[0] ?? 0;
    if (isMap(node)) for (const pair of node.items) pending.push(pair.key, pair.value);
    else if (isSeq(node)) pending.push(...node.items);
  }
  return 0;
}

/** YAML 1.2 is a superset of JSON, so one parser serves both and gives positions for both. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const error = document.errors[0];
  if (error) {
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw errorAt(file, lines, error.pos[0], reason === 'Maximum call stack size exceeded' ? `nested more than ${YAML_LIMITS.depth} levels deep` : reason);
  }
  checkStructure(file, document, lines);
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: YAML_LIMITS.aliases });
  } catch (thrown) {
    // The only way a checked document fails to convert: aliases that expand without end.
    throw errorAt(file, lines, firstAliasOffset(document), `aliases expand too much (more than ${YAML_LIMITS.aliases} times): ${(thrown as Error).message}`);
  }
  return { file, value, document, lines };
}

/** Each mapping's keys, indexed once: looking up every key of a large mapping stays linear. */
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairFor(map: YAMLMap, key: string): Pair | undefined {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    }
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

/**
 * The position of the value at `path` (keys and array indexes), or of its nearest existing parent.
 * With `key: true`, the position of the map key rather than the value, which reads better for
 * "unknown property" errors.
 */
export function positionOf(source: YamlSource, path: ReadonlyArray<string | number>, key = false): Position {
  let node: unknown = source.document.contents;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairFor(node, String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = null;
      node = node.items[segment];
    } else {
      break;
    }
  }
  const target = (key && keyNode) || (node as Node | null);
  const offset = target?.range?.[0] ?? 0;
  const position = source.lines.linePos(offset);
  return { line: position.line, column: position.col };
}

export function inputErrorAt(source: YamlSource, path: ReadonlyArray<string | number>, message: string, key = false): InputError {
  const { line, column } = positionOf(source, path, key);
  return new InputError(message, source.file, line, column);
}
