import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/answers/load.js';
import type { Question } from '../../src/rules/types.js';
import { InputError } from '../../src/util/errors.js';
import { inputError } from '../helpers/input-error.js';
import { tempDir } from '../helpers/temp.js';

const questions: Question[] = [
  { id: 'team.owner', category: 'team', text: 'Who owns it?', type: 'text', help: 'A name.', source: 't' },
  { id: 'team.oncall', category: 'team', text: 'On call?', type: 'boolean', help: 'Yes or no.', source: 't' },
  { id: 'roi.budget', category: 'roi', text: 'Budget?', type: 'number', help: 'EUR.', min: 0, source: 't' },
  { id: 'infrastructure.serving-mode', category: 'infrastructure', text: 'Mode?', type: 'choice', help: 'Pick.', choices: [{ value: 'online', label: 'Online' }, { value: 'batch', label: 'Batch' }], source: 't' },
  { id: 'team.roles', category: 'team', text: 'Roles?', type: 'multi', help: 'Pick.', choices: [{ value: 'ml-engineer', label: 'ML' }, { value: 'sre', label: 'SRE' }], source: 't' },
];

async function load(name: string, text: string) {
  const dir = await tempDir({ [name]: text });
  return loadAnswers(join(dir, name), questions);
}

function failure(name: string, text: string): Promise<InputError> {
  return inputError(load(name, text));
}

describe('loadAnswers', () => {
  it('reads YAML answers with the line of each', async () => {
    const answers = await load(
      'answers.yaml',
      '# Answers for the churn model\nversion: 1\nanswers:\n  team.owner: Ana Silva (Head of Retention)\n  team.oncall: true\n  roi.budget: 250000\n  infrastructure.serving-mode: online\n  team.roles: [ml-engineer, sre]\n',
    );
    expect(answers.values).toEqual({
      'team.owner': { value: 'Ana Silva (Head of Retention)', line: 4 },
      'team.oncall': { value: true, line: 5 },
      'roi.budget': { value: 250000, line: 6 },
      'infrastructure.serving-mode': { value: 'online', line: 7 },
      'team.roles': { value: ['ml-engineer', 'sre'], line: 8 },
    });
  });

  it('reads JSON the same way', async () => {
    const answers = await load('answers.json', '{\n  "version": 1,\n  "answers": {\n    "team.oncall": false\n  }\n}\n');
    expect(answers.values['team.oncall']).toEqual({ value: false, line: 4 });
  });

  it('treats blank answers, as a filled-in template leaves them, as unanswered', async () => {
    const answers = await load('answers.yaml', 'version: 1\nanswers:\n  team.owner:\n  team.oncall: true\n');
    expect(Object.keys(answers.values)).toEqual(['team.oncall']);
  });

  it.each([
    ['an unknown question', 'version: 1\nanswers:\n  team.ownr: Ana\n', /answers\.yaml:3:3: unknown question "team\.ownr" \(did you mean "team\.owner"\?\)/],
    ['a string for a boolean', 'version: 1\nanswers:\n  team.oncall: "yes"\n', /answers\.yaml:3:16: team\.oncall: expected true or false, got "yes"/],
    ['a choice that does not exist', 'version: 1\nanswers:\n  infrastructure.serving-mode: realtime\n', /answers\.yaml:3:32: infrastructure\.serving-mode: expected one of: online, batch, got "realtime"/],
    ['a number below its minimum', 'version: 1\nanswers:\n  roi.budget: -5\n', /answers\.yaml:3:15: roi\.budget: must be at least 0, got -5/],
    ['a bad item in a list', 'version: 1\nanswers:\n  team.roles: [ml-engineer, dba]\n', /answers\.yaml:3:29: team\.roles: each item must be one of: ml-engineer, sre/],
    ['a missing version', 'answers:\n  team.oncall: true\n', /answers\.yaml:1:1: missing "version" \(add "version: 1" at the top\)/],
    ['a wrong version', 'version: 2\nanswers: {}\n', /answers\.yaml:1:10: version: must be 1/],
    ['an unknown top-level key', 'version: 1\nanswer:\n  team.oncall: true\n', /answers\.yaml:2:1: unknown key "answer" \(did you mean "answers"\?\)/],
    ['malformed YAML', 'version: 1\nanswers:\n  team.oncall: [true\n', /answers\.yaml:4:1: invalid YAML/],
    ['a list instead of a mapping', '- team.oncall\n', /answers\.yaml:1:1: expected a mapping with "version" and "answers"/],
    ['a duplicated question', 'version: 1\nanswers:\n  team.oncall: true\n  team.oncall: false\n', /answers\.yaml:4:3: invalid YAML: duplicate key "team\.oncall" \(keys must be unique\)/],
  ])('reports %s with file, line and column', async (_name, text, message) => {
    const error = await failure('answers.yaml', text);
    expect(error.describe()).toMatch(message);
  });

  it('reports a file that does not exist', async () => {
    await expect(loadAnswers('/nonexistent/answers.yaml', questions)).rejects.toThrow('cannot read answers file: no such file');
  });
});
