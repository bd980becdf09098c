import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { loadPlugins } from '../../src/plugins/load.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { scan } from '../../src/scan/scan.js';
import { cli, expectUsageError } from '../helpers/cli.js';
import { inputError } from '../helpers/input-error.js';
import { oneRulePack } from '../helpers/one-rule-pack.js';
import { tempDir } from '../helpers/temp.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/plugin/', import.meta.url));
const NOW = new Date('2026-11-23T00:00:00Z');
const exists = (path: string) => access(path).then(() => true, () => false);

/** A pack whose one rule uses the example plugin's facts (to apply) and check kind (`check`, or else `mlproject`). */
const packUsingThePlugin = (check = '{ mlproject: { declares: [environment] } }') => oneRulePack(check, '{ fact: { path: mlprojects.projects, exists: true } }');

/**
 * A plugin module in a temporary directory. `body` is the default export's source; the module first
 * writes a marker file, so a test can tell whether anything of it ran.
 */
async function pluginModule(body: string, name = 'plugin.mjs'): Promise<{ dir: string; file: string; marker: string }> {
  const dir = await tempDir();
  const marker = join(dir, 'plugin-ran');
  const file = join(dir, name);
  await writeFile(file, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default ${body};\n`);
  return { dir, file, marker };
}

const collector = (key: string, body = '') => `{ key: '${key}', create: () => ({ wants: () => true, visit() { ${body} }, finish: () => ({ seen: true }) }) }`;
const check = (name: string, evaluate = "() => ({ value: true, evidence: [{ kind: 'fact', detail: 'ok' }] })") =>
  `{ name: '${name}', argument: ({ z }) => z.boolean(), doc: { summary: 'A check.', examples: ['${name}: true'] }, evaluate: ${evaluate} }`;

describe('a plugin', () => {
  it('adds its collector, check kind and pack to one run, and to no other run in the same process', async () => {
    const repository = await tempDir({ MLproject: 'name: churn\npython_env: python_env.yaml\nentry_points:\n  main:\n    command: python train.py\n' });
    const packs = await tempDir({ 'uses-plugin.yaml': packUsingThePlugin() });
    const plugins = await loadPlugins([{ spec: EXAMPLE, from: process.cwd() }]);

    const withPlugin = await loadRuleSet([join(packs, 'uses-plugin.yaml')], { plugins });
    const facts = await scan(repository, { signals: withPlugin.signals, collectors: withPlugin.collectors, now: NOW, git: false });
    expect((facts as unknown as { mlprojects: unknown }).mlprojects).toEqual({
      projects: [{ path: 'MLproject', environment: { kind: 'python_env', line: 2, detail: 'python_env: python_env.yaml' }, entryPoints: [{ name: 'main', line: 4, command: true }] }],
      elsewhere: [],
    });
    const { report } = await runAudit({ path: repository, now: NOW, config: null, rules: [join(packs, 'uses-plugin.yaml')], plugins: [{ spec: EXAMPLE, from: process.cwd() }] });
    expect(report.findings.find((finding) => finding.ruleId === 'mlops.mlproject-environment')).toMatchObject({ status: 'pass', evidence: expect.arrayContaining([expect.objectContaining({ path: 'MLproject', line: 2 })]) });
    expect(report.findings.find((finding) => finding.ruleId === 'extra.sample')?.status).toBe('pass');

    // The same pack, in a run without the plugin: its check kind and its facts are unknown again.
    const factOnly = await tempDir({ 'p.yaml': packUsingThePlugin('{ file: MLproject }') });
    expect((await inputError(loadRuleSet([join(factOnly, 'p.yaml')]))).describe()).toMatch(/p\.yaml:11:34: unknown fact "mlprojects"; facts start with one of: files, dependencies, .*, git$/);
    expect((await inputError(loadRuleSet([join(packs, 'uses-plugin.yaml')]))).describe()).toMatch(/uses-plugin\.yaml:13:\d+: rules\[0\]\.check\.pass: unknown key "mlproject"/);
    const plain = await runAudit({ path: repository, now: NOW, config: null });
    expect(plain.report.findings.some((finding) => finding.ruleId.startsWith('mlops.mlproject'))).toBe(false);
    expect(Object.keys(plain.facts)).not.toContain('mlprojects');
  });

  it('is found by its package name in node_modules, from the working directory upward, through its exports', async () => {
    const project = await tempDir({
      'node_modules/scale-audit-plugin-demo/package.json': JSON.stringify({ name: 'scale-audit-plugin-demo', type: 'module', exports: { '.': { types: './index.d.ts', import: './lib/index.js' } } }),
      'node_modules/scale-audit-plugin-demo/lib/index.js': `export default { name: 'demo', collectors: [${collector('demo')}] };\n`,
    });
    await mkdir(join(project, 'sub', 'dir'), { recursive: true });
    const [plugin] = await loadPlugins([{ spec: 'scale-audit-plugin-demo', from: join(project, 'sub', 'dir') }]);
    expect(plugin).toMatchObject({ name: 'demo', collectors: [expect.objectContaining({ key: 'demo' })], checks: [], packs: [] });
  });
});

describe('a plugin that cannot be used names itself and is an input error', () => {
  it.each([
    ['not installed', async () => 'scale-audit-plugin-nowhere', /^plugin scale-audit-plugin-nowhere: not installed \(no node_modules\/scale-audit-plugin-nowhere in .* or above it\)/],
    ['a path to nothing', async () => './no/such/plugin.js', /^plugin \.\/no\/such\/plugin\.js: no such file or directory$/],
    ['throws when loaded', async () => (await pluginModule("(() => { throw new Error('cannot start\\nsecond line') })()")).file, /^plugin .*plugin\.mjs: failed to load .*plugin\.mjs: cannot start$/],
    ['has no default export', async () => {
      const dir = await tempDir({ 'plugin.mjs': 'export const plugin = {};\n' });
      return join(dir, 'plugin.mjs');
    }, /plugin\.mjs has no default export/],
    ['has no name', async () => (await pluginModule('{ checks: [] }')).file, /: name: /],
    ['misspells a key', async () => (await pluginModule("{ name: 'x', collector: [] }")).file, /: unknown key "collector" \(a plugin has name, collectors, checks and packs\)$/],
    ['declares a check without evaluate', async () => (await pluginModule(`{ name: 'x', checks: [{ name: 'acme', argument: () => null, doc: { summary: 'A check.', examples: [] } }] }`)).file, /: checks\[0\]\.evaluate: must be a function$/],
    ['takes a built-in collector key', async () => (await pluginModule(`{ name: 'x', collectors: [${collector('ci')}] }`)).file, /: collector key "ci" is taken: a collector fills a slice of Facts of its own \(by a built-in collector\)$/],
    ['takes a key the scan fills', async () => (await pluginModule(`{ name: 'x', collectors: [${collector('git')}] }`)).file, /: collector key "git" is taken.* \(by the scan\)$/],
    ['takes a built-in check kind', async () => (await pluginModule(`{ name: 'x', checks: [${check('file')}] }`)).file, /: check kind "file" is taken \(by a built-in check kind\)$/],
    ['names a pack by a relative path', async () => (await pluginModule("{ name: 'x', packs: ['rules/x.yaml'] }")).file, /: pack rules\/x\.yaml must be an absolute path or a file: URL/],
    ['names a pack that is not there', async () => (await pluginModule("{ name: 'x', packs: [new URL('./missing.yaml', import.meta.url)] }")).file, /: pack not found: .*missing\.yaml$/],
  ])('%s', async (_name, spec, message) => {
    const given = await spec();
    const error = await inputError(loadPlugins([{ spec: given, from: process.cwd() }]));
    expect(error.describe()).toMatch(message);
    expect(error.describe()).toContain(`plugin ${given}`);
  });

  it('takes a check kind or collector key another plugin of the run has', async () => {
    const first = await pluginModule(`{ name: 'first', checks: [${check('acme')}], collectors: [${collector('acme')}] }`);
    const second = await pluginModule(`{ name: 'second', checks: [${check('acme')}] }`);
    const third = await pluginModule(`{ name: 'third', collectors: [${collector('acme')}] }`);
    expect((await inputError(loadPlugins([first, second].map(({ file }) => ({ spec: file, from: '/' }))))).describe()).toBe(`plugin ${second.file}: check kind "acme" is taken (by plugin ${first.file})`);
    expect((await inputError(loadPlugins([first, third].map(({ file }) => ({ spec: file, from: '/' }))))).describe()).toMatch(/collector key "acme" is taken.*\(by plugin .*plugin\.mjs\)$/);
  });

  it('fails while the audit runs: a collector that throws, a check that returns no outcome', async () => {
    const repository = await tempDir({ 'train.py': 'x = 1\n' });
    const throwing = await pluginModule(`{ name: 'x', collectors: [${collector('acme', "throw new TypeError('boom')")}] }`);
    const run = (file: string, rules: string[] = []) => runAudit({ path: repository, now: NOW, config: null, rules, plugins: [{ spec: file, from: '/' }] });
    expect((await inputError(run(throwing.file))).describe()).toBe(`plugin ${throwing.file}: collector acme: visit failed: boom`);

    const dir = await tempDir({ 'p.yaml': oneRulePack('{ acme: true }') });
    const silly = await pluginModule(`{ name: 'x', checks: [${check('acme', '() => 42')}] }`);
    expect((await inputError(run(silly.file, [join(dir, 'p.yaml')]))).describe()).toBe(`plugin ${silly.file}: check acme: evaluate returned something other than { value: true | false | null, evidence: [...] }`);
  });
});

describe('plugins come only from the auditor', () => {
  const config = (plugin: string) => `version: 1\nplugins:\n  - ${JSON.stringify(plugin)}\n`;

  it('a configuration inside the audited repository that names a plugin is refused in one line, and nothing of the plugin runs', async () => {
    const { file, marker } = await pluginModule(`{ name: 'x', collectors: [${collector('acme')}] }`);
    const repository = await tempDir({ '.git/HEAD': 'ref: refs/heads/main\n', 'services/model/train.py': 'x = 1\n', '.scale-audit.yaml': config(file) });
    for (const args of [[join(repository, 'services/model')], [repository, '--config', join(repository, '.scale-audit.yaml')], ['config', repository]]) {
      const result = await cli(args);
      expectUsageError(result, /\.scale-audit\.yaml:2:1: a configuration inside the audited repository cannot load plugins \(they are code, and the repository is data\)/);
      expect(result.stdout).toBe('');
    }
    expect(await exists(marker), 'the plugin module ran').toBe(false);
  });

  it('a configuration outside the repository, found by searching upward, cannot load one either', async () => {
    const { file, marker } = await pluginModule(`{ name: 'x' }`);
    const home = await tempDir({ '.scale-audit.yaml': config(file), 'client/train.py': 'x = 1\n' });
    expectUsageError(await cli([join(home, 'client')]), /a configuration found by searching cannot load plugins: give it with --config/);
    expect(await exists(marker)).toBe(false);
  });

  it('the auditor’s own configuration, given with --config from outside the repository, loads them, as --plugin does', async () => {
    const { file, marker } = await pluginModule(`{ name: 'x', collectors: [${collector('acme')}] }`);
    const own = await tempDir({ 'ci.yaml': config(file) });
    const repository = await tempDir({ 'train.py': 'x = 1\n' });
    const viaConfig = await cli([repository, '--config', join(own, 'ci.yaml'), '--format', 'json']);
    expect(viaConfig.code, viaConfig.stderr).toBe(0);
    expect(await exists(marker)).toBe(true);

    const viaFlag = await cli(['scan', repository, '--json', '--plugin', file]);
    expect(viaFlag.code, viaFlag.stderr).toBe(0);
    expect(JSON.parse(viaFlag.stdout)).toMatchObject({ acme: { seen: true } });
  });

  it('--plugin with a plugin that does not load is one line and exit 2, for every command that loads rules', async () => {
    for (const command of [[], ['scan'], ['rules'], ['explain', 'mlops.ci-pipeline'], ['schema', 'rule-pack'], ['init', '--template'], ['test', EXAMPLE]]) {
      expectUsageError(await cli([...command, '--plugin', 'scale-audit-plugin-nowhere'], { cwd: await tempDir() }), /^scale-audit: plugin scale-audit-plugin-nowhere: not installed/);
    }
  });
});
