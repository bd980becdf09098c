/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { describe, expect, it } from 'vitest';
import { DESKTOP, expectQuiet, noBrowser, useBrowser, withReport } from '../helpers/browser.js';
import { IMG, SCRIPT } from '../helpers/hostile-report.js';
import { hostileHtml } from './reports.js';

/*
 * The unit tests read the HTML as text; here a browser parses it, as a client would, so that markup
 * which only a parser would build from the repository's strings is caught too.
 */
describe.skipIf(noBrowser)('a report of a hostile repository in Chromium', () => {
  const browser = useBrowser();

  it('runs nothing, loads nothing and shows the hostile strings as text', () =>
    withReport(browser(), DESKTOP, hostileHtml, async (opened) => {
      const dom = await opened.page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.toLowerCase().startsWith('on')).map((attribute) => `<${element.localName} ${attribute.name}>`)),
        images: [...document.images].map((image) => image.getAttribute('src') ?? '').filter((src) => !src.startsWith('data:')),
        text: document.body.innerText,
      }));
      expect(opened.dialogs).toEqual([]);
      expect(dom.scripts).toBe(0);
      expect(dom.handlers).toEqual([]);
      expect(dom.images).toEqual([]);
      expect(dom.text).toContain(SCRIPT);
      expect(dom.text).toContain(IMG);
      expectQuiet(opened);
    }));
});
