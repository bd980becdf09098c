/// <reference lib="dom" />
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, noBrowser, useBrowser, useOpenedReport } from '../helpers/browser.js';
import { richFullHtml, richHtml } from './reports.js';

describe.skipIf(noBrowser)('accessibility of the HTML report (axe-core, WCAG 2 A and AA)', () => {
  const browser = useBrowser();
  // The report's policy forbids every script, axe included: only these pages bypass it. Each is
  // opened once, its colour scheme emulated by the test that reads it.
  const reports = { executive: useOpenedReport(browser, { ...DESKTOP, bypassCSP: true }, richHtml), full: useOpenedReport(browser, { ...DESKTOP, bypassCSP: true }, richFullHtml) };

  it.each([
    ['executive', 'light'],
    ['executive', 'dark'],
    ['full', 'light'],
  ] as const)('has no violation in the %s report, %s colour scheme', async (report, colorScheme) => {
    const { page } = reports[report]();
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^[a-z]{2}/);
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
    // One line per rule and element, with axe's summary: enough to find and fix it without rerunning axe.
    const violations = await page.evaluate(async (): Promise<string[]> => {
      const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return results.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'unknown impact'}) at ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`),
      );
    });
    expect(violations).toEqual([]);
  });
});
