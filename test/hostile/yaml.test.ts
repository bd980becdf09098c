import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { aliasBomb, CASE_TIMEOUT_MS, expectRefused, runAll, smallRepository } from './contract.js';

/*
 * YAML written to exhaust the parser: aliases that expand to a billion items, nesting deeper than
 * any stack, and mappings so large that a quadratic duplicate-key check runs for minutes. Each is
 * one line naming the file (and the line), found in time linear in the file's size.
 */
describe('hostile YAML', { timeout: CASE_TIMEOUT_MS }, () => {
  it('refuses an alias bomb in answers, configuration, assumptions and rule packs, at the alias', async () => {
    const repo = await smallRepository();
    const file = (name: string, text: string) => writeFile(join(repo, name), text).then(() => join(repo, name));
    const [answers, config, assumptions, pack, packed] = await Promise.all([
      file('answers.yaml', aliasBomb('version: 1\n')),
      file('config.yaml', aliasBomb('version: 1\n')),
      file('assumptions.yaml', aliasBomb()),
      file('pack.yaml', aliasBomb('pack: bomb\n')),
      file('packed.yaml', 'version: 1\npacks: [pack.yaml]\n'),
    ]);
    const results = await runAll([
      [repo, '--answers', answers],
      [repo, '--config', config],
      [repo, '--assumptions', assumptions],
      [repo, '--rules', pack],
      [repo, '--config', packed],
      ['render', answers],
    ]);
    const bomb = /:3:\d+: invalid YAML: aliases expand too much/;
    expectRefused(results[0]!, answers, bomb);
    expectRefused(results[1]!, config, bomb);
    expectRefused(results[2]!, assumptions, /:2:\d+: invalid YAML: aliases expand too much/);
    expectRefused(results[3]!, pack, bomb);
    expectRefused(results[4]!, pack, bomb);
    // A saved report is JSON, which has no aliases at all.
    expectRefused(results[5]!, answers, /not a scale-audit JSON report: invalid JSON/);
  });

  it('refuses nesting deeper than any file needs, before it can overflow a stack', async () => {
    const repo = await smallRepository();
    const flow = join(repo, 'flow.yaml');
    await writeFile(flow, `version: 1\nanswers: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    const block = join(repo, 'block.yaml');
    await writeFile(block, `version: 1\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:\n`).join('')}`);
    const [a, b] = await runAll([[repo, '--answers', flow], [repo, '--config', block]]);
    expectRefused(a, flow, /:2:\d+: invalid YAML: nested more than 100 levels deep/);
    expectRefused(b, block, /:\d+:\d+: invalid YAML: nested more than 100 levels deep/);
  });

  it('finds a duplicate among 40,000 keys, and refuses a mapping that large, in linear time', async () => {
    const repo = await smallRepository();
    const keys = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('');
    const answers = join(repo, 'answers.yaml');
    await writeFile(answers, `version: 1\nanswers:\n${keys(40_000, (i) => `  question.${i}: true\n`)}`);
    const config = join(repo, 'config.yaml');
    await writeFile(config, `version: 1\nrules:\n${keys(12_000, (i) => `  rule.${i}: { enabled: true }\n`)}`);
    const duplicate = join(repo, 'duplicate.yaml');
    await writeFile(duplicate, `version: 1\nrules:\n${keys(9_000, (i) => `  rule.${i}: { weight: 1 }\n`)}  rule.5: { weight: 2 }\n`);
    const [a, b, c] = await runAll([[repo, '--answers', answers], [repo, '--config', config], [repo, '--config', duplicate]]);
    expectRefused(a, answers, /:3:3: invalid YAML: a mapping with more than 10000 keys/);
    expectRefused(b, config, /:3:3: invalid YAML: a mapping with more than 10000 keys/);
    expectRefused(c, duplicate, /:9003:3: invalid YAML: duplicate key "rule\.5"/);
  });
});
