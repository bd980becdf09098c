import { readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/*
 * A report is handed to a client: nothing in it may show the auditor's machine. Here every file
 * the audit reads is named by its absolute path in a temporary folder outside the working
 * directory (the repository, its answers, a configuration with a waiver, a gate, a switched-off
 * rule and a custom profile, a baseline), and every document written from them, in every format, is searched for that
 * folder: the audit's reports, a comparison and a portfolio of them.
 */
const FORMATS = 'text,md,md-summary,html,json,sarif';

describe('paths of the auditor’s machine', () => {
  it('appear in no report, comparison or portfolio, whatever the format', async () => {
    const work = await tempDir();
    const repo = await fixture('ml-service');
    await writeFile(join(work, 'answers.yaml'), 'version: 1\nanswers:\n  team.owners: both\n  roi.poc-cost: 60000\n  roi.currency: EUR\n');
    await writeFile(
      join(work, 'audit.yaml'),
      'version: 1\nrules:\n  mlops.code-quality: { enabled: false, reason: Linted upstream }\ngates:\n  failUnder: 1\nprofile: house\nprofiles:\n  house:\n    description: Our batch jobs\n    extends: batch-scoring\n    conditions:\n      serves-online: { holds: false, reason: Scored nightly }\nwaivers:\n  - { rule: security.sast, reason: Accepted for the pilot, expires: 2099-01-01 }\n',
    );
    const audit = (...args: string[]) => cli([repo, '--answers', join(work, 'answers.yaml'), '--config', join(work, 'audit.yaml'), ...args]);
    const written = [
      await audit('--format', FORMATS, '--out-dir', join(work, 'executive'), '--write-baseline', join(work, 'baseline.json')),
      await audit('--format', 'md,html', '--detail', 'full', '--out-dir', join(work, 'full'), '--baseline', join(work, 'baseline.json')),
      await cli(['compare', join(work, 'executive', 'report.json'), join(work, 'executive', 'report.json'), '--format', 'text,md,html,json', '--out-dir', join(work, 'compare')]),
      await cli(['portfolio', join(work, 'executive'), '--format', 'text,md,html,json', '--out-dir', join(work, 'portfolio')]),
    ];
    for (const result of written) expect(result.code, result.stderr).toBeLessThanOrEqual(1);

    const machine = [...new Set([work, repo, await realpath(work), await realpath(repo)])];
    const documents = (await Promise.all(['executive', 'full', 'compare', 'portfolio'].map(async (dir) => (await readdir(join(work, dir))).map((name) => join(work, dir, name))))).flat();
    expect(documents.length).toBe(6 + 2 + 4 + 4);
    for (const document of documents) {
      const text = await readFile(document, 'utf8');
      for (const path of machine) expect(text.includes(path), `${document} shows ${path}`).toBe(false);
    }
    // What they show instead: the answers by their own name, the repository's files from its root.
    const report = JSON.parse(await readFile(join(work, 'executive', 'report.json'), 'utf8'));
    expect(report.answers.path).toBe('answers.yaml');
    expect(report.config.file).toBe('audit.yaml');
    expect(report.target.path).toBe('ml-service');
    expect(report.profile.source).toMatch(/^audit\.yaml:\d+$/);
  }, 300_000);
});
