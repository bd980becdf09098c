import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { didYouMean } from './suggest.js';
import { inputErrorAt, type YamlSource } from './yaml-source.js';

/**
 * `formats: false` skips `format` keywords, for a schema that uses them to document values rather
 * than to check them (the report's `date-time`): checking them needs a library the CLI does not ship.
 * `references` are the schemas it refers to by `$id`.
 */
export function compileSchema(schema: object, options: { formats?: boolean; references?: readonly object[] } = {}): ValidateFunction {
  // `verbose` attaches each error's schema, so messages can list the properties that are allowed.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, validateFormats: options.formats ?? true });
  for (const referenced of options.references ?? []) ajv.addSchema(referenced);
  return ajv.compile(schema);
}

function segments(instancePath: string): Array<string | number> {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `rules[3].check.pass`, the way a reader names the place in the file. */
export function readablePath(path: ReadonlyArray<string | number>): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/**
 * Of all the errors ajv reports, the one that best explains the mistake: the deepest in the
 * document, and among those not a "must match one of the alternatives" summary.
 */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  const depth = (error: ErrorObject) => segments(error.instancePath).length + (error.keyword === 'additionalProperties' || error.keyword === 'required' ? 1 : 0);
  const summary = (error: ErrorObject) => ['oneOf', 'anyOf', 'if', 'propertyNames'].includes(error.keyword);
  return [...errors].sort((a, b) => depth(b) - depth(a) || Number(summary(a)) - Number(summary(b)))[0]!;
}

function describe(error: ErrorObject): { message: string; atKey: boolean; extra?: string } {
  const params = error.params as Record<string, unknown>;
  const allowedProperties = () => Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  switch (error.keyword) {
    case 'required':
      return { message: `missing required property "${params.missingProperty}"`, atKey: false };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return { message: `unknown property "${name}"${didYouMean(name, allowedProperties())}`, atKey: true, extra: name };
    }
    case 'enum':
      if (error.propertyName !== undefined) {
        const name = error.propertyName;
        const allowed = (params.allowedValues as string[]) ?? [];
        return { message: `unknown key "${name}"${didYouMean(name, allowed)}; expected one of: ${allowed.join(', ')}`, atKey: true, extra: name };
      }
      return { message: `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, atKey: false };
    case 'type':
      return { message: `must be ${String(params.type).replace(',', ' or ')}`, atKey: false };
    case 'minItems':
      return { message: params.limit === 1 ? 'must not be empty' : `must have at least ${params.limit} items`, atKey: false };
    case 'minLength':
      return { message: 'must not be empty', atKey: false };
    case 'pattern':
      return { message: `does not have the expected form (${params.pattern})`, atKey: false };
    case 'maxProperties':
    case 'minProperties':
      return { message: `must have ${error.keyword === 'maxProperties' ? 'at most' : 'at least'} ${params.limit} ${params.limit === 1 ? 'key' : 'keys'}`, atKey: false };
    default:
      return { message: error.message ?? 'is not valid', atKey: false };
  }
}

/** The first problem `validate` found, as a message (its path in it) and where it points. */
export function schemaProblem(validate: ValidateFunction): { message: string; target: Array<string | number>; atKey: boolean } {
  const error = mostSpecific(validate.errors ?? []);
  const path = segments(error.instancePath);
  const { message, atKey, extra } = describe(error);
  const where = readablePath(path);
  return { message: where ? `${where}: ${message}` : message, target: extra !== undefined ? [...path, extra] : path, atKey };
}

/** Validates a parsed file and turns the first problem into an `InputError` at its line and column. */
export function validateSource(source: YamlSource, validate: ValidateFunction): void {
  if (validate(source.value)) return;
  const { message, target, atKey } = schemaProblem(validate);
  throw inputErrorAt(source, target, message, atKey);
}
