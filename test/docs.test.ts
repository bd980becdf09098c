import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { explainText } from '../src/cli/commands/explain.js';
import { renderRuleReference } from '../src/render/rule-reference.js';
import { describeRule } from '../src/rules/describe.js';
import { loadMlTestScoreModel } from '../src/score/ml-test-score-model.js';
import { builtinRules } from './helpers/rule-tester.js';

const reference = await readFile(new URL('../docs/rules.md', import.meta.url), 'utf8');

describe('docs/rules.md', () => {
  it('is what `npm run docs` generates from the current packs (run it after changing a rule)', async () => {
    expect(reference).toBe(renderRuleReference(builtinRules, await loadMlTestScoreModel()));
  });

  it.each(builtinRules.rules.map((rule) => [rule.id, rule] as const))('says about %s what `explain` says', (_id, rule) => {
    const explained = explainText(describeRule(rule, builtinRules));
    for (const text of [rule.title, rule.why, rule.detection, rule.remediation.summary, ...rule.remediation.steps]) {
      expect(explained).toContain(text);
      expect(reference).toContain(text);
    }
  });
});
