import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { CASE_TIMEOUT_MS, expectCleanLines, expectCompleted, expectRefused, run, runAll, smallRepository } from './contract.js';

/*
 * Values that parse but mean nothing: weights that overflow the score, dates that do not exist,
 * globs that do not compile, names that are properties of every JavaScript object, a directory
 * whose name holds a newline. Each is refused at its line, or handled, never "internal error".
 */
describe('hostile values', { timeout: CASE_TIMEOUT_MS }, () => {
  it('refuses weights, dates and globs that cannot be used, at their line in the configuration', async () => {
    const repo = await smallRepository();
    const configs: Array<[string, string, RegExp]> = [
      ['weights.yaml', 'version: 1\ncategories:\n  data: { weight: 1e308 }\n  mlops: { weight: 1e308 }\n', /:3:\d+: categories\.data\.weight: must be <= 1000/],
      ['rule-weight.yaml', 'version: 1\nrules:\n  mlops.ci-pipeline: { weight: .inf }\n', /:3:\d+: rules\.mlops\.ci-pipeline\.weight: must be number/],
      ['date.yaml', 'version: 1\nwaivers:\n  - rule: mlops.ci-pipeline\n    reason: later\n    expires: 2099-02-31\n', /:5:\d+: waivers\[0\]\.expires: 2099-02-31 is not a date/],
      ['glob.yaml', 'version: 1\nwaivers:\n  - rule: mlops.ci-pipeline\n    reason: later\n    expires: 2099-02-28\n    paths: ["src/**", "[z-a]"]\n', /:6:\d+: waivers\[0\]\.paths\[1\]: not a valid glob/],
    ];
    const files = await Promise.all(configs.map(([name, text]) => writeFile(join(repo, name), text).then(() => join(repo, name))));
    const results = await runAll(files.map((file) => [repo, '--config', file]));
    results.forEach((result, i) => expectRefused(result, files[i]!, configs[i]![2]));
  });

  it('knows no schema, and no question, named after a property of every object', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const result = await run(['schema', name]);
      expect(result.hung).toBe(false);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`scale-audit: unknown schema "${name}"; schemas: answers, assumptions, baseline, config, pack-tests, profile, report, rule-pack\n`);
    }
    const repo = await smallRepository({
      'answers.yaml': 'version: 1\nanswers:\n  __proto__: { polluted: true }\n',
      'answers.json': '{"version": 1, "answers": {"__proto__": {"polluted": true}}}',
    });
    const [yaml, json] = await runAll([[repo, '--answers', join(repo, 'answers.yaml')], [repo, '--answers', join(repo, 'answers.json')]]);
    expectRefused(yaml!, `${join(repo, 'answers.yaml')}:3:3`, /unknown question "__proto__"/);
    expectRefused(json!, join(repo, 'answers.json'), /unknown question "__proto__"/);
  });

  it('writes an answers template that loads for a directory whose name holds a newline', async () => {
    const repo = join(await tempDir(), 'client\n::error::repo');
    await mkdir(repo);
    await writeFile(join(repo, 'train.py'), 'import mlflow\n');
    const init = await run(['init', repo, '--template']);
    expectCompleted(init);
    expectCleanLines(init.stderr);
    const template = await readFile(join(repo, 'scale-audit.answers.yaml'), 'utf8');
    await writeFile(join(repo, 'scale-audit.answers.yaml'), template.replace('team.owners:', 'team.owners: both'));
    const audit = await run([repo, '--format', 'json']);
    expectCompleted(audit);
    expectCleanLines(audit.stderr);
    expect(JSON.parse(audit.stdout).answers.answered).toBe(1);
  });
});
