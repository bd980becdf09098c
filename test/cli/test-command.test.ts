import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, expectUsageError } from '../helpers/cli.js';
import { copyTree, tempDir } from '../helpers/temp.js';

/* `scale-audit test`: the cases beside a pack, run like a test runner. */
const EXAMPLE = fileURLToPath(new URL('../../examples/plugin/', import.meta.url));

const pack = `pack: acme
rules:
  - id: mlops.acme-makefile
    title: Builds go through make
    category: mlops
    severity: low
    level: 1
    why: W.
    detection: D.
    remediation: { summary: S., steps: [S.], effort: S }
    appliesWhen: { answer: { id: mlops.acme-builds, equals: true } }
    check:
      pass: { file: Makefile }
questions:
  - id: mlops.acme-builds
    text: Does the project build artefacts?
    category: mlops
    type: boolean
    help: H.
`;

const cases = `tests:
  mlops.acme-makefile:
    - name: a Makefile
      files: { Makefile: "all:\\n" }
      answers: { mlops.acme-builds: true }
      status: pass
      evidence: Makefile
    - name: no Makefile
      answers: { mlops.acme-builds: true }
      status: fail
    - name: nothing to build
      answers: { mlops.acme-builds: false }
      status: not_applicable
    - name: not answered
      status: unknown
`;

async function packDir(tests: string | null = cases): Promise<string> {
  return tempDir({ 'acme.yaml': pack, ...(tests === null ? {} : { 'acme.tests.yaml': tests }) });
}

describe('scale-audit test', () => {
  it('passes the example plugin: its collector, check kind, pack and cases (CI runs this)', async () => {
    const result = await cli(['test', 'examples/plugin']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^examples\/plugin\/mlproject\.yaml \(examples\/plugin\/mlproject\.tests\.yaml\)\n {2}✓ mlops\.mlproject-environment › a python_env and an entry point with a command → pass\n/);
    expect(result.stdout).toMatch(/\n\n7 cases: 7 passed, 0 failed; 1 rule: 1 with every outcome covered, 0 not\n$/);
  });

  it('runs the cases beside a pack, named by the pack, its tests file or its directory', async () => {
    const dir = await packDir();
    for (const target of [join(dir, 'acme.yaml'), join(dir, 'acme.tests.yaml'), dir]) {
      const result = await cli(['test', target]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout.split('\n').filter((line) => line.startsWith('  ✓'))).toEqual([
        '  ✓ mlops.acme-makefile › a Makefile → pass',
        '  ✓ mlops.acme-makefile › no Makefile → fail',
        '  ✓ mlops.acme-makefile › nothing to build → not_applicable',
        '  ✓ mlops.acme-makefile › not answered → unknown',
      ]);
    }
  });

  it('fails (exit 1) on a case whose finding differs, saying how, where the case is, and the evidence', async () => {
    const dir = await packDir(cases.replace('      status: fail\n', '      status: pass\n'));
    const result = await cli(['test', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `  ✗ mlops.acme-makefile › no Makefile → pass\n      status: expected pass, got fail\n      at ${join(dir, 'acme.tests.yaml')}:8\n      | no file matching Makefile (there are no files)\n`,
    );
    // The case now expects pass, so no case expects fail: coverage counts what the cases expect.
    expect(result.stdout).toMatch(/4 cases: 3 passed, 1 failed; 1 rule: 0 with every outcome covered, 1 not\n$/);
  });

  it('fails (exit 1) on a rule with an outcome no case shows, or with no tests file at all', async () => {
    const partly = await cli(['test', await packDir(cases.replace(/ {4}- name: not answered\n {6}status: unknown\n/, ''))]);
    expect(partly.code).toBe(1);
    expect(partly.stdout).toContain('  ✗ mlops.acme-makefile: no case shows unknown (it reads mlops.acme-builds)\n');
    const none = await cli(['test', await packDir(null)]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('acme.yaml (no tests file)\n  ✗ mlops.acme-makefile: no case shows pass; fail; not_applicable (it has appliesWhen); unknown (it reads mlops.acme-builds)\n');
  });

  it.each([
    ['a rule the pack does not have', cases.replace('  mlops.acme-makefile:', '  mlops.acme-makefil:'), /acme\.tests\.yaml:2:3: rule mlops\.acme-makefil is not in the pack this file tests \(did you mean "mlops\.acme-makefile"\?\)/],
    ['an answer of the wrong type', cases.replace('answers: { mlops.acme-builds: true }', 'answers: { mlops.acme-builds: "yes" }'), /acme\.tests\.yaml:5:\d+: "yes" is not an answer to mlops\.acme-builds, whose answer is a boolean/],
    ['an unknown status', cases.replace('status: unknown', 'status: unkown'), /acme\.tests\.yaml:15:15: tests\.mlops\.acme-makefile\[3\]\.status: must be one of: "pass"/],
    ['a tree that is not there', cases.replace('files: { Makefile: "all:\\n" }', 'tree: trees/none'), /acme\.tests\.yaml:4:13: no such directory: .*trees\/none/],
    ['broken YAML', 'tests:\n  - [\n', /acme\.tests\.yaml:\d+:\d+: invalid YAML/],
  ])('refuses %s in a tests file: exit 2 and one line with file and line', async (_name, tests, message) => {
    expectUsageError(await cli(['test', await packDir(tests)]), message);
  });

  it('tests a plugin directory copied anywhere, and a pack that needs a plugin, with --plugin', async () => {
    const copy = join(await tempDir(), 'plugin');
    copyTree(EXAMPLE, copy);
    const result = await cli(['test', copy]);
    expect(result.code, result.stdout + result.stderr).toBe(0);

    const packs = await tempDir();
    await writeFile(join(packs, 'more.yaml'), (await readFile(join(copy, 'mlproject.yaml'), 'utf8')).replace('pack: mlproject', 'pack: more').replace('mlops.mlproject-environment', 'mlops.more-environment'));
    await writeFile(join(packs, 'more.tests.yaml'), (await readFile(join(copy, 'mlproject.tests.yaml'), 'utf8')).replace('mlops.mlproject-environment', 'mlops.more-environment').replace('tree: trees/conda-project', `tree: ${join(copy, 'trees', 'conda-project')}`));
    const withPlugin = await cli(['test', packs, '--plugin', copy]);
    expect(withPlugin.code, withPlugin.stdout + withPlugin.stderr).toBe(0);
    expect(withPlugin.stdout).toContain('more.yaml');
    expect(withPlugin.stdout).not.toContain('mlproject.yaml');
  });

  it('leaves the tests files out of a directory of packs given to --rules', async () => {
    const result = await cli(['rules', '--rules', await packDir()]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('mlops.acme-makefile');
  });
});
