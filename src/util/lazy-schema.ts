import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import type { YamlSource } from './yaml-source.js';

/**
 * Checks a parsed file against `schemas/<name>.schema.json`, an InputError naming file and line
 * when it does not conform. The validator (ajv, whose loading costs more than a small audit) is
 * loaded and compiled on the first file to check: a run with no such file never loads it.
 */
export function lazySchemaCheck(name: string): (source: YamlSource) => Promise<void> {
  let check: Promise<(source: YamlSource) => void> | undefined;
  return (source) => {
    check ??= (async () => {
      const { compileSchema, validateSource } = await import('./schema-errors.js');
      const validate = compileSchema(JSON.parse(await readFile(join(PACKAGE_ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object);
      return (parsed: YamlSource) => validateSource(parsed, validate);
    })();
    return check.then((validate) => validate(source));
  };
}
