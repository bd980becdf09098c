#!/usr/bin/env node
// `npm run examples`: regenerates examples/report/ (a consultant's branded report of the ml-service
// fixture, executive and full) and, when Chromium is installed, the README's screenshots. With `--out-dir <dir>` it
// writes the reports there instead and takes no screenshots: test/examples.test.ts does that and
// fails when the committed reports no longer match what the code renders.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDirFlag = process.argv.indexOf('--out-dir');
const out = outDirFlag >= 0 ? process.argv[outDirFlag + 1] : join(root, 'examples/report');
// A fixed date and a git history with fixed dates and names give the same bytes on every run.
const date = '2026-11-23T09:00:00Z';
const env = {
  ...process.env,
  SOURCE_DATE_EPOCH: String(Date.parse(date) / 1000),
  GIT_AUTHOR_NAME: 'Dana Data', GIT_AUTHOR_EMAIL: 'dana@acme.example', GIT_AUTHOR_DATE: '2026-11-02T10:00:00Z',
  GIT_COMMITTER_NAME: 'Dana Data', GIT_COMMITTER_EMAIL: 'dana@acme.example', GIT_COMMITTER_DATE: '2026-11-02T10:00:00Z',
  GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
};

const work = await mkdtemp(join(tmpdir(), 'scale-audit-example-'));
try {
  const repo = join(work, 'churn-service');
  await cp(join(root, 'test/fixtures/ml-service'), repo, { recursive: true });
  await cp(join(root, 'examples/answers.yaml'), join(work, 'answers.yaml'));
  const git = (...args) => execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: repo, env, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Churn service');
  git('remote', 'add', 'origin', 'https://github.com/acme/churn-service.git');
  execFileSync(
    process.execPath,
    [
      join(root, 'bin/scale-audit.js'), 'churn-service', '--answers', 'answers.yaml', '--format', 'md,html,json', '--out-dir', out,
      '--title', 'Churn service: production readiness review', '--client', 'Acme Insurance', '--author', 'Jo Smith, Example Consulting',
      '--logo', join(root, 'examples/branding/logo.svg'),
    ],
    { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  // The full report beside the executive one: every finding and the appendix (`--detail full`).
  for (const format of ['md', 'html']) {
    execFileSync(
      process.execPath,
      [join(root, 'bin/scale-audit.js'), 'render', join(out, 'report.json'), '--format', format, '--detail', 'full', '-o', join(out, `report-full.${format}`), '--logo', join(root, 'examples/branding/logo.svg')],
      { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] },
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (outDirFlag >= 0) {
  // Reports only.
} else if (existsSync(chromium)) {
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`file://${join(out, 'report.html')}`);
  await page.screenshot({ path: join(root, 'docs/img/report-desktop.png') });
  await page.goto(`file://${join(out, 'report.html')}#roadmap`);
  await page.screenshot({ path: join(root, 'docs/img/report-roadmap.png') });
  await browser.close();
  process.stdout.write('wrote docs/img/report-desktop.png, docs/img/report-roadmap.png\n');
} else {
  process.stdout.write(`no Chromium at ${chromium}: screenshots not updated\n`);
}
