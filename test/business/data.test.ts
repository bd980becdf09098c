import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUSINESS_DATA_FILES, loadBusinessData } from '../../src/business/data.js';
import { loadShippedData, VALIDATED_DATA, validatedKey } from '../../src/util/data-file.js';
import { PACKAGE_ROOT } from '../../src/util/package-root.js';
import { inputError } from '../helpers/input-error.js';
import { tempDir } from '../helpers/temp.js';

async function withAssumptions(text: string) {
  const dir = await tempDir({ 'assumptions.yaml': text });
  return join(dir, 'assumptions.yaml');
}

describe('the business assumptions', () => {
  it('ship validated: the build checked every data file against its schema', async () => {
    const validated = JSON.parse(await readFile(VALIDATED_DATA, 'utf8')) as Record<string, unknown>;
    for (const { file, schema } of Object.values(BUSINESS_DATA_FILES)) {
      const text = await readFile(join(PACKAGE_ROOT, file), 'utf8');
      // What an audit reads instead of the YAML is exactly what the YAML says.
      expect(validated[validatedKey(schema, text)], file).toEqual(parse(text));
    }
  });

  it('are read from the recorded values only while the text is the one validated', async () => {
    const shipped = join(PACKAGE_ROOT, BUSINESS_DATA_FILES.roles.file);
    expect(await loadShippedData(shipped, 'team-roles')).toEqual(parse(await readFile(shipped, 'utf8')));
    // An edited copy is parsed and checked: a mistake names its file and line.
    const edited = await withAssumptions('version: 1\nroles: 12\n');
    expect((await inputError(loadShippedData(edited, 'team-roles'))).describe()).toMatch(/assumptions\.yaml:2/);
  });

  it('take the entries of an --assumptions file in place of the defaults, sourced to the file', async () => {
    const file = await withAssumptions('version: 1\nassumptions:\n  production-budget-multiplier: { min: 2, max: 4 }\n  operating-days-per-year:\n    value: 250\n    source: Our trading calendar\n');
    const { assumptions } = await loadBusinessData(file);
    expect(assumptions['production-budget-multiplier']).toMatchObject({ min: 2, max: 4, source: `set in ${file}` });
    expect(assumptions['production-budget-multiplier'].text).toMatch(/\{min\} to \{max\} times/);
    expect(assumptions['operating-days-per-year']).toMatchObject({ value: 250, source: 'Our trading calendar' });
    expect(assumptions['governance-share']).toMatchObject({ min: 0.2, max: 0.3 });
  });

  it.each([
    ['a misspelt factor', 'version: 1\nassumptions:\n  governance-shares: { min: 0.1, max: 0.2 }\n', /assumptions\.yaml:3:3: assumptions: unknown property "governance-shares" \(did you mean "governance-share"\?\)/],
    ['a share above 1', 'version: 1\nassumptions:\n  governance-share: { min: 0.2, max: 30 }\n', /assumptions\.yaml:3:\d+: assumptions\.governance-share\.max: must be <= 1/],
    ['a range upside down', 'version: 1\nassumptions:\n  poc-to-production-months: { min: 18, max: 6 }\n', /assumptions\.yaml:3:\d+: poc-to-production-months: min \(18\) is above max \(6\)/],
    ['a level that does not exist', 'version: 1\nassumptions:\n  target-level: { value: 5 }\n', /assumptions\.target-level\.value: must be <= 4/],
    ['no version', 'assumptions: {}\n', /missing required property "version"/],
    ['malformed YAML', 'version: 1\nassumptions: [\n', /assumptions\.yaml:3:1: invalid YAML/],
  ])('report %s with file and line', async (_name, text, message) => {
    const error = await inputError(loadBusinessData(await withAssumptions(text)));
    expect(error.describe()).toMatch(message);
  });

  it('name a missing file', async () => {
    const error = await inputError(loadBusinessData('/nonexistent/assumptions.yaml'));
    expect(error.describe()).toBe('/nonexistent/assumptions.yaml: cannot read assumptions file: no such file');
  });
});
