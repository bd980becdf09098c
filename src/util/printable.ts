/*
 * Text from the audited repository, an answers file, a rule pack or a flag reaches terminals, CI
 * logs, Markdown, HTML and SARIF. A control character there is a command: ESC clears or retitles
 * a terminal, BEL rings, C1 codes act as ESC sequences, and a line break starts a new log line
 * that CI systems read as a workflow command (`::error::…` in GitHub Actions). So every output
 * shows them as visible escapes, and one-line contexts fold line breaks into spaces and never
 * begin with a workflow command's marker.
 *
 * A credential can reach outputs the same way, in a file or directory name (`keys/ghp_….pem`)
 * that findings, evidence and warnings quote: every output redacts provider formats too.
 */
import { redactFormats } from '../scan/secret-patterns.js';

/** C0 controls other than tab and line breaks, DEL and C1: never meaningful as text. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Everything that ends a line somewhere (terminals, JavaScript, log viewers), and tabs. */
const LINE_BREAKS = /\r\n|[\t\n\r\u2028\u2029]/g;
/** GitHub Actions reads `::command::` and `##[command]` at the start of a line, after any indentation. */
const COMMAND_START = /^(\s*)(::|##\[)/;

function escaped(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Text safe to show: provider-format credentials redacted, control characters as visible escapes
 * (`\u001b`); tabs and line breaks kept, for multi-line text.
 */
export function safeText(text: string): string {
  return redactFormats(text).replace(CONTROLS, escaped);
}

/**
 * Text for one line of output: line breaks and tabs become spaces, credentials redacted, control
 * characters visible escapes, and a leading workflow-command marker gets a backslash (text that starts an output line,
 * such as a category title, cannot be a command).
 */
export function printable(text: string): string {
  return safeText(text.replace(LINE_BREAKS, ' ')).replace(COMMAND_START, '$1\\$2');
}

/**
 * A copy of a plain value (a report, a view) with `clean` applied to every string in it, keys
 * included: a renderer that takes it cannot write a raw control character, whatever field it shows.
 * `clean` must be pure: each distinct string is cleaned once (a report repeats its keys, statuses
 * and titles thousands of times, and cleaning runs some thirty patterns).
 */
export function cleanStrings<T>(value: T, clean: (text: string) => string): T {
  const cleaned = new Map<string, string>();
  const once = (text: string): string => {
    let result = cleaned.get(text);
    if (result === undefined) cleaned.set(text, (result = clean(text)));
    return result;
  };
  return cleanedCopy(value, once);
}

function cleanedCopy<T>(value: T, clean: (text: string) => string): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cleanedCopy(item, clean)) as T;
  // Only plain data: anything else (a function, a class instance) is the renderer's own.
  if (value === null || typeof value !== 'object') return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [clean(key), cleanedCopy(item, clean)])) as T;
}
