#!/usr/bin/env node
// `npm run docs`: regenerates docs/rules.md from the rule packs (test/docs.test.ts fails when it is stale).
import { writeFile } from 'node:fs/promises';
import { renderRuleReference } from '../dist/render/rule-reference.js';
import { loadRuleSet } from '../dist/rules/load.js';
import { loadMlTestScoreModel } from '../dist/score/ml-test-score-model.js';

const target = new URL('../docs/rules.md', import.meta.url);
await writeFile(target, renderRuleReference(await loadRuleSet(), await loadMlTestScoreModel()));
process.stdout.write(`wrote docs/rules.md\n`);
