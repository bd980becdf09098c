import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { CASE_TIMEOUT_MS, expectCompleted, run, runAll } from './contract.js';

/*
 * A credential in a file or directory name travels with every finding, evidence line and warning
 * that names the file; an unquoted YAML value travels in signal snippets. Neither may reach any
 * output. The tokens are made up, and assembled from parts so that secret scanners stay quiet.
 */
const githubToken = ['ghp_', 'k7Qm2Xw9Lp4Rt8Vb1Nc6Hy3Jd5Fg0Sa2Ze7U'].join('');
const slackToken = ['xoxb-', '2048-7781-Kq8Zr3Lm9Tx2Vw5Yp1Bn4C'].join('');
const awsKey = ['AKIA', 'Z3MSJV7WXQ2LPDRT'].join('');
const password = 'Tr0ub4dor-3-horse';
const secrets = [githubToken, slackToken, awsKey, password];

const repo = await tempDir({
  [`${slackToken}/src/train_${awsKey}.py`]: 'import mlflow\nmlflow.log_metric("auc", 0.9)\n',
  [`${githubToken}.py`]: 'import mlflow\n',
  [`requirements-${awsKey}.txt`]: 'numpy\n\u0000',
  '.github/workflows/ci.yml': `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    env:\n      MLFLOW_TRACKING_URI: https://admin:${password}@mlflow.internal\n      MLFLOW_TRACKING_PASSWORD: ${password}\n    steps:\n      - run: pytest\n`,
});

describe('secrets in names and snippets', { timeout: CASE_TIMEOUT_MS }, () => {
  it('never prints a credential from a file name or an unquoted YAML value, in any format', async () => {
    const out = join(await tempDir(), 'out');
    const [audit, scanJson, scanText] = await runAll([
      [repo, '--format', 'text,md,md-summary,html,json,sarif', '--out-dir', out],
      ['scan', '--json', repo],
      ['scan', repo],
    ]);
    const outputs: Record<string, string> = { 'audit stdout': audit!.stdout, 'audit stderr': audit!.stderr, 'scan --json': scanJson!.stdout, scan: scanText!.stdout };
    for (const name of await readdir(out)) outputs[name] = await readFile(join(out, name), 'utf8');
    for (const result of [audit!, scanJson!, scanText!]) expectCompleted(result);
    for (const [name, text] of Object.entries(outputs)) {
      for (const secret of secrets) expect(text, `${name} shows ${secret.slice(0, 4)}…`).not.toContain(secret);
    }
    // The files are still there, under names that say which token they held.
    expect(outputs['report.json']).toMatch(/xoxb\*{8}-[0-9a-f]{6}\/src\/train_AKIA\*{8}-[0-9a-f]{6}\.py/);
    const rendered = await run(['render', join(out, 'report.json')]);
    expectCompleted(rendered);
    for (const secret of secrets) expect(rendered.stdout).not.toContain(secret);
  });
});
