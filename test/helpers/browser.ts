import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type ConsoleMessage, type Dialog, type Page, type Request } from 'playwright-core';
import { tempDir } from './temp.js';

/*
 * The HTML report is checked in a real Chromium, the system one: playwright-core downloads no
 * browser. A developer without Chromium gets the tests skipped; CI sets SCALE_AUDIT_BROWSER=require
 * once it has installed Chromium, so that they can never skip there unnoticed.
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.SCALE_AUDIT_BROWSER === 'require';
const present = existsSync(CHROMIUM_PATH);

/** For `describe.skipIf`: no Chromium here, and nobody demanded one. */
export const noBrowser = !present && !required;
if (noBrowser) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM_PATH} (install it or set CHROMIUM_PATH; SCALE_AUDIT_BROWSER=require makes this a failure)`);

async function launch(): Promise<Browser> {
  if (!present) throw new Error(`SCALE_AUDIT_BROWSER=require, but there is no Chromium at ${CHROMIUM_PATH}: install the chromium package or set CHROMIUM_PATH`);
  // Chromium's sandbox refuses to start as root, which is how CI containers run.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}

/**
 * One browser per test process, shared by every browser test file the process runs: starting
 * Chromium costs more than most of their tests. Playwright closes it when the process exits.
 */
let started: Promise<Browser> | undefined;

/** The browser, for the enclosing `describe`: started before its first test. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await (started ??= launch());
  });
  return () => {
    if (!browser) throw new Error('the browser did not start');
    return browser;
  };
}

/** A laptop's first screen, the one the report's overview is laid out for. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
export const MOBILE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 };

/**
 * Pages kept open for the next report with the same options: a new page costs Chromium a renderer
 * process (about a second of CPU on this project's CI machine), loading another file into an open
 * page a fraction of that. A page goes back only after a test that did not fail with it, its
 * listeners removed and its media emulation undone; a report is always loaded afresh.
 */
const idlePages = new Map<string, Page[]>();

/**
 * One browser context for the pages that differ only in their viewport, which each page sets: a
 * context costs Chromium more than the page itself (its own renderers, as an incognito window
 * has). The reports run no script and store nothing, so their pages have nothing to share in it.
 */
const contexts = new Map<string, Promise<BrowserContext>>();

async function newContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  // The test's own timeout bounds it; Playwright's 30 s default would fire first on a busy machine
  // (a full-page screenshot of the long report takes seconds even on an idle one).
  context.setDefaultTimeout(0);
  return context;
}

async function takePage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const idle = idlePages.get(JSON.stringify(options))?.pop();
  if (idle) return idle;
  const { viewport, ...shared } = options;
  const key = JSON.stringify(shared);
  if (!contexts.has(key)) contexts.set(key, newContext(browser, shared));
  const page = await (await contexts.get(key)!).newPage();
  if (viewport) await page.setViewportSize(viewport);
  return page;
}

async function givePage(options: BrowserContextOptions, opened: OpenedReport): Promise<void> {
  opened.stopListening();
  await opened.page.emulateMedia({ media: null, colorScheme: null, reducedMotion: null, forcedColors: null });
  const key = JSON.stringify(options);
  idlePages.set(key, [...(idlePages.get(key) ?? []), opened.page]);
}

/** Opens the report in a page with these options (its viewport, colour scheme…), runs `work` on it, then frees the page. */
export async function withReport<T>(browser: Browser, options: BrowserContextOptions, html: string, work: (opened: OpenedReport) => Promise<T>): Promise<T> {
  const opened = await openReport(await takePage(browser, options), html);
  let result: T;
  try {
    result = await work(opened);
  } catch (error) {
    await opened.page.close();
    throw error;
  }
  await givePage(options, opened);
  return result;
}

/**
 * One report opened once for the enclosing `describe`, for the tests that only look at it: opening
 * the long report costs a second or more each time on a busy machine. A test that scrolls must not
 * rely on where another left the page (`scrollToTop` first where it matters).
 */
export function useOpenedReport(browser: () => Browser, options: BrowserContextOptions, html: string): () => OpenedReport {
  let opened: OpenedReport | undefined;
  let failed = false;
  beforeAll(async () => {
    opened = await openReport(await takePage(browser(), options), html);
  });
  afterEach(({ task }) => {
    failed ||= task.result?.state === 'fail';
  });
  afterAll(async () => {
    if (!opened) return;
    // A page some test failed with may be in any state: it is closed, not kept.
    if (failed) await opened.page.close();
    else await givePage(options, opened);
  });
  return () => {
    if (!opened) throw new Error('the report did not open');
    return opened;
  };
}

/** Back to the first screen, as the page opens. */
export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
}

/** A report open in a page, with everything the page did that a report must never do. */
export interface OpenedReport {
  page: Page;
  url: string;
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Stops recording what the page does (before the page serves another report). */
  stopListening(): void;
}

/** Opens the HTML from a file on disk, as a consultant's client opens an e-mailed attachment. */
async function openReport(page: Page, html: string): Promise<OpenedReport> {
  const url = pathToFileURL(join(await tempDir({ 'report.html': html }), 'report.html')).href;
  const onRequest = (request: Request) => opened.requests.push(request.url());
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error') opened.consoleErrors.push(message.text());
  };
  const onPageError = (error: Error) => opened.pageErrors.push(error.message);
  const onDialog = (dialog: Dialog) => {
    opened.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  };
  const opened: OpenedReport = {
    page,
    url,
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    stopListening: () => {
      page.off('request', onRequest);
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('dialog', onDialog);
    },
  };
  page.on('request', onRequest);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('dialog', onDialog);
  await page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** The page requested nothing but itself and logged no error: a Content-Security-Policy violation would log one. */
export function expectQuiet({ url, requests, consoleErrors, pageErrors }: OpenedReport): void {
  expect(requests).toEqual([url]);
  expect(consoleErrors).toEqual([]);
  expect(pageErrors).toEqual([]);
}

/** Where screenshots and the PDF go, for a human (or CI's artifact upload) to look at. */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

export async function artifactPath(name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export async function writeArtifact(name: string, bytes: Uint8Array): Promise<string> {
  const path = await artifactPath(name);
  await writeFile(path, bytes);
  return path;
}
