#!/usr/bin/env node
// Aggregates a generated organisation of saved reports: `npm run bench:portfolio [-- --reports N --target-mib MIB --keep DIR]`.
// `portfolio` reads the reports one at a time and keeps a small summary of each, so its peak memory
// must stay far below the reports' total size; this measures it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  const out = join(root, 'portfolio.json');
  const started = process.hrtime.bigint();
  // /usr/bin/time reports the child's peak resident memory in KiB (its last line of stderr).
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'portfolio', join(root, 'reports'), '--format', 'json', '--output', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`portfolio failed: ${child.stderr}`);
  const peakMib = Number(child.stderr.toString().trim().split('\n').pop()) / 1024;
  const portfolio = JSON.parse(readFileSync(out, 'utf8'));
  console.log(`portfolio of ${portfolio.repositories} repositories (${(bytes / 2 ** 20).toFixed(0)} MiB of reports): ${seconds.toFixed(1)} s, peak RSS ${peakMib.toFixed(0)} MiB`);
  console.log(peakMib <= TARGET_MIB ? `within the ${TARGET_MIB} MiB target` : `ABOVE the ${TARGET_MIB} MiB target`);
  process.exitCode = peakMib <= TARGET_MIB ? 0 : 1;
} finally {
  if (!args.keep) rmSync(root, { recursive: true, force: true });
}
