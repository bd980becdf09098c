import ignore, { type Ignore } from 'ignore';
import { literalAlternation } from '../util/regex-literals.js';

/*
 * `.gitignore` and `.git/info/exclude` rules. Each path is tested against every rule of every
 * ignore file above it, so a repository's own file sets the cost of the whole walk: a 100k-line
 * `.gitignore` over 2,000 files is 200 million tests. Repeated rules are dropped (the last of
 * equal rules is the one that decides), and past MAX_RULES the rest are not applied, with a
 * warning: the files they would leave out are scanned, which costs a little time, never a hang.
 */

/** Far above what real ignore files hold (GitHub's largest templates have a few hundred rules). */
export const MAX_RULES = 2_000;

export interface IgnoreRules {
  /** Directory the rules are relative to, '' for the root. */
  base: string;
  /**
   * For the rules of a directory above the walked root (the top of the monorepo it is a project
   * of, or a folder between): the root's path below that directory (`services/model`).
   */
  above?: string;
  matcher: Ignore;
  /** Pieces of the rules' text (lower-cased), each once: see `piecesOf`. */
  pieces: readonly string[];
  /** Any piece, in one test: most names hold none. Null when there are none. */
  anyPiece: RegExp | null;
  /**
   * For each rule, the indexes of its pieces, which every path it matches, or a directory above
   * it, holds in some case; none for a rule that shows none (`*`). Most entries of a directory
   * hold all of no rule's pieces, and the rules are then not run for them.
   */
  rulePieces: ReadonlyArray<readonly number[]>;
}

/** Ignore rules in force in a directory, and which of their pieces the directory's path (below their base) holds. */
export interface IgnoreScope {
  rules: IgnoreRules;
  held: Uint8Array;
}

/** Text whose case lower-casing folds as the library's case-insensitive matching does. */
const ASCII = /^[\x00-\x7f]*$/;

/** What separates the runs of a rule's text: wildcards, classes, escapes, and slashes, which a double star before or after may take away. */
const SEPARATORS = '\\[]*?/{},';

/**
 * The longest run of a rule's characters that every path it matches holds, in any case; empty
 * when the rule has none. A leading `!` is the rule's sign, not its text.
 */
function necessaryText(rule: string): string {
  const body = rule.trim().replace(/^!/, '');
  let best = '';
  let run = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (!SEPARATORS.includes(char)) {
      run += char;
      continue;
    }
    if (run.length > best.length) best = run;
    run = '';
    // Neither an escaped character nor what a class holds has to be in the path as written.
    if (char === '\\') i += 1;
    else if (char === '[') i = Math.max(i, body.indexOf(']', i + 1));
  }
  if (run.length > best.length) best = run;
  return best.trim();
}

/**
 * The pieces of a rule's text that every path it matches holds: each run between wildcards and
 * slashes. A rule with a class or an escape gives its longest run only, as a shorter one could be
 * part of a class; text beyond ASCII is left out (a path is lower-cased to be compared).
 */
function piecesOf(rule: string): string[] {
  const runs = /[[\\]/.test(rule) ? [necessaryText(rule)] : rule.trim().replace(/^!/, '').split(/[\\[\]*?/{},]/);
  return runs.map((run) => run.trim()).filter((run) => run !== '' && ASCII.test(run)).map((run) => run.toLowerCase());
}

export interface CompiledRules {
  rules: IgnoreRules | null;
  /** Rules left out past MAX_RULES. */
  dropped: number;
}

export function compileRules(text: string, base: string, above?: string): CompiledRules {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  // Keeping the last of equal rules keeps the verdict: a path matching one matches the last.
  const distinct = [...new Map(lines.map((line, i) => [line, i])).entries()].sort((a, b) => a[1] - b[1]).map(([line]) => line);
  const kept = distinct.slice(0, MAX_RULES);
  if (kept.length === 0) return { rules: null, dropped: distinct.length - kept.length };
  const indexes = new Map<string, number>();
  const rulePieces = kept.map((rule) => piecesOf(rule).map((piece) => indexes.get(piece) ?? indexes.set(piece, indexes.size).size - 1));
  const pieces = [...indexes.keys()];
  const anyPiece = literalAlternation(pieces);
  const rules: IgnoreRules = { base, ...(above === undefined ? {} : { above }), matcher: ignore({ allowRelativePaths: true }).add(kept), pieces, anyPiece, rulePieces };
  return { rules, dropped: distinct.length - kept.length };
}

/** The pieces held, with those a text holds in any case: the same array when it holds no other. */
function mark(rules: IgnoreRules, text: string, held: Uint8Array): Uint8Array {
  const lower = text.toLowerCase();
  if (!rules.anyPiece?.test(lower)) return held;
  const marked = held.slice();
  rules.pieces.forEach((piece, index) => {
    if (lower.includes(piece)) marked[index] = 1;
  });
  return marked;
}

/** The scope of ignore files at the walked root: nothing of their text held yet, or for rules above it, what its path below them holds. */
export function scopeOf(rules: IgnoreRules): IgnoreScope {
  const none: Uint8Array = new Uint8Array(rules.pieces.length);
  return { rules, held: rules.above === undefined ? none : rules.above.split('/').reduce((marked, name) => mark(rules, name, marked), none) };
}

/** The scopes in a subdirectory `name` of a directory: a piece holds no slash, so the path holds what its parent's does and what the name does. */
export function enter(scopes: readonly IgnoreScope[], name: string): IgnoreScope[] {
  return scopes.map(({ rules, held }) => ({ rules, held: mark(rules, name, held) }));
}

/**
 * Whether a path holds all the pieces of some rule: those its directory holds (`held`), the others
 * in its entry's lower-cased name. Asked for most entries of a large tree, with a few dozen rules
 * each: plain loops, since a closure per rule and entry made this most of the walk's garbage.
 */
function someRuleHeld(rules: IgnoreRules, held: Uint8Array, lower: string): boolean {
  for (const own of rules.rulePieces) {
    let all = true;
    for (const index of own) {
      if (held[index] !== 1 && !lower.includes(rules.pieces[index]!)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * Whether each entry of a directory is ignored, every ignore file from the root down applied so
 * that a deeper `!pattern` can re-include. An entry's path holds a rule's pieces in the directory's
 * part or in its name, as a piece holds no slash: an entry whose name holds the rest of no rule's
 * pieces is matched by none of them, nor is any directory above it (whose path would hold all of
 * some rule's pieces), and the library is not asked.
 */
export function ignoredIn(scopes: readonly IgnoreScope[], directory: string): (name: string, isDirectory: boolean) => boolean {
  const parts = scopes.map(({ rules, held }) => {
    const below = rules.base === '' ? directory : directory.slice(rules.base.length + 1);
    const relative = rules.above === undefined ? below : below === '' ? rules.above : `${rules.above}/${below}`;
    // Asked for every entry when the directory's path holds all of some rule's pieces (or it has none).
    const everyEntry = someRuleHeld(rules, held, '');
    return { rules, held, everyEntry, prefix: relative === '' ? '' : `${relative}/` };
  });
  return (name, isDirectory) => {
    const lower = name.toLowerCase();
    let ignored = false;
    for (const { rules, held, everyEntry, prefix } of parts) {
      if (!everyEntry && !(rules.anyPiece?.test(lower) && someRuleHeld(rules, held, lower))) continue;
      const result = rules.matcher.test(prefix + name + (isDirectory ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  };
}
