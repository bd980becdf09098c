/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { artifactPath, DESKTOP, expectQuiet, MOBILE, noBrowser, scrollToTop, useBrowser, useOpenedReport, withReport, type OpenedReport } from '../helpers/browser.js';
import { richFullHtml, richHtml } from './reports.js';
import { where } from './where.js';

/** What a reader must see without scrolling on a laptop: the answer to "where do we stand, what does it cost". */
const FIRST_SCREEN = [
  ...['score', 'level', 'confidence', 'weakest', 'ml-test-score', 'budget', 'timeline'].map((field) => `#overview [data-field="${field}"]`),
  '[data-field="client"]',
  '[data-field="author"]',
  '#level-ladder',
  '#top-risks',
  '.logo img',
];
const CHARTS = ['#chart-categories', '#chart-roadmap'];
const FURTHER_DOWN = [...CHARTS, '#roadmap', '#business', '#questions', '#full-report'];
const FULL_ONLY = ['#findings', '#appendix', ...['answers-used', 'scoring-model', 'methodology', 'sources'].map((id) => `#appendix #${id}`)];
/** The body of a finding folded away with the passed ones. */
const PASSED_BODY = 'details.passed details.finding > dl';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/**
 * Taken on the page the reading tests opened, as paper or a dark screen shows it where `media` says
 * so (emulated for the shot, then back); `context` says what needs a page of its own.
 */
const SCREENSHOTS: ReadonlyArray<{ file: string; context?: BrowserContextOptions; fullPage: boolean; media?: { media?: 'print'; colorScheme?: 'dark' } }> = [
  { file: 'report-desktop.png', fullPage: false },
  { file: 'report-desktop-full.png', fullPage: true },
  { file: 'report-mobile.png', context: MOBILE, fullPage: false },
  { file: 'report-print.png', fullPage: false, media: { media: 'print' } },
  { file: 'report-dark.png', fullPage: false, media: { colorScheme: 'dark' } },
];

describe.skipIf(noBrowser)('the HTML report in Chromium', () => {
  const browser = useBrowser();
  const open = <T>(options: BrowserContextOptions, work: (opened: OpenedReport) => Promise<T>) => withReport(browser(), options, richHtml, work);
  /** The executive report on a laptop, for the tests that only read it, print it or photograph it. */
  const desktop = useOpenedReport(browser, DESKTOP, richHtml);
  const onDesktop = <T>(work: (opened: OpenedReport) => Promise<T>) => work(desktop());
  /** The full report on a laptop, for the tests that read it. */
  const full = useOpenedReport(browser, DESKTOP, richFullHtml);

  it('requests nothing but itself and reports no error, so its own styles and images obey its policy', () => onDesktop(async (opened) => expectQuiet(opened)));

  it('shows the overview, the level ladder, the top risks, the cover and the logo in the first screen', () =>
    onDesktop(async ({ page }) => {
      await scrollToTop(page);
      expect(['whole', 'partly'], '#overview').toContain(await where(page, '#overview'));
      expect(await page.locator('#level-ladder').getAttribute('role')).toBe('img');
      expect(await page.locator('#top-risks li').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('#top-risks li').count()).toBeLessThanOrEqual(5);
      for (const selector of FIRST_SCREEN) expect(await where(page, selector), selector).toBe('whole');
    }));

  it('has the charts, roadmap, business case and questions further down, and says where the full report is', () =>
    onDesktop(async ({ page }) => {
      for (const selector of FURTHER_DOWN) {
        await page.locator(selector).first().scrollIntoViewIfNeeded();
        expect(['whole', 'partly'], selector).toContain(await where(page, selector));
      }
      for (const selector of FULL_ONLY) expect(await where(page, selector), selector).toBe('missing');
      for (const selector of CHARTS) {
        // A chart is text and bars, with a caption that says how to read it.
        expect((await page.locator(`${selector} figcaption`).textContent())?.trim(), `${selector} caption`).toBeTruthy();
        expect(await page.locator(`${selector} li`).count(), selector).toBeGreaterThan(0);
      }
    }));

  it('has the findings and the appendix in the full report', async () => {
    const { page } = full();
    for (const selector of FULL_ONLY) {
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      expect(['whole', 'partly'], selector).toContain(await where(page, selector));
    }
  });

  it('folds the passed findings on screen and unfolds them on paper', async () => {
    const { page } = full();
    const folds = page.locator('details.passed');
    expect(await folds.count()).toBeGreaterThan(0);
    expect(await folds.evaluateAll((details) => details.filter((fold) => (fold as HTMLDetailsElement).open).length)).toBe(0);
    expect(await where(page, PASSED_BODY)).toBe('hidden');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(['whole', 'partly', 'elsewhere']).toContain(await where(page, PASSED_BODY));
    } finally {
      await page.emulateMedia({ media: null });
    }
  });

  it.each(SCREENSHOTS)('writes the screenshot $file', ({ file, context, fullPage, media }) => {
    const shoot = async ({ page }: OpenedReport) => {
      if (media) await page.emulateMedia(media);
      const path = await artifactPath(file);
      try {
        await page.screenshot({ path, fullPage });
      } finally {
        if (media) await page.emulateMedia({ media: null, colorScheme: null });
      }
      expect((await readFile(path)).subarray(0, PNG.length)).toEqual(PNG);
    };
    return context ? open(context, shoot) : onDesktop(async (opened) => (await scrollToTop(opened.page), shoot(opened)));
  });

});
