/**
 * Where the quoted strings of a YAML file are, so that a text signal can tell configuration from a
 * sentence quoted as a value: `appInsightsEnabled: True` is a setting on its own line and a remark
 * inside `evidence: "... appInsightsEnabled: True on the AKS service"`. A command a CI step runs is
 * written first in its string (`run: "ddtrace-run app"`), so a match that starts where a string's
 * text starts still counts; one that starts further inside a string of several words does not.
 * A string without spaces is a single value (a URL, a path, an image name), never a sentence.
 *
 * A lexer of YAML's surface only, linear in the file: plain scalars, comments, quoted scalars
 * (single, double, over several lines) and block scalars (`|`, `>`), whose quotes are literal text.
 */
export class YamlStrings {
  /** Pairs of offsets: where a quoted string of several words starts (after its quote) and where its closing quote is. */
  private readonly bounds: number[] = [];

  constructor(source: string) {
    let blockIndent = -1;
    for (let start = 0; start < source.length; ) {
      let end = source.indexOf('\n', start);
      if (end < 0) end = source.length;
      const indent = indentOf(source, start, end);
      const blank = indent === end - start;
      if (blockIndent >= 0 && (blank || indent > blockIndent)) {
        start = end + 1;
        continue;
      }
      const lineEnd = this.lexLine(source, start, end);
      // A string may go on over several lines: the next line starts after its closing quote.
      if (lineEnd > end) {
        start = source.indexOf('\n', lineEnd);
        start = start < 0 ? source.length : start + 1;
        blockIndent = -1;
        continue;
      }
      blockIndent = opensBlockScalar(source.slice(start, end)) ? indent : -1;
      start = end + 1;
    }
  }

  /** Whether a match at this offset starts inside a quoted string of several words, past the first character of its text. */
  withinText(offset: number): boolean {
    let low = 0;
    let high = this.bounds.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const from = this.bounds[2 * middle]!;
      const to = this.bounds[2 * middle + 1]!;
      if (offset <= from) high = middle - 1;
      else if (offset >= to) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** Lexes one line from its start; returns where lexing stopped (past the line's end when a string went on). */
  private lexLine(source: string, start: number, end: number): number {
    let valueStart = true;
    for (let at = start; at < end; at++) {
      const char = source[at]!;
      if (char === ' ' || char === '\t') continue;
      if (char === '#' && (at === start || source[at - 1] === ' ' || source[at - 1] === '\t')) return end;
      if ((char === '"' || char === "'") && valueStart) {
        const close = closingQuote(source, at);
        if (/\s/.test(source.slice(at + 1, close))) this.bounds.push(at + 1, close);
        if (close >= end) return close;
        at = close;
        valueStart = false;
        continue;
      }
      valueStart = VALUE_STARTERS.has(char) && (char !== ':' || /\s/.test(source[at + 1] ?? ' '));
    }
    return end;
  }
}

/** After these (and at a line's start), a quote opens a string; elsewhere it is a plain scalar's text. */
const VALUE_STARTERS = new Set(['-', ':', '?', '[', '{', ',']);
/** A block scalar's indicator at the end of a line (`run: |`, `- >-`, `key: |2`). */
const BLOCK_INDICATOR = /(^|[\s:-])[|>][-+0-9]*$/;

/** Whether a line's value is a block scalar: the more indented lines that follow are its text. */
function opensBlockScalar(line: string): boolean {
  const comment = line.indexOf(' #');
  // The indicator and its modifiers are a few characters: only the line's end is tested, in bounded time.
  return BLOCK_INDICATOR.test((comment < 0 ? line : line.slice(0, comment)).trimEnd().slice(-8));
}

function indentOf(source: string, start: number, end: number): number {
  let at = start;
  while (at < end && (source[at] === ' ' || source[at] === '\t')) at++;
  return at - start;
}

/** The offset of the quote that closes the string opened at `open` (the source's length when none does). */
function closingQuote(source: string, open: number): number {
  const quote = source[open]!;
  for (let at = open + 1; at < source.length; at++) {
    const char = source[at]!;
    if (quote === '"' && char === '\\') at++;
    else if (char === quote) {
      if (quote === "'" && source[at + 1] === "'") at++;
      else return at;
    }
  }
  return source.length;
}
