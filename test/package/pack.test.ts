import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { declarationsWritten } from '../../scripts/declarations.mjs';
import type { Report } from '../../src/report/types.js';
import { fixture } from '../helpers/cli.js';
import { copyTree, tempDir } from '../helpers/temp.js';

/*
 * The package as a user gets it: `npm pack`, then installed in an empty project and run with npx.
 * The pack uses the dist/ that `npm test` has just built (--ignore-scripts: prepack would rebuild
 * dist/ under the feet of the other test files running at the same time). The install is offline:
 * the empty project gets a lockfile with this checkout's locked runtime dependencies, which
 * `npm ci` has put in the npm cache, so no registry is asked and the versions are the tested ones.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; license: string; bin: Record<string, string>; engines: Record<string, string>; dependencies: Record<string, string>; scripts: Record<string, string> };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_update_notifier: 'false', ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}) };
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

/**
 * What `tsc -p` reports for a project and what it writes, with one difference: the declarations
 * checked are the project's own and the installed package's, not its dependencies' (zod's and
 * @types/node's took two thirds of the check). Those are still read and resolved, so a type of ours
 * that uses theirs wrongly fails; `skipLibCheck` would instead skip our declarations too, where an
 * import that does not resolve becomes `any` without a word.
 */
function typeCheck(project: string): string {
  const { config } = ts.readConfigFile(join(project, 'tsconfig.json'), ts.sys.readFile);
  const { fileNames, options } = ts.parseJsonConfigFileContent(config, ts.sys, project);
  const program = ts.createProgram(fileNames, options);
  const checked = program.getSourceFiles().filter((file) => !file.fileName.includes('/node_modules/') || file.fileName.includes(`/node_modules/${pkg.name}/`));
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...checked.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)])];
  // Emitting the whole program at once would check every file first.
  for (const file of checked) if (!file.isDeclarationFile) program.emit(file);
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => project, getNewLine: () => '\n' });
}

/** A lockfile for a project that depends on the tarball alone, with this checkout's runtime dependencies. */
async function lockfileFor(tarball: string): Promise<object> {
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const integrity = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`;
  const runtime = Object.entries(lock.packages).filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev);
  return {
    name: 'empty-project',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'empty-project', dependencies: { [pkg.name]: `file:${tarball}` } },
      [`node_modules/${pkg.name}`]: { version: pkg.version, resolved: `file:${tarball}`, integrity, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
      ...Object.fromEntries(runtime),
    },
  };
}

const work = await tempDir();
// `npm test` starts the tests while the build's type check is still writing the declarations.
await declarationsWritten();
const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
const [manifest] = JSON.parse(packed.stdout || '[{}]') as Array<{ filename: string; files: Array<{ path: string }> }>;
const files = manifest?.files?.map((file) => file.path) ?? [];

// Each test of the installed package waits for the install (an `npm ci` of the packed tarball) inside its own time:
// on a busy 2-core machine that alone has taken over a minute.
describe('the npm package', { timeout: 180_000 }, () => {
  it('packs', () => {
    expect(packed.code, packed.stderr).toBe(0);
    expect(manifest!.filename).toBe(`${pkg.name}-${pkg.version}.tgz`);
  });

  it('ships the built CLI, the licence, the README and the data it reads; no tests, fixtures or sources', () => {
    for (const file of ['bin/scale-audit.js', 'dist/cli/main.js', 'LICENSE', 'README.md', 'package.json', 'rules/mlops.yaml', 'templates/report.html.hbs', 'schemas/report.schema.json', 'data/business-assumptions.yaml']) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((file) => /^(test|src|scripts|bench|eval|node_modules|\.ci)\//.test(file) || /fixtures|\.test\./.test(file))).toEqual([]);
    // A fresh clone has no dist/: packing it builds first.
    expect(pkg.scripts.prepack).toMatch(/npm run build$/);
  });

  it('ships every file the README links to', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));
    expect(targets.length).toBeGreaterThan(10);
    for (const target of new Set(targets)) expect(files.some((file) => file === target || file.startsWith(`${target.replace(/\/$/, '')}/`)), target).toBe(true);
  });

  const project = join(work, 'empty-project');
  const installed = (async () => {
    const tarball = join(work, manifest!.filename);
    await mkdir(project);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', private: true, type: 'module', dependencies: { [pkg.name]: `file:${tarball}` } }));
    await writeFile(join(project, 'package-lock.json'), JSON.stringify(await lockfileFor(tarball)));
    return run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], project);
  })();

  // The tests of the installed package run at once: each waits on its own processes (npx, node),
  // which run while the type check, the longest step, keeps this process busy.
  it.concurrent('installs in an empty project and audits a repository with npx', async () => {
    const install = await installed;
    expect(install.code, install.stderr).toBe(0);

    const repository = await fixture('notebook-poc');
    const audit = await run('npx', ['--no', pkg.name, repository, '--format', 'json'], project);
    expect(audit.code, audit.stderr).toBe(0);
    const report = JSON.parse(audit.stdout) as Report;
    expect(report.tool).toEqual({ name: pkg.name, version: pkg.version });
    expect(report.target.name).toBe('notebook-poc');
    expect(report.findings.length).toBeGreaterThan(50);
    expect(report.summary.score).toEqual(expect.any(Number));
  });

  // The command npm links into the project's bin directory, which `npx` runs in the test above:
  // a second npx would only start npm again.
  it.concurrent("runs the example plugin's cases as installed: scale-audit test", async () => {
    expect((await installed).code).toBe(0);
    const result = await run(join(project, 'node_modules', '.bin', 'scale-audit'), ['test', 'node_modules/scale-audit/examples/plugin'], project);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/7 cases: 7 passed, 0 failed; 1 rule: 1 with every outcome covered, 0 not\n$/);
  });

  it.concurrent('is imported from plain JavaScript, as ESM and from CommonJS, and keeps its internals private', async () => {
    expect((await installed).code).toBe(0);
    const repository = await fixture('notebook-poc');
    await writeFile(
      join(project, 'esm.mjs'),
      `import { audit, render } from 'scale-audit';
import { RuleTester } from 'scale-audit/testing';
const { report } = await audit(process.argv[2], { now: new Date('2026-11-23T00:00:00Z') });
const tester = await RuleTester.create();
const finding = await tester.run('mlops.version-control', { name: 'no git', git: null, status: 'fail' });
console.log(JSON.stringify({ name: report.target.name, findings: report.findings.length, html: /^<!doctype html>/i.test(await render(report, 'html')), tested: finding.status }));
`,
    );
    const esm = await run('node', ['esm.mjs', repository], project);
    expect(esm.code, esm.stderr).toBe(0);
    expect(JSON.parse(esm.stdout)).toEqual({ name: 'notebook-poc', findings: expect.any(Number), html: true, tested: 'fail' });

    await writeFile(join(project, 'internal.mjs'), "await import('scale-audit/dist/audit.js');\n");
    const internal = await run('node', ['internal.mjs'], project);
    expect(internal.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');

    // Node loads an ES module from require() from 20.19 on (docs/api.md says so); there is no CommonJS build.
    if ((process.features as { require_module?: boolean }).require_module) {
      await writeFile(join(project, 'cjs.cjs'), "const { audit } = require('scale-audit');\naudit(process.argv[2], { now: new Date(0) }).then(({ report }) => console.log(report.target.name));\n");
      const cjs = await run('node', ['cjs.cjs', repository], project);
      expect(cjs.code, cjs.stderr).toBe(0);
      expect(cjs.stdout.trim()).toBe('notebook-poc');
    }
  });

  it.concurrent('is imported from TypeScript: the program, docs/api.md\'s typed examples and the example plugin type-check against the installed declarations, and run', async () => {
    expect((await installed).code).toBe(0);
    expect(files).toContain('dist/index.d.ts');
    copyTree(join(project, 'node_modules', 'scale-audit', 'examples', 'plugin'), join(project, 'plugin'));
    const doc = await readFile(join(ROOT, 'docs', 'api.md'), 'utf8');
    const typed = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((code) => !code.includes("from 'vitest'"));
    expect(typed.length).toBeGreaterThanOrEqual(2);
    await Promise.all(typed.map((code, i) => writeFile(join(project, `doc-${i}.ts`), code)));
    await writeFile(
      join(project, 'program.ts'),
      `import { audit, evaluate, FORMATS, InputError, loadRules, render, scan, type Facts, type Finding, type Plugin, type Report } from 'scale-audit';
import { RuleTester, type RuleCase } from 'scale-audit/testing';
import mlproject from './plugin/index.js';

const plugin: Plugin = mlproject;
const rules = await loadRules({ plugins: [plugin] });
const facts: Facts = await scan(process.argv[2]!, { rules });
const findings: Finding[] = evaluate(rules, facts, { 'team.owners': 'both' });
const { report }: { report: Report } = await audit(process.argv[2]!, { plugins: [plugin], config: null, answers: null, profile: 'batch-scoring', now: new Date(0) });
const markdown: string = await render(report, FORMATS[1]!);
const tester = await RuleTester.create({ plugins: [plugin] });
const testCase: RuleCase = { name: 'an MLproject without environment', files: { MLproject: 'name: x\\n' }, status: 'fail' };
await tester.assert('mlops.mlproject-environment', testCase);
// @ts-expect-error: no finding has this status
const wrong: RuleCase = { name: 'y', status: 'passed' };
console.log(JSON.stringify({ wrong: wrong.name, profile: report.profile?.name, files: facts.files.count, findings: findings.length, markdown: markdown.length > 0, mlproject: report.findings.find((finding) => finding.ruleId === 'mlops.mlproject-environment')?.status, error: new InputError('bad', 'a.yaml', 3).describe() }));
`,
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        // A Node program's library, as this project's own tsconfig has it: the DOM's declarations took a seventh of the check.
        compilerOptions: { target: 'ES2022', lib: ['ES2023'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, allowJs: true, checkJs: true, outDir: 'out', typeRoots: [join(ROOT, 'node_modules', '@types')], types: ['node'] },
        files: ['program.ts', 'plugin/index.js', ...typed.map((_, i) => `doc-${i}.ts`)],
      }),
    );
    expect(typeCheck(project)).toBe('');
    // The compiled plugin finds its pack beside its module, as the published plugin does.
    copyTree(join(project, 'plugin'), join(project, 'out', 'plugin'));

    const repository = await fixture('ml-service');
    await writeFile(join(repository, 'MLproject'), 'name: churn\npython_env: python_env.yaml\nentry_points:\n  main:\n    command: python train.py\n');
    const program = await run('node', ['out/program.js', repository], project);
    expect(program.code, program.stderr).toBe(0);
    expect(JSON.parse(program.stdout)).toEqual({ wrong: 'y', profile: 'batch-scoring', files: expect.any(Number), findings: expect.any(Number), markdown: true, mlproject: 'pass', error: 'a.yaml:3: bad' });
    // The type check, then two audits: minutes on a busy 2-core machine.
  }, 240_000);
});
