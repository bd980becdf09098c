import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import { DOCUMENT_BYTES, readBoundedText } from './read-bounded.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/**
 * The digests of the data files that shipped validated: the build checks `data/*.yaml` against
 * their schemas (scripts/validate-data.mjs) and records them here, so that an audit need not load
 * the schema validator, which costs more than a small audit. A file whose text differs from the
 * one validated (an edited default, any user's file) is validated when it is read.
 */
export const VALIDATED_DATA = join(PACKAGE_ROOT, 'dist', 'data', 'validated.json');

let validated: Promise<Set<string>> | undefined;
function validatedDigests(): Promise<Set<string>> {
  validated ??= readFile(VALIDATED_DATA, 'utf8').then(
    (text) => new Set(JSON.parse(text) as string[]),
    () => new Set<string>(),
  );
  return validated;
}

/** What the build records for a file that passed its schema: the schema's name and the text's digest. */
export function validatedKey(schema: string, text: string): string {
  return `${schema}:${createHash('sha256').update(text).digest('hex')}`;
}

/** A path as the user reads it: relative to the package for its own files, as given otherwise. */
function displayName(file: string): string {
  const own = relative(PACKAGE_ROOT, file);
  return own.startsWith('..') ? file : own;
}

/**
 * Reads a YAML (or JSON) data file and checks it against `schemas/<schema>.schema.json`; a
 * mistake is an InputError with file, line and column. The parsed source keeps the positions, for
 * the checks a schema cannot express.
 */
export async function loadDataFile(file: string, schema: string): Promise<YamlSource> {
  const name = displayName(file);
  const text = await readBoundedText(file, { what: `${schema} file`, maxBytes: DOCUMENT_BYTES }, name);
  const source = parseYamlSource(name, text);
  if ((await validatedDigests()).has(validatedKey(schema, text))) return source;
  const [{ validateSource }, { compilePublishedSchema }] = await Promise.all([import('./schema-errors.js'), import('./published-schema.js')]);
  validateSource(source, await compilePublishedSchema(schema));
  return source;
}
