import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { InputError } from './errors.js';
import { PACKAGE_ROOT } from './package-root.js';
import { readBoundedText, SAVED_DOCUMENT_BYTES } from './read-bounded.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/** A kind of JSON file the tool writes and reads back: a report, a baseline. */
export interface SavedKind {
  /** What it is, for messages: "cannot read <what>: …". */
  what: string;
  /** Its published schema, `schemas/<schema>.schema.json`. */
  schema: string;
  /** The message for a file that is not JSON. */
  invalidJson: string;
  /** Why a parsed file is not of this kind (another tool's file, an unsupported version), or null. */
  recognise(value: unknown): string | null;
}

const validators = new Map<string, Promise<ValidateFunction>>();
/** The schema validator is a large module: loaded when a saved file is read, not by every command that may read one (an audit without --baseline). */
const schemaErrors = () => import('./schema-errors.js');

function validator(schema: string): Promise<ValidateFunction> {
  let compiled = validators.get(schema);
  if (!compiled) {
    // `format` keywords document values here (the report's `date-time`): checking them needs a library the CLI does not ship.
    compiled = Promise.all([readFile(join(PACKAGE_ROOT, 'schemas', `${schema}.schema.json`), 'utf8'), schemaErrors()]).then(([text, { compileSchema }]) =>
      compileSchema(JSON.parse(text) as object, { formats: false }),
    );
    validators.set(schema, compiled);
  }
  return compiled;
}

/** Above this, a second parse for line numbers would cost seconds: the message names the path only. */
const POSITIONS_BYTES = 512 * 1024;

/** Positions cost a second parse, paid only for a file that is wrong, and only when it is quick. */
function positions(file: string, text: string): YamlSource | null {
  if (text.length > POSITIONS_BYTES) return null;
  try {
    return parseYamlSource(file, text);
  } catch {
    return null;
  }
}

/**
 * A saved file, checked against its published schema before anything reads it, so that a foreign,
 * truncated or hand-edited file is one `InputError` naming it (and the line, when the file is small
 * enough to parse again for positions), never a crash or a silently wrong result later.
 */
export async function loadSavedJson(file: string, kind: SavedKind): Promise<unknown> {
  const text = await readBoundedText(file, { what: kind.what, maxBytes: SAVED_DOCUMENT_BYTES });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(kind.invalidJson, file);
  }
  const foreign = kind.recognise(value);
  if (foreign) throw new InputError(foreign, file);
  const validate = await validator(kind.schema);
  if (validate(value)) return value;
  const { schemaProblem, validateSource } = await schemaErrors();
  const { message } = schemaProblem(validate);
  const source = positions(file, text);
  if (source) validateSource(source, validate);
  throw new InputError(`not a valid ${kind.what}: ${message}`, file);
}
