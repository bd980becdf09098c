#!/usr/bin/env node
// The speed targets of scale-audit, each figure beside a yardstick measured in the same run:
//   npm run bench [-- --repo DIR] [--sizes 10000,50000,200000] [--runs N] [--check] [--keep DIR]
// Timing targets live here, not in unit tests, which must pass on slow, noisy machines.
// It prints PASS or FAIL per target and exits 0 unless --check is given (then 1 on any FAIL).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'scale-audit.js');

function options(argv) {
  const parsed = { runs: 3, sizes: [10_000, 50_000, 200_000], check: false, repo: null, keep: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? fail(`${argv[i - 1]} needs a value`);
    switch (argv[i]) {
      case '--runs': parsed.runs = Number(value()); break;
      case '--sizes': parsed.sizes = value().split(',').map(Number); break;
      case '--repo': parsed.repo = resolve(value()); break;
      case '--keep': parsed.keep = resolve(value()); break;
      case '--check': parsed.check = true; break;
      default: fail(`unknown option ${argv[i]} (see the first lines of bench/audit.mjs)`);
    }
  }
  if (!(parsed.runs >= 1) || parsed.sizes.some((size) => !(size >= 100))) fail('--runs needs a number >= 1, --sizes numbers >= 100');
  return parsed;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const args = options(process.argv.slice(2));
const TIME = ['/usr/bin/time', '/bin/time'].find((path) => spawnSync(path, ['-f', '%M', 'true']).status === 0) ?? null;

/**
 * One run of a command: wall seconds from here, CPU seconds (user + system) and peak RSS from GNU
 * time, which reads them from the kernel's accounting of the finished child. Output is discarded.
 */
function runOnce(command, commandArgs, cwd, env = process.env) {
  const report = join(scratch, 'time.txt');
  const [file, argv] = TIME ? [TIME, ['-o', report, '-f', '%U %S %M', command, ...commandArgs]] : [command, commandArgs];
  const started = process.hrtime.bigint();
  const child = spawnSync(file, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.error) throw child.error;
  if (!TIME) return { wall, cpu: null, rss: null, status: child.status, stderr: child.stderr.toString() };
  const [user, system, kib] = readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + system, rss: kib / 1024, status: child.status, stderr: child.stderr.toString() };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * A and B run in turn (one unmeasured warm-up each first), so that a machine whose speed drifts
 * during the bench drifts for both; a ratio is the median of the run-by-run ratios.
 */
function compare(a, b, runs, cwd, env) {
  const check = (run, what) => {
    // An audit exits 0, or 1 when a gate of the audited repository's own configuration fails.
    if (run.status > 1 || run.status === null) fail(`${what.join(' ')} failed (exit ${run.status}): ${run.stderr.trim().split('\n').pop()}`);
    return run;
  };
  check(runOnce(a[0], a.slice(1), cwd, env), a);
  if (b) runOnce(b[0], b.slice(1), cwd, env);
  const pairs = [];
  for (let i = 0; i < runs; i++) pairs.push({ a: check(runOnce(a[0], a.slice(1), cwd, env), a), b: b ? runOnce(b[0], b.slice(1), cwd, env) : null });
  const figure = (side) => ({
    wall: median(pairs.map((pair) => pair[side].wall)),
    cpu: TIME ? median(pairs.map((pair) => pair[side].cpu)) : null,
    rss: TIME ? Math.max(...pairs.map((pair) => pair[side].rss)) : null,
  });
  return {
    a: figure('a'),
    b: b ? figure('b') : null,
    wallRatio: b ? median(pairs.map((pair) => pair.a.wall / pair.b.wall)) : null,
    cpuRatio: b && TIME ? median(pairs.map((pair) => pair.a.cpu / pair.b.cpu)) : null,
    cpuDifference: b && TIME ? median(pairs.map((pair) => pair.a.cpu - pair.b.cpu)) : null,
  };
}

/** ripgrep when installed, else git grep: reading the same tree for two credential patterns. */
function yardstick() {
  const patterns = ['AKIA[0-9A-Z]{16}', '-----BEGIN [A-Z ]*PRIVATE KEY-----'];
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.status === 0) {
    // The files the audit reads: hidden ones too (.github), ignored ones not, in a git work tree or not.
    return { name: rg.stdout.split('\n')[0], command: (dir) => ['rg', '--hidden', '--no-require-git', '-g', '!.git', '-c', ...patterns.flatMap((p) => ['-e', p]), dir] };
  }
  const git = spawnSync('git', ['--version'], { encoding: 'utf8' });
  if (git.status !== 0) fail('neither ripgrep (rg) nor git is installed: no yardstick');
  return {
    name: `${git.stdout.trim()} (grep)`,
    command: (dir) => {
      const inTree = spawnSync('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' }).stdout.trim() === 'true';
      return ['git', '-C', dir, 'grep', ...(inTree ? [] : ['--no-index']), '-I', '-c', '-E', ...patterns.flatMap((p) => ['-e', p])];
    },
  };
}

function write(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A repository shaped like a large ML monorepo: packages of modules, tests, notebooks, configs and data. */
function generate(root, files) {
  const module = (i) => `"""Module ${i}."""\nimport numpy as np\nimport pandas as pd\nfrom sklearn.pipeline import Pipeline\n\n\ndef transform_${i}(df: pd.DataFrame) -> pd.DataFrame:\n    out = df.copy()\n    out["f${i}"] = np.log1p(out["x"])\n    return out\n`.repeat(3);
  const notebook = (i) => JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'code', source: [`import pandas as pd\n`, `df = pd.read_csv("d${i}.csv")\n`], outputs: [{ output_type: 'stream', text: ['x'.repeat(2000)] }] }] });
  write(root, 'pyproject.toml', '[project]\nname = "mono"\ndependencies = ["numpy==2.1.0", "pandas==2.2.3", "mlflow==2.18.0"]\n');
  write(root, '.github/workflows/ci.yml', 'on: [push, pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n');
  write(root, 'Dockerfile', 'FROM python:3.11-slim\nUSER app\n');
  write(root, '.gitignore', 'build/\n*.tmp\nnode_modules/\n');
  const packages = Math.max(1, Math.round(files / 100));
  let written = 4;
  for (let i = 0; written < files; i++) {
    const pkg = `packages/pkg${i % packages}`;
    const kind = i % 10;
    if (kind < 5) write(root, `${pkg}/src/mod${i}.py`, module(i));
    else if (kind < 7) write(root, `${pkg}/tests/test_mod${i}.py`, `from mod${i - 5} import transform\n\ndef test_${i}():\n    assert transform is not None\n`);
    else if (kind === 7) write(root, `${pkg}/notebooks/nb${i}.ipynb`, notebook(i));
    else if (kind === 8) write(root, `${pkg}/conf/params${i}.yaml`, `lr: 0.1\nseed: ${i}\nlayers: [64, 32]\n`);
    else write(root, `${pkg}/data/sample${i}.csv`, 'a,b,c\n1,2,3\n'.repeat(50));
    written += 1;
  }
  // Installed dependencies, which the audit (and the yardstick) must skip.
  for (let i = 0; i < files / 10; i++) write(root, `node_modules/dep${i % 50}/index${i}.js`, 'module.exports = 1;\n');
}

/** A small real repository: the service fixture, committed, as a team's repository is. */
function smallRepository(root) {
  cpSync(join(ROOT, 'test', 'fixtures', 'ml-service'), root, { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_DATE: '2026-10-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T10:00:00Z' };
  const git = (...gitArgs) => execFileSync('git', ['-c', 'user.email=ds@acme.example', '-c', 'user.name=Data Scientist', ...gitArgs], { cwd: root, env, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'Initial import');
  return Number(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean).length);
}

const verdicts = [];
const seconds = (value) => (value === null ? 'n/a' : value < 1 ? `${(value * 1000).toFixed(0)} ms` : `${value.toFixed(2)} s`);
const mib = (value) => (value === null ? 'n/a' : `${value.toFixed(0)} MiB`);
const times = (value) => (value === null ? 'n/a' : `${value.toFixed(2)}×`);

function line(cells) {
  const widths = [44, 34, 32, 10, 16, 4];
  process.stdout.write(`${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' ').trimEnd()}\n`);
}

/** One line of the table; with a target, PASS or FAIL (n/a when the figure could not be measured). */
function row(work, figure, yardstickFigure, ratio, target, passed) {
  const verdict = target ? (passed === null ? 'n/a' : passed ? 'PASS' : 'FAIL') : '';
  if (target) verdicts.push(verdict);
  line([work, figure, yardstickFigure, ratio, target ?? '', verdict]);
}

/** A command against `node -e 0`, by CPU; with `limit`, the target is at most that many times its CPU. */
function startUpRow(work, result, limit) {
  const target = limit === undefined ? undefined : `≤ ${limit}× CPU`;
  const passed = limit === undefined || result.cpuRatio === null ? null : result.cpuRatio <= limit;
  row(work, `${seconds(result.a.cpu)} CPU, ${seconds(result.a.wall)} wall`, `${seconds(result.b.cpu)} CPU (node -e 0)`, times(result.cpuRatio), target, passed);
}

const scratch = mkdtempSync(join(tmpdir(), 'scale-audit-bench-'));
const node0 = [process.execPath, '-e', '0'];
const audit = (dir, ...more) => [process.execPath, BIN, dir, ...more];
const stick = yardstick();

const load = loadavg().map((value) => value.toFixed(1)).join(' ');
process.stdout.write(
  `scale-audit bench, ${new Date().toISOString().slice(0, 16)}Z: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Linux ${release()}, node ${process.version}, load average ${load}\n` +
    `yardsticks: ${stick.name} reading the same tree; node -e 0 for start-up. Medians of ${args.runs} paired runs${TIME ? '' : ' (no GNU time: wall time only)'}.\n\n`,
);
line(['work', 'scale-audit', 'yardstick', 'ratio', 'target', 'verdict']);

try {
  if (args.repo) {
    const files = spawnSync('git', ['-C', args.repo, 'ls-files'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout?.split('\n').filter(Boolean).length;
    const result = compare(audit(args.repo, '--format', 'json'), stick.command(args.repo), args.runs);
    const name = `${args.repo}${files ? ` (${files} files in git)` : ''}`;
    row(name, `${seconds(result.a.wall)} wall, ${seconds(result.a.cpu)} CPU`, `${seconds(result.b.wall)} wall`, times(result.wallRatio), '≤ 2× yardstick', result.wallRatio <= 2);
    row('  peak memory', mib(result.a.rss), mib(result.b.rss), '', '≤ 150 MiB', result.a.rss === null ? null : result.a.rss <= 150);
    // No target: how far Node alone, listing and reading the tree in one thread, is from the yardstick.
    const floor = compare([process.execPath, join(ROOT, 'bench', 'read-floor.mjs'), args.repo], stick.command(args.repo), args.runs);
    row("  Node's floor: list and read it, one thread", `${seconds(floor.a.wall)} wall, ${seconds(floor.a.cpu)} CPU`, `${seconds(floor.b.wall)} wall`, times(floor.wallRatio), '', null);
  } else {
    const startRuns = Math.max(args.runs, 10);
    for (const flag of ['--version', '--help']) {
      const result = compare([process.execPath, BIN, flag], node0, startRuns);
      startUpRow(`scale-audit ${flag}`, result, 1.5);
    }

    const small = join(scratch, 'churn-service');
    const smallFiles = smallRepository(small);
    const smallAudit = compare(audit(small, '--format', 'json'), node0, startRuns);
    startUpRow(`audit of a ${smallFiles}-file repository`, smallAudit, 3);
    // NODE_EXTRA_CA_CERTS makes every Node process read a certificate bundle as it starts, node -e 0
    // included (a third to half of its CPU on a Debian bundle): the ratio above is flattered by it.
    if (process.env.NODE_EXTRA_CA_CERTS) {
      const { NODE_EXTRA_CA_CERTS: _certificates, ...clean } = process.env;
      const bare = compare(audit(small, '--format', 'json'), node0, startRuns, undefined, clean);
      startUpRow('  the same without NODE_EXTRA_CA_CERTS', bare);
    }
    // What no repository can bring down: loading the program, the rule packs and all rules evaluated.
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const fixed = compare(audit(empty, '--format', 'json'), node0, startRuns);
    startUpRow('  of which an empty directory (fixed cost)', fixed);
    const html = compare(audit(small, '--format', 'html'), audit(small, '--format', 'json'), startRuns);
    row('  adding --format html', `+${seconds(html.cpuDifference)} CPU`, `${seconds(html.b.cpu)} CPU (json)`, '', '≤ +50 ms', html.cpuDifference === null ? null : html.cpuDifference <= 0.05);

    const measured = [];
    for (const size of args.sizes) {
      const dir = join(args.keep ?? scratch, `monorepo-${size}`);
      process.stderr.write(`bench: generating ${size} files in ${dir}\n`);
      rmSync(dir, { recursive: true, force: true });
      generate(dir, size);
      const result = compare(audit(dir, '--format', 'json'), stick.command(dir), args.runs);
      measured.push({ size, ...result });
      row(`synthetic ML monorepo, ${size} files`, `${seconds(result.a.wall)} wall, ${seconds(result.a.cpu)} CPU, ${mib(result.a.rss)}`, `${seconds(result.b.wall)} wall`, times(result.wallRatio), '', null);
      if (!args.keep) rmSync(dir, { recursive: true, force: true });
    }
    const [smallest, largest] = [measured[0], measured.at(-1)];
    if (measured.length > 1) {
      const scale = largest.size / smallest.size;
      // The issue's bar: 200k files cost at most 22× what 10k cost (20× the files, a little slack).
      const bound = scale * 1.1;
      const growth = largest.a.wall / smallest.a.wall;
      row(`  time, ${largest.size} vs ${smallest.size} files`, times(growth), `${scale}× the files`, '', `≤ ${bound.toFixed(0)}×`, growth <= bound);
      // Memory may grow with the file list (a path and a few fields per file), not with what was read.
      const perFile = largest.a.rss === null ? null : ((largest.a.rss - smallest.a.rss) * 1024 * 1024) / (largest.size - smallest.size);
      row(`  peak memory, ${largest.size} vs ${smallest.size} files`, `${mib(largest.a.rss)} vs ${mib(smallest.a.rss)}`, perFile === null ? 'n/a' : `+${(perFile / 1024).toFixed(2)} KiB per file`, '', '≤ 1 KiB per file', perFile === null ? null : perFile <= 1024);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const failed = verdicts.filter((verdict) => verdict === 'FAIL').length;
process.stdout.write(`\n${verdicts.length - failed} of ${verdicts.length} targets met${failed ? `, ${failed} missed` : ''}.\n`);
if (args.check && failed > 0) process.exitCode = 1;
