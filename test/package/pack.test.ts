import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { fixture } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

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
const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
const [manifest] = JSON.parse(packed.stdout || '[{}]') as Array<{ filename: string; files: Array<{ path: string }> }>;
const files = manifest?.files?.map((file) => file.path) ?? [];

describe('the npm package', () => {
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

  it('installs in an empty project and audits a repository with npx', async () => {
    const project = join(work, 'empty-project');
    const tarball = join(work, manifest!.filename);
    await mkdir(project);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', private: true, dependencies: { [pkg.name]: `file:${tarball}` } }));
    await writeFile(join(project, 'package-lock.json'), JSON.stringify(await lockfileFor(tarball)));
    const install = await run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], project);
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
});
