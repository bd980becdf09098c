import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

/** YAML 1.2 is a superset of JSON, so one parser serves both and gives positions for both. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const position = lines.linePos(error.pos[0]);
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`invalid YAML: ${reason}`, file, position.line, position.col);
  }
  return { file, value: document.toJS({ maxAliasCount: 100 }), document, lines };
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
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
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
