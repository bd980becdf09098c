import ignore, { type Ignore } from 'ignore';
import { escapeRegExp } from '../util/escape-regexp.js';

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
  matcher: Ignore;
  /**
   * Text, one piece of each rule, that a path must hold (in any case) for a rule to match it or
   * a directory above it; null when a rule holds none (`*`). Most paths hold none of it, and this
   * one test is what they then cost.
   */
  gate: RegExp | null;
}

/** Up to this many rules, the gate is worth its one regular expression. */
const GATED_RULES = 256;

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

function gateOf(rules: readonly string[]): RegExp | null {
  if (rules.length > GATED_RULES) return null;
  const texts = rules.map(necessaryText);
  return texts.some((text) => text === '') ? null : new RegExp([...new Set(texts)].map(escapeRegExp).join('|'), 'i');
}

export interface CompiledRules {
  rules: IgnoreRules | null;
  /** Rules left out past MAX_RULES. */
  dropped: number;
}

export function compileRules(text: string, base: string): CompiledRules {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  // Keeping the last of equal rules keeps the verdict: a path matching one matches the last.
  const distinct = [...new Map(lines.map((line, i) => [line, i])).entries()].sort((a, b) => a[1] - b[1]).map(([line]) => line);
  const kept = distinct.slice(0, MAX_RULES);
  return {
    rules: kept.length > 0 ? { base, matcher: ignore({ allowRelativePaths: true }).add(kept), gate: gateOf(kept) } : null,
    dropped: distinct.length - kept.length,
  };
}

function relativeTo(base: string, path: string): string {
  return base === '' ? path : path.slice(base.length + 1);
}

/** Applies every ignore file from the root down, so that a deeper `!pattern` can re-include. */
export function isIgnored(chain: readonly IgnoreRules[], path: string, directory: boolean): boolean {
  let ignored = false;
  for (const { base, matcher, gate } of chain) {
    const relative = relativeTo(base, path) + (directory ? '/' : '');
    if (gate && !gate.test(relative)) continue;
    const result = matcher.test(relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
