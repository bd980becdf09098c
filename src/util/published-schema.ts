import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { PACKAGE_ROOT } from './package-root.js';
import { compileSchema } from './schema-errors.js';

/** The names of the other published schemas a schema refers to (`"$ref": "config.schema.json#/…"`). */
function referencedNames(schema: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => referencedNames(item, into));
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      const name = key === '$ref' && typeof value === 'string' ? /^([a-z-]+)\.schema\.json#/.exec(value)?.[1] : undefined;
      if (name) into.add(name);
      else referencedNames(value, into);
    }
  }
  return into;
}

async function readSchema(name: string): Promise<object> {
  return JSON.parse(await readFile(join(PACKAGE_ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object;
}

/**
 * A validator for `schemas/<name>.schema.json`, with the published schemas it refers to (a profile
 * shares the configuration's rule settings and gates, a configuration declares profiles).
 */
export async function compilePublishedSchema(name: string, options: { formats?: boolean } = {}): Promise<ValidateFunction> {
  const schemas = new Map<string, object>([[name, await readSchema(name)]]);
  for (let pending = [name]; pending.length > 0; ) {
    const next = [...referencedNames(schemas.get(pending.pop()!), new Set())].filter((other) => !schemas.has(other));
    for (const other of next) schemas.set(other, await readSchema(other));
    pending.push(...next);
  }
  const [main, ...referenced] = [...schemas.values()];
  return compileSchema(main!, { ...options, references: referenced });
}
