import type { PathContext } from '../../scan/facts.js';
import { byLocation } from '../../util/compare.js';
import { matchesAny } from '../../util/glob.js';
import type { Evidence } from '../finding.js';

/** Enough evidence to check a claim; the rest is counted, not listed. */
const MAX_EVIDENCE = 5;

/** Paths count in the project's own code unless a check's `in` says otherwise. */
export const DEFAULT_CONTEXTS: readonly PathContext[] = ['project'];

export function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function capped(items: Evidence[], noun: string): Evidence[] {
  if (items.length <= MAX_EVIDENCE) return items;
  const rest = items.length - MAX_EVIDENCE;
  return [...items.slice(0, MAX_EVIDENCE), { kind: items[0]!.kind, detail: `and ${rest} more ${noun}` }];
}

export function contextWords(contexts: readonly PathContext[]): string {
  return contexts.length === 1 && contexts[0] === 'project' ? '' : ` (in ${contexts.join(', ')} paths)`;
}

/** "a, b or c", for evidence that says what was searched for. */
export function alternatives(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Which code locations count: those in the wanted contexts and, if given, matching a glob. */
export function placeFilter(contexts: readonly PathContext[], globs: string | string[] | undefined): (place: { path: string; context: PathContext }) => boolean {
  const patterns = list(globs);
  return (place) => contexts.includes(place.context) && (patterns.length === 0 || matchesAny(place.path, patterns));
}

export function globWords(globs: string | string[] | undefined): string {
  const patterns = list(globs);
  return patterns.length === 0 ? '' : ` (in ${alternatives(patterns)} files)`;
}

export function sortEvidence(evidence: Evidence[]): Evidence[] {
  return evidence.sort(byLocation);
}
