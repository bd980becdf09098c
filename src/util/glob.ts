import picomatch from 'picomatch';

const cache = new Map<string, (path: string) => boolean>();

/**
 * A matcher for a glob over `/`-separated relative paths. A pattern without a slash matches the
 * file name at any depth (`Dockerfile`, `*.tf`); a pattern with one is anchored at the root.
 * Dot files match like any other file.
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
    cache.set(pattern, matcher);
  }
  return matcher;
}

export function matchesAny(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globMatcher(pattern)(path));
}
