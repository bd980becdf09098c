#!/usr/bin/env node
// `npm run docs`: regenerates the files generated from the code and the packs (test/docs.test.ts and
// test/rules/checks.test.ts fail when one is stale): docs/rules.md from the rule packs, and
// docs/checks.md, schemas/rule-pack.schema.json and the README's list of check kinds from the check
// kinds' registry.
import { readFile, writeFile } from 'node:fs/promises';
import { renderCheckReference, withCheckList } from '../dist/render/check-reference.js';
import { renderRuleReference } from '../dist/render/rule-reference.js';
import { loadRuleSet } from '../dist/rules/load.js';
import { rulePackSchema } from '../dist/rules/pack-schema.js';
import { loadMlTestScoreModel } from '../dist/score/ml-test-score-model.js';

const outputs = {
  'docs/rules.md': renderRuleReference(await loadRuleSet(), await loadMlTestScoreModel()),
  'docs/checks.md': renderCheckReference(),
  'schemas/rule-pack.schema.json': `${JSON.stringify(rulePackSchema(), null, 2)}\n`,
  'README.md': withCheckList(await readFile(new URL('../README.md', import.meta.url), 'utf8')),
};
for (const [file, text] of Object.entries(outputs)) {
  await writeFile(new URL(`../${file}`, import.meta.url), text);
  process.stdout.write(`wrote ${file}\n`);
}
