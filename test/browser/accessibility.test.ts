/// <reference lib="dom" />
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, inContext, noBrowser, openReport, useBrowser } from '../helpers/browser.js';
import { richFullHtml, richHtml } from './reports.js';

describe.skipIf(noBrowser)('accessibility of the HTML report (axe-core, WCAG 2 A and AA)', () => {
  const browser = useBrowser();

  it.each([
    ['executive', 'light', richHtml],
    ['executive', 'dark', richHtml],
    ['full', 'light', richFullHtml],
  ] as const)('has no violation in the %s report, %s colour scheme', (_, colorScheme, html) =>
    // The report's policy forbids every script, axe included: only this context bypasses it.
    inContext(browser(), { ...DESKTOP, colorScheme, bypassCSP: true }, async (context) => {
      const { page } = await openReport(context, html);
      expect(await page.locator('html').getAttribute('lang')).toMatch(/^[a-z]{2}/);
      await page.addScriptTag({ content: axe.source });
      // One line per rule and element, with axe's summary: enough to find and fix it without rerunning axe.
      const violations = await page.evaluate(async (): Promise<string[]> => {
        const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
        return results.violations.flatMap((violation) =>
          violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'unknown impact'}) at ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`),
        );
      });
      expect(violations).toEqual([]);
    }));
});
