import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
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

/** Runs `work` in a fresh context (its own viewport, colour scheme, cookies) and closes it after. */
export async function inContext<T>(browser: Browser, options: BrowserContextOptions, work: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  // The test's own timeout bounds it; Playwright's 30 s default would fire first on a busy machine
  // (a full-page screenshot of the long report takes seconds even on an idle one).
  context.setDefaultTimeout(0);
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/**
 * One report opened once for the enclosing `describe`, for the tests that only look at it: opening
 * the long report costs a second or more each time on a busy machine. A test that scrolls must not
 * rely on where another left the page (`scrollToTop` first where it matters).
 */
export function useOpenedReport(browser: () => Browser, options: BrowserContextOptions, html: string): () => OpenedReport {
  let context: BrowserContext | undefined;
  let opened: OpenedReport | undefined;
  beforeAll(async () => {
    context = await browser().newContext(options);
    // As in inContext: the test's own timeout bounds it.
    context.setDefaultTimeout(0);
    opened = await openReport(context, html);
  });
  afterAll(() => context?.close());
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
}

/** Opens the HTML from a file on disk, as a consultant's client opens an e-mailed attachment. */
export async function openReport(context: BrowserContext, html: string): Promise<OpenedReport> {
  const url = pathToFileURL(join(await tempDir({ 'report.html': html }), 'report.html')).href;
  const page = await context.newPage();
  const opened: OpenedReport = { page, url, requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') opened.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => opened.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
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
