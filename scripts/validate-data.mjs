#!/usr/bin/env node
// Build step: check the data files the business side ships (data/*.yaml) against their schemas, and
// record the digests of the texts that passed, so that an audit does not load the schema validator
// for them. The loader validates any file whose text is not recorded (src/util/data-file.ts).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BUSINESS_DATA_FILES } from '../dist/business/data.js';
import { VALIDATED_DATA, validatedKey } from '../dist/util/data-file.js';
import { PACKAGE_ROOT } from '../dist/util/package-root.js';
import { compileSchema, validateSource } from '../dist/util/schema-errors.js';
import { parseYamlSource } from '../dist/util/yaml-source.js';

const keys = [];
try {
  for (const { file, schema } of Object.values(BUSINESS_DATA_FILES)) {
    const text = await readFile(join(PACKAGE_ROOT, file), 'utf8');
    const validate = compileSchema(JSON.parse(await readFile(join(PACKAGE_ROOT, 'schemas', `${schema}.schema.json`), 'utf8')));
    validateSource(parseYamlSource(file, text), validate);
    keys.push(validatedKey(schema, text));
  }
} catch (error) {
  process.stderr.write(`data files: ${error.describe?.() ?? error.message}\n`);
  process.exit(1);
}
await mkdir(dirname(VALIDATED_DATA), { recursive: true });
await writeFile(VALIDATED_DATA, `${JSON.stringify(keys.sort())}\n`);
