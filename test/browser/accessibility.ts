/// <reference lib="dom" />
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, noBrowser, useBrowser, useOpenedReport } from '../helpers/browser.js';
import { richFullHtml, richHtml } from './reports.js';

describe.skipIf(noBrowser)('accessibility of the HTML report (axe-core, WCAG 2 A and AA)', () => {
  const browser = useBrowser();
  // Each page is opened once, as a reader's browser opens it (its policy forbids every script), its
  // colour scheme emulated by the test that reads it. axe is evaluated through the DevTools protocol,
  // which the policy does not govern; the pages are the laptop ones the other browser tests reuse.
  const reports = { executive: useOpenedReport(browser, DESKTOP, richHtml), full: useOpenedReport(browser, DESKTOP, richFullHtml) };

  it.each([
    ['executive', 'light'],
    ['executive', 'dark'],
    ['full', 'light'],
  ] as const)('has no violation in the %s report, %s colour scheme', async (report, colorScheme) => {
    const { page } = reports[report]();
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^[a-z]{2}/);
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
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
