import ignore, { type Ignore } from 'ignore';

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
    rules: kept.length > 0 ? { base, matcher: ignore({ allowRelativePaths: true }).add(kept) } : null,
    dropped: distinct.length - kept.length,
  };
}

function relativeTo(base: string, path: string): string {
  return base === '' ? path : path.slice(base.length + 1);
}

/** Applies every ignore file from the root down, so that a deeper `!pattern` can re-include. */
export function isIgnored(chain: readonly IgnoreRules[], path: string, directory: boolean): boolean {
  let ignored = false;
  for (const { base, matcher } of chain) {
    const relative = relativeTo(base, path) + (directory ? '/' : '');
    const result = matcher.test(relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
