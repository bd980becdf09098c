/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/**
 * Where the first element matching a selector is for the reader: not in the page, in the page but
 * not rendered (a folded `<details>`, `display: none`), wholly or partly inside the viewport, or
 * rendered but scrolled out of it.
 */
export type Where = 'missing' | 'hidden' | 'whole' | 'partly' | 'elsewhere';

export function where(page: Page, selector: string): Promise<Where> {
  return page.evaluate((selector): Where => {
    const element = document.querySelector(selector);
    if (!element) return 'missing';
    const box = element.getBoundingClientRect();
    if (!element.checkVisibility({ visibilityProperty: true }) || box.width === 0 || box.height === 0) return 'hidden';
    if (box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth) return 'whole';
    return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth ? 'partly' : 'elsewhere';
  }, selector);
}
