import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import { DOCUMENT_BYTES, readBoundedText } from './read-bounded.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/**
 * The data files that shipped validated: the build checks `data/*.yaml` and the built-in profiles
 * against their schemas (scripts/validate-data.mjs) and records, by schema and digest of the text,
 * the value each parses to. An audit then needs neither the schema validator nor the YAML parser
 * for them, each of which costs more than a small audit's rules. A file whose text differs from
 * the one recorded (an edited default, any user's file) is parsed and validated when it is read.
 */
export const VALIDATED_DATA = join(PACKAGE_ROOT, 'dist', 'data', 'validated.json');

let shipped: Promise<Map<string, unknown>> | undefined;
function shippedValues(): Promise<Map<string, unknown>> {
  shipped ??= readFile(VALIDATED_DATA, 'utf8').then(
    (text) => new Map(Object.entries(JSON.parse(text) as Record<string, unknown>)),
    () => new Map<string, unknown>(),
  );
  return shipped;
}

/** What the build records for a file that passed its schema (or, with none, that parsed): the schema's name and the text's digest. */
export function validatedKey(schema: string | null, text: string): string {
  return `${schema ?? 'no-schema'}:${createHash('sha256').update(text).digest('hex')}`;
}

/** A path as the user reads it: relative to the package for its own files, as given otherwise. */
function displayName(file: string): string {
  const own = relative(PACKAGE_ROOT, file);
  return own.startsWith('..') ? file : own;
}

function readDataText(file: string, schema: string | null): Promise<string> {
  return readBoundedText(file, { what: `${schema ?? 'data'} file`, maxBytes: DOCUMENT_BYTES }, displayName(file));
}

async function parseChecked(file: string, schema: string | null, text: string, shippedValid: boolean): Promise<YamlSource> {
  const source = parseYamlSource(displayName(file), text);
  if (shippedValid || schema === null) return source;
  const [{ validateSource }, { compilePublishedSchema }] = await Promise.all([import('./schema-errors.js'), import('./published-schema.js')]);
  validateSource(source, await compilePublishedSchema(schema));
  return source;
}

/**
 * Reads a YAML (or JSON) data file and checks it against `schemas/<schema>.schema.json`; a
 * mistake is an InputError with file, line and column. The parsed source keeps the positions, for
 * the checks a schema cannot express.
 */
export async function loadDataFile(file: string, schema: string): Promise<YamlSource> {
  const text = await readDataText(file, schema);
  return parseChecked(file, schema, text, (await shippedValues()).has(validatedKey(schema, text)));
}

/**
 * The value of a data file the package ships, where no position is needed: the one the build
 * recorded while the text is unchanged, else parsed and checked like any data file. `schema` null
 * for a file without a published schema (its tests check it).
 */
export async function loadShippedData(file: string, schema: string | null): Promise<unknown> {
  const text = await readDataText(file, schema);
  const recorded = (await shippedValues()).get(validatedKey(schema, text));
  return recorded !== undefined ? recorded : (await parseChecked(file, schema, text, false)).value;
}
