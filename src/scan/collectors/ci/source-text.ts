/*
 * Source files read as text for what they declare, never run: string literals and lists of them
 * in JavaScript, TypeScript, Python or HCL, each with its line.
 */

export interface Literal {
  value: string;
  line: number;
}

/** Ascending offsets where each line starts, for turning offsets into 1-based lines. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function lineAtOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

const QUOTES = ['"""', "'''", '"', "'", '`'];

/** The string literal opening at `start` (a quote, or Python's triple quotes): its value and the offset after it; null when none opens there or it never closes. */
export function stringAt(text: string, start: number): { value: string; end: number } | null {
  const quote = QUOTES.find((candidate) => text.startsWith(candidate, start));
  if (!quote) return null;
  let value = '';
  for (let i = start + quote.length; i < text.length; i++) {
    if (text.startsWith(quote, i)) return { value, end: i + quote.length };
    if (text[i] === '\\' && i + 1 < text.length) value += text[++i];
    else if (text[i] === '\n' && quote.length === 1 && quote !== '`') return null;
    else value += text[i];
  }
  return null;
}

/** A list's items are scanned this far for its closing bracket. */
const MAX_LIST_LENGTH = 20_000;

/**
 * The string items of the list that opens at `open` (`[`): `["cd app", "pytest"]`. Items that
 * are not plain literals are left out; nested lists and calls are skipped whole.
 */
export function listLiterals(text: string, open: number, starts: readonly number[]): Literal[] {
  const literals: Literal[] = [];
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_LIST_LENGTH);
  for (let i = open; i < limit; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const literal = stringAt(text, i);
      if (!literal) return literals;
      if (depth === 1) literals.push({ value: literal.value, line: lineAtOffset(starts, i) });
      i = literal.end - 1;
    } else if (c === '[' || c === '(' || c === '{') depth++;
    else if ((c === ']' || c === ')' || c === '}') && --depth === 0) return literals;
  }
  return literals;
}
