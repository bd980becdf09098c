import type { YamlSource } from './yaml-source.js';

/**
 * Checks a parsed file against `schemas/<name>.schema.json` (with the published schemas it refers
 * to), an InputError naming file and line when it does not conform. The validator (ajv, whose
 * loading costs more than a small audit) is loaded and compiled on the first file to check: a run
 * with no such file never loads it.
 */
export function lazySchemaCheck(name: string): (source: YamlSource) => Promise<void> {
  let check: Promise<(source: YamlSource) => void> | undefined;
  return (source) => {
    check ??= (async () => {
      const [{ validateSource }, { compilePublishedSchema }] = await Promise.all([import('./schema-errors.js'), import('./published-schema.js')]);
      const validate = await compilePublishedSchema(name);
      return (parsed: YamlSource) => validateSource(parsed, validate);
    })();
    return check.then((validate) => validate(source));
  };
}
