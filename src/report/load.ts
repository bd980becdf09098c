import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { InputError } from '../util/errors.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { compileSchema, validateSource } from '../util/schema-errors.js';
import { parseYamlSource } from '../util/yaml-source.js';
import { NO_COVER, REPORT_SCHEMA_VERSION, type Report } from './types.js';

let validator: ValidateFunction | undefined;

async function validate(): Promise<ValidateFunction> {
  validator ??= compileSchema(JSON.parse(await readFile(join(PACKAGE_ROOT, 'schemas', 'report.schema.json'), 'utf8')) as object, { formats: false });
  return validator;
}

const SUPPORTED_MAJOR = REPORT_SCHEMA_VERSION.split('.')[0]!;

/**
 * A saved JSON report, checked against the published schema before anything reads it, so `render`,
 * `compare` and `portfolio` never trip over a foreign, truncated or hand-edited file. Every problem
 * is one `InputError` naming the file (and the line, for a report that breaks the schema).
 */
export async function loadReport(file: string): Promise<Report> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read report: ${error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'is a directory' : (error.code ?? error.message)}`, file);
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError('not a scale-audit JSON report: invalid JSON (write one with --format json)', file);
  }
  const header = value as { tool?: { name?: unknown }; schemaVersion?: unknown } | null;
  if (typeof header !== 'object' || header === null || header.tool?.name !== 'scale-audit' || typeof header.schemaVersion !== 'string') {
    throw new InputError('not a scale-audit JSON report (write one with --format json)', file);
  }
  const major = header.schemaVersion.split('.')[0];
  if (major !== SUPPORTED_MAJOR) {
    throw new InputError(`report format ${header.schemaVersion} is not supported; this scale-audit reads ${SUPPORTED_MAJOR}.x`, file);
  }
  const check = await validate();
  if (!check(value)) {
    // Positions cost a second parse, paid only for a file that is wrong.
    validateSource(parseYamlSource(file, text), check);
    throw new InputError('not a valid scale-audit report', file);
  }
  // A 1.0 report has no cover: it was made before reports could carry one.
  const report = value as Report;
  return report.cover ? report : { ...report, cover: NO_COVER };
}
