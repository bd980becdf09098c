/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/compare/compare.js';
import { PortfolioBuilder } from '../../src/portfolio/portfolio.js';
import type { Page } from 'playwright-core';
import { noBrowser, useBrowser, useOpenedReport, withReport } from '../helpers/browser.js';
import { reportFromFiles } from '../helpers/report.js';
import { notebook, requirements, testWorkflow, trainScript } from '../helpers/repo-snippets.js';
import { hostileHtml, richFullHtml, richHtml } from './reports.js';
import { renderComparisonHtml, renderHtml, renderPortfolioHtml } from '../helpers/html.js';

/*
 * A client opens the report on a phone as often as on a laptop. At 360 px, the narrowest common
 * phone, nothing may scroll sideways (not the page, not a table in a scrolling box) and the text
 * of the charts keeps a size a person reads without zooming.
 */
const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, deviceScaleFactor: 2 };
/** The smallest chart text, in CSS pixels, that stays legible on a phone. */
const LEGIBLE = 12;

const before = await reportFromFiles({ 'notebooks/train.ipynb': notebook('import pandas as pd', '1'), 'requirements.txt': requirements('pandas') }, { name: 'churn-model-for-the-retail-bank' });
const after = await reportFromFiles(
  { 'src/churn/train.py': trainScript, 'requirements.txt': requirements('pandas==2.2.3', 'scikit-learn==1.5.2'), '.github/workflows/ci.yml': testWorkflow(), 'tests/test_train.py': 'def test_fit():\n    assert True\n' },
  { name: 'churn-model-for-the-retail-bank' },
);
/** A cloned repository's folder name as `owner__name` offers no place to break a line. */
const unbroken = await reportFromFiles({ 'src/train.py': trainScript }, { name: 'GoogleCloudPlatform__vertex_pipelines_end_to_end_samples' });
const portfolio = new PortfolioBuilder();
portfolio.add(before, 'reports/retail/churn-model-for-the-retail-bank.json');
portfolio.add({ ...after, target: { ...after.target, name: 'fraud-detection-realtime-scoring' } }, 'reports/payments/fraud-detection-realtime-scoring.json');

const PAGES: Array<[string, string]> = [
  ['the executive report', richHtml],
  ['the full report', richFullHtml],
  ['the report with hostile content', hostileHtml],
  ['the report on a repository whose name has no break', renderHtml(unbroken)],
  ['the comparison', renderComparisonHtml(compareReports(before, after))],
  ['the portfolio', renderPortfolioHtml(portfolio.finish())],
];

/** Unfold everything: what a reader opens must fit too, and its charts be legible. */
const unfold = (page: Page) => page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));

describe.skipIf(noBrowser)('on a 360 px phone', () => {
  const browser = useBrowser();
  /** The reports both tests read, opened once. */
  const reports = new Map(PAGES.slice(0, 2).map(([name, html]) => [name, useOpenedReport(browser, PHONE, html)]));
  const onPhone = <T>(name: string, html: string, work: (page: Page) => Promise<T>) => {
    const opened = reports.get(name);
    return opened ? work(opened().page) : withReport(browser(), PHONE, html, ({ page }) => work(page));
  };

  it.each(PAGES)('%s does not scroll sideways, nor does anything in it', (name, html) =>
    onPhone(name, html, async (page) => {
      await unfold(page);
      const wide = await page.evaluate(() => {
        const root = document.documentElement;
        const found = root.scrollWidth > root.clientWidth ? [`the page: ${root.scrollWidth} px`] : [];
        for (const element of document.querySelectorAll('body *')) {
          const box = element.getBoundingClientRect();
          if (box.width > 0 && box.right > root.clientWidth + 0.5) found.push(`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)} px`);
          if (element.scrollWidth > element.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(element).overflowX)) found.push(`${element.tagName.toLowerCase()}.${element.className} scrolls`);
        }
        return found.slice(0, 5);
      });
      expect(wide).toEqual([]);
    }));

  it.each([PAGES[0]!, PAGES[1]!])('%s keeps every chart label at a legible size', (name, html) =>
    onPhone(name, html, async (page) => {
      await unfold(page);
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll('figure.chart *')]
          .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '') && element.getBoundingClientRect().height > 0)
          .map((element) => ({ text: element.textContent!.trim().slice(0, 30), size: parseFloat(getComputedStyle(element).fontSize) })),
      );
      expect(sizes.length).toBeGreaterThan(10);
      expect(sizes.filter(({ size }) => size < LEGIBLE)).toEqual([]);
    }));
});
