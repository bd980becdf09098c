/*
 * Text from the audited repository, an answers file, a rule pack or a flag reaches terminals, CI
 * logs, Markdown, HTML and SARIF. A control character there is a command: ESC clears or retitles
 * a terminal, BEL rings, C1 codes act as ESC sequences, a carriage return overwrites what a line
 * showed, bidirectional overrides (U+202E) make text read other than it is, and a line break starts
 * a new log line that CI systems read as a workflow command (`::error::…` in GitHub Actions). Azure
 * Pipelines runs `##vso[…]` wherever it appears in a line. So every output shows them as visible
 * escapes, no line starts with a workflow command's marker, and one-line contexts fold line
 * breaks into spaces.
 *
 * A credential can reach outputs the same way, in a file or directory name (`keys/ghp_….pem`)
 * that findings, evidence and warnings quote: every output redacts provider formats too.
 */
import { redactFormats } from '../scan/secret-patterns.js';

/**
 * C0 controls other than tab and line feed, DEL, C1, the bidirectional formatting characters and
 * the Unicode line and paragraph separators: never meaningful as text in a report.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** Everything that ends a line somewhere (terminals, JavaScript, log viewers), and tabs. */
const LINE_BREAKS = /\r\n|[\t\n\r\u2028\u2029]/g;
/** GitHub Actions reads `::command::` and `##[command]` at the start of a line, after any indentation. */
const COMMAND_START = /^([^\S\n]*)(::|##\[)/gm;
/** Azure Pipelines reads `##vso[command]` anywhere in a line: its bracket is written as an escape. */
const AZURE_COMMAND = /(##vso)\[/gi;

function escaped(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Text safe to show: provider-format credentials redacted, control characters as visible escapes
 * (`\u001b`), a workflow-command marker at the start of any line with a backslash before it, and
 * `##vso[` as `##vso\u005b`; tabs and line feeds kept, for multi-line text. In a JSON document every
 * escape it writes is JSON's own, so the document still holds the exact text.
 */
export function safeText(text: string): string {
  return redactFormats(text).replace(CONTROLS, escaped).replace(AZURE_COMMAND, '$1\\u005b').replace(COMMAND_START, '$1\\$2');
}

/**
 * Text for one line of output: line breaks and tabs become spaces, then as `safeText` (text that
 * starts an output line, such as a category title, cannot be a command).
 */
export function printable(text: string): string {
  return safeText(text.replace(LINE_BREAKS, ' '));
}

/** Applies `clean` to each distinct string once: a report repeats its keys, statuses and titles thousands of times, and cleaning runs some thirty patterns. */
function cleanedOnce(clean: (text: string) => string): (text: string) => string {
  const cleaned = new Map<string, string>();
  return (text) => {
    let result = cleaned.get(text);
    if (result === undefined) cleaned.set(text, (result = clean(text)));
    return result;
  };
}

/** Plain data (an object literal, a parsed JSON object, an array) as opposed to a function or class instance, which are the renderer's own. */
function isPlainData(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A copy of a plain value (a report, a view) with `clean` applied to every string in it, keys
 * included: a renderer that takes it cannot write a raw control character, whatever field it shows.
 * `clean` must be pure.
 */
export function cleanStrings<T>(value: T, clean: (text: string) => string): T {
  return cleanedCopy(value, cleanedOnce(clean));
}

function cleanedCopy<T>(value: T, clean: (text: string) => string): T {
  if (typeof value === 'string') return clean(value) as T;
  if (value === null || typeof value !== 'object' || !isPlainData(value)) return value;
  return copiedWith(value, clean, (item) => cleanedCopy(item, clean)) as T;
}

/** Plain data copied one level: keys through `cleanKey`, values through `copyValue`. */
function copiedWith(value: object, cleanKey: (key: string) => string, copyValue: (item: unknown) => unknown): object {
  if (Array.isArray(value)) return value.map(copyValue);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[cleanKey(key)] = copyValue((value as Record<string, unknown>)[key]);
  return copy;
}

/**
 * The same guarantee as `cleanStrings` for a reader that shows only part of a large value (an HTML
 * page shows a few hundred of the view's twenty thousand strings): each string is cleaned when it
 * is read, through a read-only view of the value, instead of copying all of it first. An object
 * that a view cannot stand for exactly, because it has a key that cleaning changes or is frozen
 * (a proxy must return a frozen object's own values), is copied one level deep, with cleaned keys
 * and its values seen through views in turn.
 */
export function cleanedOnRead<T extends object>(value: T, clean: (text: string) => string): T {
  const once = cleanedOnce(clean);
  const views = new WeakMap<object, object>();
  const handler: ProxyHandler<object> = {
    get: (target, key) => {
      const item: unknown = Reflect.get(target, key);
      return typeof key === 'string' ? read(item) : item;
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  const read = (item: unknown): unknown => {
    if (typeof item === 'string') return once(item);
    if (item === null || typeof item !== 'object' || !isPlainData(item)) return item;
    let view = views.get(item);
    if (view === undefined) {
      const exact = Object.isExtensible(item) && Object.keys(item).every((key) => once(key) === key);
      view = exact ? new Proxy(item, handler) : copiedWith(item, once, read);
      views.set(item, view);
    }
    return view;
  };
  return read(value) as T;
}
