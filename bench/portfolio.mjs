#!/usr/bin/env node
// Aggregates a generated organisation of saved reports: `npm run bench:portfolio [-- --reports N --target-mib MIB --keep DIR]`.
// `portfolio` reads the reports one at a time and keeps a small summary of each, so its peak memory
// must stay far below the reports' total size; this measures it, and its time beside yardsticks.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((part) => part.trim().split(/\s+/)));
const REPORTS = Number(args.reports ?? 1_000);
const TARGET_MIB = Number(args['target-mib'] ?? 200);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'scale-audit.js');

/** A real report of each test fixture: the generated ones are variations of these. */
function audit(fixture) {
  const child = spawnSync(process.execPath, [BIN, join(ROOT, 'test', 'fixtures', fixture), '--format', 'json'], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SOURCE_DATE_EPOCH: '1795000000' } });
  if (child.status !== 0) throw new Error(`audit of ${fixture} failed: ${child.stderr}`);
  return child.stdout.toString();
}

/** A deterministic pseudo-random number in [0, 1) for repository i and salt s. */
function noise(i, s) {
  const x = Math.sin(i * 12.9898 + s * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

/** Repository i: one of the fixtures' reports, renamed, with its scores and some statuses varied. */
function variant(text, i) {
  const report = JSON.parse(text);
  report.target.name = `repo-${String(i).padStart(4, '0')}`;
  report.target.url = `https://github.com/acme/repo-${i}`;
  report.generatedAt = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
  report.summary.score = Math.round(100 * noise(i, 1));
  report.summary.level = Math.floor(5 * noise(i, 2));
  for (const [c, category] of report.categories.entries()) if (category.score !== null) category.score = Math.round(100 * noise(i, 10 + c));
  for (const [f, finding] of report.findings.entries()) {
    if (finding.status === 'pass' && noise(i, 100 + f) < 0.2) finding.status = 'fail';
    else if (finding.status === 'fail' && noise(i, 100 + f) < 0.2) finding.status = 'pass';
  }
  return JSON.stringify(report, null, 2);
}

/** Wall and CPU seconds and peak memory of a command, from /usr/bin/time (its last line of stderr). */
function timed(command) {
  const child = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...command], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${command.join(' ').slice(0, 200)} failed: ${child.stderr}`);
  const [wall, user, system, kib] = child.stderr.toString().trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + system, peakMib: kib / 1024 };
}

const root = args.keep ?? mkdtempSync(join(tmpdir(), 'scale-audit-portfolio-'));
try {
  process.stdout.write(`generating ${REPORTS} reports in ${root} … `);
  const bases = [audit('ml-service'), audit('notebook-poc')];
  let bytes = 0;
  for (let i = 0; i < REPORTS; i++) {
    const dir = join(root, 'reports', `repo-${i}`);
    mkdirSync(dir, { recursive: true });
    const text = variant(bases[i % bases.length], i);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, 'report.json'), text);
  }
  process.stdout.write(`done (${(bytes / 2 ** 20).toFixed(0)} MiB of JSON)\n`);

  // Yardsticks in the same run, because wall time on a shared machine says more about its load than
  // about the code: starting node, reading the files with cat, and reading and parsing them in node,
  // the least any JavaScript tool must do with them.
  const files = readdirSync(join(root, 'reports')).map((dir) => join(root, 'reports', dir, 'report.json'));
  const listFile = join(root, 'files.json');
  writeFileSync(listFile, JSON.stringify(files));
  const out = join(root, 'portfolio.json');
  const runs = [
    ['node -e 0', [process.execPath, '-e', '0']],
    ['cat the reports', ['sh', '-c', 'cat "$@" > /dev/null', 'cat', ...files]],
    ['node: read and JSON.parse them', [process.execPath, '-e', `for (const f of JSON.parse(require('fs').readFileSync(${JSON.stringify(listFile)}, 'utf8'))) JSON.parse(require('fs').readFileSync(f, 'utf8'))`]],
    ['scale-audit portfolio', [process.execPath, BIN, 'portfolio', join(root, 'reports'), '--format', 'json', '--output', out]],
  ].map(([label, command]) => ({ label, ...timed(command) }));
  const portfolio = JSON.parse(readFileSync(out, 'utf8'));
  console.log(`${portfolio.repositories} repositories, ${(bytes / 2 ** 20).toFixed(0)} MiB of reports; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  for (const run of runs) console.log(`  ${run.label.padEnd(32)} ${run.wall.toFixed(1).padStart(5)} s wall, ${run.cpu.toFixed(1).padStart(5)} s CPU, peak RSS ${run.peakMib.toFixed(0).padStart(4)} MiB`);
  const [, , floor, measured] = runs;
  console.log(`portfolio takes ${(measured.cpu / floor.cpu).toFixed(2)}× the CPU of reading and parsing the same files`);
  console.log(measured.peakMib <= TARGET_MIB ? `within the ${TARGET_MIB} MiB target` : `ABOVE the ${TARGET_MIB} MiB target`);
  process.exitCode = measured.peakMib <= TARGET_MIB ? 0 : 1;
} finally {
  if (!args.keep) rmSync(root, { recursive: true, force: true });
}
