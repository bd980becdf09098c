import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.js';
import { tempDir } from '../helpers/temp.js';
import { CASE_TIMEOUT_MS, expectCompleted, expectRefused, fifo, runAll, smallRepository, sparse } from './contract.js';

/*
 * Files a user, a configuration or the tool itself names: read only when they are regular files,
 * never more than a bounded size, and refused in one line naming them otherwise. A FIFO blocks a
 * read forever; /dev/zero never ends; a sparse file claims gigabytes it does not hold.
 */
describe.skipIf(process.platform === 'win32')('files named by the user or a configuration', { timeout: CASE_TIMEOUT_MS }, () => {
  it('refuses a FIFO found as the configuration, the answers, or named by the configuration', async () => {
    const config = await smallRepository();
    fifo(join(config, '.scale-audit.yaml'));
    const answers = await smallRepository();
    fifo(join(answers, 'scale-audit.answers.yaml'));
    const pack = await smallRepository({ '.scale-audit.yaml': 'version: 1\npacks: [extra.yaml]\n' });
    fifo(join(pack, 'extra.yaml'));
    const logo = await smallRepository({ '.scale-audit.yaml': 'version: 1\nreport:\n  logo: logo.png\n' });
    fifo(join(logo, 'logo.png'));
    const [a, b, c, d] = await runAll([[config], [answers], [pack], [logo, '--format', 'html']]);
    expectRefused(a, join(config, '.scale-audit.yaml'), /cannot read configuration: is a named pipe/);
    expectRefused(b, join(answers, 'scale-audit.answers.yaml'), /cannot read answers file: is a named pipe/);
    expectRefused(c, join(pack, 'extra.yaml'), /cannot read rule pack: is a named pipe/);
    // The configuration named the file, so the message says so rather than blaming --logo.
    expectRefused(d, join(logo, 'logo.png'), new RegExp(`\\(report\\.logo in ${join(logo, '.scale-audit.yaml')}\\): is a named pipe`));
  });

  it('refuses FIFOs, devices and directories given on the command line', async () => {
    const repo = await smallRepository();
    const dir = join(repo, 'named');
    await mkdir(join(dir, 'templates'), { recursive: true });
    const pipe = fifo(join(dir, 'pipe'));
    fifo(join(dir, 'templates', 'report.html.hbs'));
    const cases: Array<[string[], string, RegExp]> = [
      [[repo, '--answers', pipe], pipe, /cannot read answers file: is a named pipe/],
      [[repo, '--assumptions', pipe], pipe, /cannot read assumptions file: is a named pipe/],
      [[repo, '--baseline', pipe], pipe, /cannot read baseline: is a named pipe/],
      [[repo, '--config', pipe], pipe, /cannot read configuration: is a named pipe/],
      [[repo, '--rules', pipe], pipe, /cannot read rule pack: is a named pipe/],
      [[repo, '--logo', '/dev/zero'], '/dev/zero', /cannot read the image \(--logo\): is a device/],
      [[repo, '--answers', dir], dir, /cannot read answers file: is a directory/],
      [[repo, '--format', 'html', '--template-dir', join(dir, 'templates')], join(dir, 'templates', 'report.html.hbs'), /cannot read template: is a named pipe/],
      [['render', pipe], pipe, /cannot read report: is a named pipe/],
      [['compare', pipe, pipe], pipe, /cannot read report: is a named pipe/],
      [['portfolio', pipe], pipe, /cannot read report: is a named pipe/],
    ];
    const results = await runAll(cases.map(([args]) => args));
    results.forEach((result, i) => expectRefused(result, cases[i]![1], cases[i]![2]));
  });

  it('refuses files larger than their kind allows without reading them (nothing of them reaches a report)', async () => {
    const logo = await smallRepository({ '.scale-audit.yaml': 'version: 1\nreport:\n  logo: huge.png\n' });
    await sparse(join(logo, 'huge.png'), 1900 * 1024 ** 2);
    const answers = await smallRepository();
    await sparse(join(answers, 'scale-audit.answers.yaml'), 100 * 1024 ** 2);
    const report = await sparse(join(answers, 'report.json'), 3 * 1024 ** 3);
    const [a, b, c] = await runAll([[logo, '--format', 'html'], [answers], ['render', report]]);
    expectRefused(a, join(logo, 'huge.png'), /report\.logo in .*: too large: 1900 MiB, at most 512 KiB allowed/);
    expectRefused(b, join(answers, 'scale-audit.answers.yaml'), /cannot read answers file: too large: 100 MiB, at most 2 MiB allowed/);
    expectRefused(c, report, /cannot read report: too large/);
  });

  it("refuses a pack the repository's configuration names outside the repository, however it gets there", async () => {
    const elsewhere = await tempDir({ 'private.yaml': 'pack: private\nrules: []\n' });
    const outside = join(elsewhere, 'private.yaml');
    const repo = await smallRepository({ 'packs/local.yaml': 'pack: local\nrules: []\n' });
    await symlink(outside, join(repo, 'linked.yaml'));
    await mkdir(join(repo, 'more'));
    await symlink(outside, join(repo, 'more', 'linked.yaml'));
    const configs: Array<[string, string]> = [
      ['absolute.yaml', outside],
      ['climbing.yaml', relative(repo, outside)],
      ['link.yaml', 'linked.yaml'],
      ['directory.yaml', 'more'],
    ];
    const files = await Promise.all(configs.map(async ([name, pack]) => {
      await writeFile(join(repo, name), `version: 1\npacks:\n  - packs/local.yaml\n  - ${JSON.stringify(pack)}\n`);
      return join(repo, name);
    }));
    const results = await runAll([...files.map((file) => [repo, '--config', file]), [repo, '--rules', outside]]);
    files.forEach((file, i) => expectRefused(results[i]!, `${file}:4:5`, /packs\[1\]: .* is outside the audited repository/));
    // The auditor may name the same pack.
    expectCompleted(results[files.length]!);
  });

  it('reads the repository on, with a warning, when .git/info/exclude or a file git reads is a FIFO', async () => {
    const repo = await smallRepository();
    await mkdir(join(repo, '.git', 'info'), { recursive: true });
    fifo(join(repo, '.git', 'info', 'exclude'));
    // Git reads HEAD to know it is in a repository at all, and would wait on the pipe for ever.
    const head = await smallRepository();
    execFileSync('git', ['init', '-q', head]);
    await rm(join(head, '.git', 'HEAD'));
    fifo(join(head, '.git', 'HEAD'));
    const [excluded, blocked] = await runAll([[repo, '--format', 'json'], [head, '--format', 'json']]);
    expectCompleted(excluded!);
    const report = JSON.parse(excluded!.stdout) as Report;
    expect(report.warnings).toContainEqual(expect.objectContaining({ path: '.git/info/exclude', message: expect.stringMatching(/named pipe/) }));
    expect(report.scan.files).toBeGreaterThan(0);
    expectCompleted(blocked!);
    const withoutHistory = JSON.parse(blocked!.stdout) as Report;
    expect(withoutHistory.warnings).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/git history not read: \.git\/HEAD is a named pipe/) }));
    expect(withoutHistory.scan.files).toBeGreaterThan(0);
  });
});
