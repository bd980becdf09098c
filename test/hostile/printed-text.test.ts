import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { CASE_TIMEOUT_MS, expectCleanLines, expectCompleted, expectRefused, RAW_CONTROL, run, runAll } from './contract.js';

/*
 * File names, file contents, answers, rule texts and flag values flow into every output. None may
 * start a line of its own in a CI log (GitHub Actions runs `::error …` lines as commands), carry an
 * Azure Pipelines command anywhere in a line (`##vso[…]`), or put a raw control character in front
 * of a reader (ESC retitles and clears a terminal, BEL rings, U+202E reverses what follows).
 */
const COMMAND = '\n::error file=app.py,line=1::injected\r##[error]again\n ##vso[task.setvariable variable=gate]passed';
const ESCAPES = '\u001b]0;owned\u0007\u001b[2J\u009b31m\u202egnp.exe\u0085';

const repo = join(await tempDir(), `client${COMMAND}repo`);
await mkdir(join(repo, 'src'), { recursive: true });
await writeFile(join(repo, 'src', `model${COMMAND}.py`), 'import mlflow\nmlflow.log_metric("auc", 0.9)\n');
await writeFile(join(repo, 'src', `train${ESCAPES}.py`), 'import torch\n');
await writeFile(join(repo, 'requirements.txt'), `torch${ESCAPES}>=2\npandas${COMMAND}\n`);
const answers = join(repo, 'answers.yaml');
await writeFile(answers, `version: 1\nanswers:\n  roi.kpi-target: ${JSON.stringify(`review rate 35% to 20%${COMMAND}${ESCAPES}`)}\n`);
const pack = join(repo, 'pack.yaml');
await writeFile(
  pack,
  `pack: hostile\ncategory: { id: hostile, title: ${JSON.stringify(`::warning::title${ESCAPES}`)}, description: d }\nrules:\n  - id: hostile.rule\n    title: ${JSON.stringify(`Rule${COMMAND}`)}\n    severity: low\n    level: 1\n    why: ${JSON.stringify(`why${COMMAND}${ESCAPES}`)}\n    detection: d\n    remediation: { summary: ${JSON.stringify(`::error::fix${ESCAPES}`)}, effort: S, steps: [one] }\n    check: { pass: { fact: { path: files.count, gte: 100000 } } }\n`,
);

describe('printed text', { timeout: CASE_TIMEOUT_MS }, () => {
  it('puts no raw control character and no workflow command in any format', async () => {
    const out = join(await tempDir(), 'out');
    const title = `Review${COMMAND}${ESCAPES}`;
    const result = await run([repo, '--answers', answers, '--rules', pack, '--title', title, '--format', 'text,md,md-summary,html,json,sarif', '--out-dir', out]);
    expectCompleted(result);
    expectCleanLines(result.stderr);
    for (const name of await readdir(out)) {
      const content = await readFile(join(out, name), 'utf8');
      expect(content, name).not.toMatch(RAW_CONTROL);
      // Documents printed to stdout land in CI logs too.
      expectCleanLines(content);
    }
    // The JSON still holds the text as it was: escapes are how JSON writes it, not a change to it.
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.cover.title).toBe(title);
    // SARIF messages are text that code-scanning pages show: even parsed, they hold no control character.
    const sarif = await readFile(join(out, 'report.sarif'), 'utf8');
    const rawStrings = (json: string) => JSON.stringify(JSON.parse(json), (_key, value: unknown) => (typeof value === 'string' && RAW_CONTROL.test(value) ? 'RAW' : value));
    expect(sarif).toContain('injected');
    expect(rawStrings(sarif)).not.toContain('"RAW"');
    const text = await run(['render', join(out, 'report.json')]);
    expectCompleted(text);
    expectCleanLines(text.stdout);
    expect(text.stdout).toContain('\\u001b]0;owned\\u0007');
    // A pack's texts over several lines keep their lines in `explain`, none of them a command.
    const explained = await run(['explain', 'hostile.rule', '--rules', pack]);
    expectCompleted(explained);
    expectCleanLines(explained.stdout);
    expect(explained.stdout).toContain('injected');
  });

  it('keeps every message on stderr to one line of its own', async () => {
    const missing = join(repo, `answers${COMMAND}.yaml`);
    const [a, b, c] = await runAll([
      [repo, '--answers', missing],
      [repo, '--format', `md${COMMAND}`],
      ['scan', repo],
    ]);
    expectRefused(a, 'cannot read answers file: no such file');
    expectCleanLines(a.stderr);
    expectRefused(b, '--format: unknown format');
    expectCleanLines(b.stderr);
    expectCompleted(c);
    expectCleanLines(c.stdout);
  });
});
