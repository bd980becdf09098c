/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byLocation(a: { path?: string; line?: number }, b: { path?: string; line?: number }): number {
  return compareStrings(a.path ?? '', b.path ?? '') || (a.line ?? 0) - (b.line ?? 0);
}
