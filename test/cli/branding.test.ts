import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectUsageError, fixture } from '../helpers/cli.js';
import { copyTree, tempDir } from '../helpers/temp.js';

/* A consultant's run: the client's name on the report, the consultant's logo, their own header. */
const EPOCH = { SOURCE_DATE_EPOCH: '1795428000' };
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>';

const report = (dir: string) => readFile(join(dir, 'report.html'), 'utf8');

describe('branding flags', () => {
  it('put the title, client, author and logo on the report and keep the cover in the JSON', async () => {
    const repo = await fixture('notebook-poc');
    const brand = await tempDir({ 'logo.svg': LOGO });
    const out = join(brand, 'out');
    const result = await cli([repo, '--format', 'html,json,md', '--out-dir', out, '--title', 'Churn review', '--client', 'Acme <Insurance>', '--author', 'Jo Smith', '--logo', join(brand, 'logo.svg')], { env: EPOCH });
    expect(result.code, result.stderr).toBe(0);
    const html = await report(out);
    expect(html).toContain('<title>Churn review</title>');
    expect(html).toContain('<span data-field="client">Acme &lt;Insurance&gt;</span>');
    expect(html).toContain('<span data-field="author">Jo Smith</span>');
    expect(html).toContain(`<img src="data:image/svg+xml;base64,${Buffer.from(LOGO).toString('base64').replace(/=/g, '&#x3D;')}"`);
    expect(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')).cover).toEqual({ title: 'Churn review', client: 'Acme <Insurance>', author: 'Jo Smith' });
    expect(await readFile(join(out, 'report.md'), 'utf8')).toMatch(/^# Churn review\n\nClient: Acme \\<Insurance\\> · Prepared by Jo Smith\n/);
  });

  it('let render keep the saved cover or replace part of it', async () => {
    const repo = await fixture('notebook-poc');
    const dir = await tempDir();
    expect((await cli([repo, '--format', 'json', '--output', join(dir, 'report.json'), '--client', 'Acme', '--author', 'Jo'], { env: EPOCH })).code).toBe(0);
    const rendered = await cli(['render', join(dir, 'report.json'), '--format', 'html', '--out-dir', dir, '--client', 'Acme Insurance plc']);
    expect(rendered.code, rendered.stderr).toBe(0);
    const html = await report(dir);
    expect(html).toContain('<span data-field="client">Acme Insurance plc</span>');
    expect(html).toContain('<span data-field="author">Jo</span>');
  });

  const HOUSE_COVER = '<header class="cover"><h1>{{title}}</h1><p class="house-style">Prepared for {{client}}</p>{{#if logo}}<img src="{{logo}}" alt="logo">{{/if}}</header>';

  it('come from a configuration outside the repository, with paths relative to it, when no flag is given', async () => {
    const consultant = await tempDir({ 'brand/logo.svg': LOGO, 'brand/templates/partials/cover.hbs': HOUSE_COVER });
    await writeFile(join(consultant, 'acme.yaml'), 'version: 1\nreport:\n  client: Configured Client\n  logo: brand/logo.svg\n  templateDir: brand/templates\n');
    const repo = await fixture('notebook-poc');
    const out = await tempDir();
    const result = await cli([repo, '--config', join(consultant, 'acme.yaml'), '--format', 'html', '--out-dir', out], { env: EPOCH });
    expect(result.code, result.stderr).toBe(0);
    const html = await report(out);
    expect(html).toContain('<p class="house-style">Prepared for Configured Client</p>');
    expect(html).toContain('<img src="data:image/svg+xml;base64,');
  });

  it('from a configuration inside the audited repository cannot replace templates or embed outside files', async () => {
    const repo = await fixture('notebook-poc');
    const outside = await tempDir({ 'private.svg': LOGO });
    await mkdir(join(repo, 'brand', 'partials'), { recursive: true });
    await writeFile(join(repo, 'brand', 'partials', 'cover.hbs'), '<header><script>alert(1)</script></header>');
    await writeFile(join(repo, '.scale-audit.yaml'), `version: 1\nreport:\n  client: Repo Client\n  logo: ${join(outside, 'private.svg')}\n  templateDir: brand\n`);
    const out = await tempDir();
    const result = await cli([repo, '--format', 'html', '--out-dir', out], { env: EPOCH });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/\.scale-audit\.yaml: report\.templateDir ignored: templates from the audited repository could make the HTML report load or run anything; pass --template-dir instead/);
    expect(result.stderr).toMatch(/report\.logo ignored: a configuration inside the audited repository cannot embed a file from outside it/);
    const html = await report(out);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('data:image');
    // Tuning and naming stay the repository's to set.
    expect(html).toContain('<span data-field="client">Repo Client</span>');
  });

  it('from a configuration in a parent directory of the same repository are the repository\'s too', async () => {
    const monorepo = await tempDir({ '.git/HEAD': 'ref: refs/heads/main\n', 'brand/partials/cover.hbs': '<header><script>alert(1)</script></header>' });
    await writeFile(join(monorepo, '.scale-audit.yaml'), 'version: 1\nreport:\n  templateDir: brand\n');
    copyTree(await fixture('notebook-poc'), join(monorepo, 'services', 'churn'));
    const out = await tempDir();
    const result = await cli([join(monorepo, 'services', 'churn'), '--format', 'html', '--out-dir', out], { env: EPOCH });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/report\.templateDir ignored: templates from the audited repository/);
    expect(await report(out)).not.toContain('<script');
  });

  it('replaced by the person running the audit still cannot drop the Content-Security-Policy', async () => {
    const repo = await fixture('notebook-poc');
    const page = '<!doctype html><html><head><script>alert(1)</script><title>{{title}}</title></head><body>{{title}}</body></html>';
    const templates = await tempDir({ 'report.html.hbs': page });
    const out = await tempDir();
    const result = await cli([repo, '--format', 'html', '--out-dir', out, '--template-dir', templates], { env: EPOCH });
    expect(result.code, result.stderr).toBe(0);
    const html = await report(out);
    // The policy comes first, so nothing the template wrote runs before it applies.
    expect(html).toMatch(/^<!DOCTYPE html>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*">/);
    expect(html.match(/<!doctype/gi)).toHaveLength(1);
  });

  it('from a configuration inside the repository may embed the repository\'s own logo', async () => {
    const repo = await fixture('notebook-poc');
    await writeFile(join(repo, 'logo.svg'), LOGO);
    await writeFile(join(repo, '.scale-audit.yaml'), 'version: 1\nreport:\n  logo: logo.svg\n');
    const out = await tempDir();
    const result = await cli([repo, '--format', 'html', '--out-dir', out], { env: EPOCH });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('ignored');
    expect(await report(out)).toContain('<img src="data:image/svg+xml;base64,');
  });
});

describe('branding mistakes', () => {
  it.each([
    [['--logo', 'missing.png'], /missing\.png: cannot read the image \(--logo\): no such file/],
    [['--logo', 'README.md'], /README\.md: --logo: not a PNG, JPEG, GIF, WebP or SVG image/],
    [['--template-dir', 'no-such-dir'], /no-such-dir: --template-dir: no such directory/],
    [['--template-dir', '.'], /--template-dir: no templates here/],
    [['--client', '  '], /--client: expected some text, got nothing/],
  ])('%j is one line, exit 2, before the scan and with nothing written', async (flags, message) => {
    const repo = await fixture('notebook-poc');
    await writeFile(join(repo, 'README.md'), '# not an image\n');
    const out = join(await tempDir(), 'out');
    const result = await cli(['.', '--format', 'html,json', '--out-dir', out, ...flags], { cwd: repo });
    expectUsageError(result, message);
    expect(existsSync(out)).toBe(false);
  });

  it('a template asking for a field that does not exist names the directory and writes nothing', async () => {
    const repo = await fixture('notebook-poc');
    const templates = await tempDir({ 'partials/cover.hbs': '<h1>{{clinet}}</h1>' });
    const out = join(await tempDir(), 'out');
    const result = await cli([repo, '--format', 'html,json', '--out-dir', out, '--template-dir', templates]);
    expectUsageError(result, /template error: "clinet" not defined/);
    expect(result.stderr).toContain(templates);
    expect(existsSync(out)).toBe(false);
  });
});
