import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations, isDevName } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { lowerBound } from '../source-lines.js';

interface SetupArgument {
  pattern: RegExp;
  open: '[' | '{';
  /** `group` is the extra's name inside `extras_require`, null in a plain list. */
  dev: (group: string | null) => boolean;
  /** Worth a warning when it is computed: it holds the runtime dependencies. */
  essential: boolean;
}

const SETUP_ARGUMENTS: SetupArgument[] = [
  { pattern: /\binstall_requires["']?\s*[=:]\s*/g, open: '[', dev: () => false, essential: true },
  { pattern: /\btests_require["']?\s*[=:]\s*/g, open: '[', dev: () => true, essential: false },
  { pattern: /\bextras_require["']?\s*[=:]\s*/g, open: '{', dev: (group) => group !== null && isDevName(group), essential: false },
];

function readSetupPy(file: FileContent, warn: Warn): ManifestRead {
  const { text, path } = file;
  const out = new Declarations(path, warn);
  const lineAt = lineLocator(text);
  const assignments = literalAssignments(text);
  const literals: Array<{ argument: SetupArgument; open: number }> = [];
  for (const argument of SETUP_ARGUMENTS) {
    const uses = [...text.matchAll(argument.pattern)];
    const opens = uses.flatMap((use) => literalOpening(text, use.index + use[0].length, argument.open, assignments) ?? []);
    const first = uses[0];
    if (argument.essential && first && opens.length === 0) {
      warn({ path, line: lineAt(first.index), message: 'install_requires is computed when setup.py runs; could not read it statically' });
    }
    for (const open of opens) literals.push({ argument, open });
  }
  // In text order, a list reached twice (`install_requires=install_requires`) or nested in one
  // already read is skipped, so each character is scanned once however the file is written.
  literals.sort((a, b) => a.open - b.open);
  let readUntil = -1;
  for (const { argument, open } of literals) {
    if (open <= readUntil) continue;
    const literal = pythonLiteral(text, open);
    if (!literal) {
      warn({ path, line: lineAt(open), message: 'a dependency list never closes; could not read it' });
      break;
    }
    readUntil = literal.end;
    for (const { value, offset, group } of groupedStrings(literal.strings)) out.requirement(value, lineAt(offset), argument.dev(group));
  }
  return { kind: 'setup.py', ecosystem: 'pypi', declarations: out.list, managers: ['setuptools'] };
}

/** Where each `NAME = [` or `NAME = {` at the start of a line opens its literal (the first, by name and bracket). */
function literalAssignments(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of text.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([[{])/gm)) {
    const key = `${match[1]}${match[2]}`;
    if (!found.has(key)) found.set(key, match.index + match[0].length - 1);
  }
  return found;
}

const PLAIN_VARIABLE = /[A-Za-z_]\w*(?=\s*(?:[,)}\]#]|$))/my;

/** Where the literal given at `at` opens, following a plain variable to its assignment; null when it is computed. */
function literalOpening(text: string, at: number, open: '[' | '{', assignments: ReadonlyMap<string, number>): number | null {
  if (text[at] === open) return at;
  PLAIN_VARIABLE.lastIndex = at;
  const name = PLAIN_VARIABLE.exec(text)?.[0];
  return name === undefined ? null : (assignments.get(`${name}${open}`) ?? null);
}

interface PythonString {
  value: string;
  offset: number;
  /** Followed by `:`, i.e. a dict key. */
  key: boolean;
}

/** The string literals in the bracketed Python expression opening at `open` and where it closes; null when it never does. */
function pythonLiteral(text: string, open: number): { strings: PythonString[]; end: number } | null {
  const strings: PythonString[] = [];
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index]!;
    if (char === '#') {
      const newline = text.indexOf('\n', index);
      if (newline < 0) return null;
      index = newline;
    } else if (char === '"' || char === "'") {
      const quote = text.startsWith(char.repeat(3), index) ? char.repeat(3) : char;
      const end = stringEnd(text, index + quote.length, quote);
      if (end < 0) return null;
      const after = /\s*:/y;
      after.lastIndex = end + quote.length;
      strings.push({ value: text.slice(index + quote.length, end), offset: index, key: after.test(text) });
      index = end + quote.length - 1;
    } else if ('[({'.includes(char)) {
      depth++;
    } else if (')]}'.includes(char) && --depth === 0) {
      return { strings, end: index };
    }
  }
  return null;
}

/** Index of the closing quote, skipping escapes; -1 when the string does not close (a single-quoted one at the line's end). */
function stringEnd(text: string, from: number, quote: string): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text.startsWith(quote, index)) return index;
    else if (quote.length === 1 && text[index] === '\n') return -1;
  }
  return -1;
}

/** Values with the dict key they belong to (`extras_require`), or null for a plain list. */
function groupedStrings(strings: readonly PythonString[]): Array<{ value: string; offset: number; group: string | null }> {
  let group: string | null = null;
  const values: Array<{ value: string; offset: number; group: string | null }> = [];
  for (const string of strings) {
    if (string.key) group = string.value;
    else values.push({ value: string.value, offset: string.offset, group });
  }
  return values;
}

function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  // The line number is the count of lines starting at or before the offset.
  return (offset) => lowerBound(starts, offset + 1);
}

/** `setup.py`, read for literal lists: it is never run. */
export const setupPy: ManifestFormat = { matches: (name) => name === 'setup.py', read: readSetupPy };
