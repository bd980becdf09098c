import { isMap, isNode, isScalar, LineCounter, parseAllDocuments, type Document, type Node, type Scalar } from 'yaml';

/**
 * Lenient YAML reading for files of the audited repository, which may hold anything: several
 * documents per file, duplicate keys, CloudFormation tags (`!Ref`, `!GetAtt`). Unknown tags are
 * only parser warnings, which are ignored, so their values read as plain scalars and sequences.
 */
export interface YamlDocuments {
  documents: Document.Parsed[];
  /** The first syntax error in the file, or null when every document parsed. */
  error: { line: number; message: string } | null;
  /** 1-based line where a node (a value, or a map key) starts. */
  lineOf(node: Node): number;
}

/** Guards against alias bombs: a few hundred aliases is more than any real manifest uses. */
const MAX_ALIAS_COUNT = 200;

export function parseYamlDocuments(text: string): YamlDocuments {
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: false,
    merge: true,
    logLevel: 'silent',
  });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const first = documents.flatMap((document) => document.errors)[0];
  return {
    documents: [...documents],
    error: first ? { line: lineAt(first.pos[0]), message: first.message.split('\n')[0]! } : null,
    lineOf: (node) => lineAt(node.range?.[0] ?? 0),
  };
}

/** The string-keyed entries of a YAML map node, in order; nothing for any other node. */
export function mapEntries(node: unknown): Array<{ key: string; keyNode: Scalar; value: unknown }> {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) =>
    isScalar(pair.key) && typeof pair.key.value === 'string' ? [{ key: pair.key.value, keyNode: pair.key, value: pair.value }] : [],
  );
}

/** The entry for `key` in a YAML map node. */
export function mapEntry(node: unknown, key: string): { keyNode: Scalar; value: unknown } | undefined {
  return mapEntries(node).find((candidate) => candidate.key === key);
}

/** A node as plain data, or undefined when it cannot be converted (too many aliases). */
export function plainValue(node: unknown, document: Document.Parsed): unknown {
  if (!isNode(node)) return undefined;
  try {
    return node.toJS(document, { maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}
