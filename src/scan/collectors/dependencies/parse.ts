import { parse as parseToml, TomlError } from 'smol-toml';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { FileContent } from '../../collector.js';
import type { Warn } from '../../location.js';
import { redactSecrets } from '../../secret-patterns.js';

/* Parsing manifests and lock files: a file that does not parse is warned about, with its line where the parser gives one. */

export function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function asTable(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function entriesOf(value: unknown): Array<[string, unknown]> {
  return Object.entries(asTable(value) ?? {});
}

export function parseTomlFile(file: FileContent, warn: Warn): Record<string, unknown> | null {
  try {
    return parseToml(file.text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n', 1)[0] ?? '').replace(/^Invalid TOML document:\s*/, '') : '';
    warn({ path: file.path, line: error instanceof TomlError ? error.line : undefined, message: `does not parse as TOML: ${reason}` });
    return null;
  }
}

export function parseJsonObject(file: FileContent, warn: Warn): Record<string, unknown> | null {
  try {
    const value = asTable(JSON.parse(file.text));
    if (value) return value;
    warn({ path: file.path, message: 'is not a JSON object' });
  } catch (error) {
    // Newer engines quote the offending text in the message: keep it short and free of secrets.
    const reason = error instanceof Error ? shorten(redactSecrets(error.message)) : '';
    warn({ path: file.path, message: `does not parse as JSON: ${reason}` });
  }
  return null;
}

export function parseYamlFile(file: FileContent, warn: Warn): { doc: ReturnType<typeof parseDocument>; lineOf: (node: YamlNode) => number } | null {
  const lineCounter = new LineCounter();
  // Unique-key checks cost the square of a map's size, and a repository's file may hold any number of keys.
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    warn({ path: file.path, line: error.linePos?.[0].line, message: `does not parse as YAML: ${error.message.split('\n', 1)[0] ?? ''}` });
    return null;
  }
  return { doc, lineOf: (node) => lineCounter.linePos(node.range?.[0] ?? 0).line };
}
