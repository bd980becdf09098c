#!/usr/bin/env node
// Build step: check the data files the business side ships (data/*.yaml) and the built-in profiles
// (profiles/*.yaml) against their schemas, and record the value of each text that passed under its
// digest, so that an audit neither loads the schema validator nor parses YAML for them. The loader
// parses and validates any file whose text is not recorded (src/util/data-file.ts).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { BUSINESS_DATA_FILES } from '../dist/business/data.js';
import { BUILTIN_PROFILES } from '../dist/config/profile-names.js';
import { builtinProfileFile } from '../dist/config/profiles.js';
import { VALIDATED_DATA, validatedKey } from '../dist/util/data-file.js';
import { ML_TEST_SCORE_FILE } from '../dist/score/ml-test-score-model.js';
import { PACKAGE_ROOT } from '../dist/util/package-root.js';
import { compilePublishedSchema } from '../dist/util/published-schema.js';
import { validateSource } from '../dist/util/schema-errors.js';
import { parseYamlSource } from '../dist/util/yaml-source.js';

const values = {};
const files = [...Object.values(BUSINESS_DATA_FILES), { file: ML_TEST_SCORE_FILE, schema: null }, ...BUILTIN_PROFILES.map((name) => ({ file: relative(PACKAGE_ROOT, builtinProfileFile(name)), schema: 'profile' }))];
try {
  for (const { file, schema } of files) {
    const text = await readFile(join(PACKAGE_ROOT, file), 'utf8');
    const source = parseYamlSource(file, text);
    if (schema !== null) validateSource(source, await compilePublishedSchema(schema));
    if (schema === 'profile' && source.value.name !== basename(file, '.yaml')) throw new Error(`${file}: its name must be the file's, ${basename(file, '.yaml')}`);
    values[validatedKey(schema, text)] = source.value;
  }
} catch (error) {
  process.stderr.write(`data files: ${error.describe?.() ?? error.message}\n`);
  process.exit(1);
}
await mkdir(dirname(VALIDATED_DATA), { recursive: true });
const sorted = Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1)));
await writeFile(VALIDATED_DATA, `${JSON.stringify(sorted)}\n`);
