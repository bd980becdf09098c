import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlRenderer, htmlView } from '../../src/render/html.js';
import { builtInTemplates, precompiledPage } from '../../src/render/page-template.js';
import { PACKAGE_ROOT } from '../../src/util/package-root.js';
import { hostileReport } from '../helpers/hostile-report.js';
import { tempDir } from '../helpers/temp.js';

describe('the built-in HTML pages, compiled at build time', () => {
  it('give the same bytes as the templates compiled when the report is rendered', async () => {
    const precompiled = await precompiledPage('report.html.hbs', await builtInTemplates('report.html.hbs'));
    expect(precompiled, 'npm run build compiles the templates').not.toBeNull();
    // A --template-dir holding the built-in stylesheet changes nothing but makes the page compile.
    const same = await tempDir({ 'styles.css': await readFile(join(PACKAGE_ROOT, 'templates', 'styles.css'), 'utf8') });
    const report = await hostileReport();
    expect(precompiled!(htmlView(report))).toBe((await htmlRenderer(same))(report, { color: false, logo: null }));
  });

  it('are not used once a template differs from the one compiled', async () => {
    const current = await builtInTemplates('report.html.hbs');
    const edited = { ...current, page: { ...current.page!, text: `${current.page!.text}<!-- edited -->` } };
    expect(await precompiledPage('report.html.hbs', edited)).toBeNull();
  });
});
