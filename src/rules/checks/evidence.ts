import type { PathContext } from '../../scan/facts.js';
import { byLocation } from '../../util/compare.js';
import { matchesAny } from '../../util/glob.js';
import { counted } from '../../util/plural.js';
import type { Evidence } from '../finding.js';

/** Enough evidence to check a claim; the rest is counted, not listed. */
const MAX_EVIDENCE = 5;

/** Paths count in the project's own code unless a check's `in` says otherwise. */
export const DEFAULT_CONTEXTS: readonly PathContext[] = ['project'];

export function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first few items and "and 7 more files"; one item more is shown rather than counted, so the count is never "1 more files". */
export function capped(items: Evidence[], noun: string): Evidence[] {
  if (items.length <= MAX_EVIDENCE + 1) return items;
  const rest = items.length - MAX_EVIDENCE;
  return [...items.slice(0, MAX_EVIDENCE), { kind: items[0]!.kind, detail: `and ${rest} more ${noun}` }];
}

/** Where a check looked, in words; the project's archived folders beside its own code are the same repository, and go unsaid. */
export function contextWords(contexts: readonly PathContext[]): string {
  const named = contexts.includes('project') ? contexts.filter((context) => context !== 'archive') : contexts;
  return named.length === 1 && named[0] === 'project' ? '' : ` (in ${named.join(', ')} paths)`;
}

/** "a, b or c", for evidence that says what was searched for. */
export function alternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** An evidence line names at most this many things looked for, in at most this many characters; the rest are counted there and named in full once per report. */
const NAMED_INLINE = 3;
const INLINE_CHARACTERS = 100;

/**
 * What a check looked for and did not find, short enough for an evidence line: `words` name the
 * first few things briefly and count the rest, `searched` (when there is more to say) names
 * everything, for the report's note on what was searched. `items` are the things' full
 * descriptions, `names` their brief ones; `noun` counts the rest ("other packages").
 */
export function sought(names: readonly string[], items: readonly string[], noun: readonly [one: string, many: string]): { words: string; searched?: string } {
  const shown = (count: number) =>
    count === names.length ? alternatives(names) : `${names.slice(0, count).join(', ')} or ${counted(names.length - count, `other ${noun[0]}`, `other ${noun[1]}`)}`;
  let count = names.length <= NAMED_INLINE ? names.length : NAMED_INLINE - 1;
  while (count > 1 && shown(count).length > INLINE_CHARACTERS) count--;
  const words = shown(count);
  const more = count < names.length || items.some((item, i) => item !== names[i]);
  return more ? { words, searched: alternatives(items) } : { words };
}

/** "a model validation gate (mlflow.evaluate, …)" → "model validation gate": a description's name, after "no". */
export function briefName(description: string): string {
  // Whole runs outside the brackets are copied, and the brackets found by indexOf, each of the two
  // searches going on from its own last find: descriptions list dozens of names, and every missing
  // signal is described this way (the 50-file audit describes 600, ~110,000 characters, mostly
  // before the interpreter's code is optimised), a character at a time ~4 ms of its CPU.
  let depth = 0;
  let out = '';
  let start = 0;
  let open = description.indexOf('(');
  let close = description.indexOf(')');
  while (open >= 0 || close >= 0) {
    if (open >= 0 && (close < 0 || open < close)) {
      if (depth++ === 0) out += description.slice(start, open);
      open = description.indexOf('(', open + 1);
    } else {
      if (depth > 0 && --depth === 0) start = close + 1;
      close = description.indexOf(')', close + 1);
    }
  }
  if (depth === 0) out += description.slice(start);
  return out.replace(/\s+/g, ' ').trim().replace(/^(?:a|an|the) /i, '');
}

/** The searches of one evidence line, as one note: "the CI pipelines a.yml, b.yml or c.yml; environments dev or qa". */
export function searchedParts(...parts: Array<string | undefined>): { searched: string } | Record<string, never> {
  const named = parts.filter((part): part is string => part !== undefined);
  return named.length === 0 ? {} : { searched: named.join('; ') };
}

/** " among 3 Kubernetes objects", or " (there are no Kubernetes objects)": where a check looked. */
export function among(count: number, one: string, many: string): string {
  return count === 0 ? ` (there are no ${many})` : ` among ${counted(count, one, many)}`;
}

/** Which code locations count: those in the wanted contexts and, if given, matching a glob. */
export function placeFilter(contexts: readonly PathContext[], globs: string | string[] | undefined): (place: { path: string; context: PathContext }) => boolean {
  const patterns = list(globs);
  return (place) => contexts.includes(place.context) && (patterns.length === 0 || matchesAny(place.path, patterns));
}

/** " (in *.py files)": which files a search read; more than a few patterns are counted, and named by `globsSearched`. */
export function globWords(globs: string | string[] | undefined): string {
  const patterns = list(globs);
  if (patterns.length === 0) return '';
  return patterns.length <= NAMED_INLINE ? ` (in ${alternatives(patterns)} files)` : ` (in ${patterns.length} kinds of files)`;
}

/** The file patterns `globWords` only counted, for the note on what was searched. */
export function globsSearched(globs: string | string[] | undefined): string {
  const patterns = list(globs);
  return patterns.length <= NAMED_INLINE ? '' : ` in ${alternatives(patterns)} files`;
}

/**
 * Matches in modules first, then in notebooks, each by location: a module is where a practice runs,
 * a notebook where it was tried, and a report's first lines (the rest are capped) should show the former.
 */
export function sortEvidence(evidence: Evidence[]): Evidence[] {
  const inNotebook = (item: Evidence) => (item.path?.endsWith('.ipynb') ? 1 : 0);
  return evidence.sort((a, b) => inNotebook(a) - inNotebook(b) || byLocation(a, b));
}
