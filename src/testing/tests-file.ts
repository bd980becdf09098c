import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Rule } from '../rules/types.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { DOCUMENT_BYTES, readBoundedText } from '../util/read-bounded.js';
import { compileSchema, validateSource } from '../util/schema-errors.js';
import { didYouMean } from '../util/suggest.js';
import { inputErrorAt, parseYamlSource, positionOf } from '../util/yaml-source.js';
import type { RuleCase } from './case.js';
import type { RuleTester } from './rule-tester.js';

/** One case as the file declares it, with the line a failure points at. */
export interface LocatedCase {
  ruleId: string;
  testCase: RuleCase;
  file: string;
  line: number;
}

let validator: ReturnType<typeof compileSchema> | undefined;

/**
 * The cases of a tests file, checked against the published format and against the rules: each
 * rule id must be one of the pack's (`rules`), each answer one its question can have, each fact
 * one the scan fills. A mistake is an input error at its line. Trees are relative to the file.
 */
export async function loadTestsFile(file: string, rules: readonly Rule[], tester: RuleTester): Promise<LocatedCase[]> {
  const source = parseYamlSource(file, await readBoundedText(file, { what: 'tests file', maxBytes: DOCUMENT_BYTES }));
  validator ??= compileSchema(JSON.parse(await readFile(join(PACKAGE_ROOT, 'schemas', 'pack-tests.schema.json'), 'utf8')) as object);
  validateSource(source, validator);
  const ids = rules.map((rule) => rule.id);
  const located: LocatedCase[] = [];
  for (const [ruleId, cases] of Object.entries((source.value as { tests: Record<string, RuleCase[]> }).tests)) {
    if (!ids.includes(ruleId)) throw inputErrorAt(source, ['tests', ruleId], `rule ${ruleId} is not in the pack this file tests${didYouMean(ruleId, ids)}`, true);
    for (const [i, written] of cases.entries()) {
      const at = ['tests', ruleId, i];
      const testCase = written.tree === undefined ? written : { ...written, tree: resolve(dirname(file), written.tree) };
      const [problem] = tester.problems(testCase);
      if (problem) throw inputErrorAt(source, [...at, ...problem.at], problem.message, problem.at.length === 2);
      if (testCase.tree !== undefined && !(await stat(testCase.tree).then((stats) => stats.isDirectory(), () => false))) {
        throw inputErrorAt(source, [...at, 'tree'], `no such directory: ${testCase.tree}`);
      }
      located.push({ ruleId, testCase, file, line: positionOf(source, at).line });
    }
  }
  return located;
}
