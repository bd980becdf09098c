/**
 * What a program does, as text a pattern can search: the source with its comments, docstrings and
 * prose strings replaced by spaces, and the line breaks inside a statement (open brackets,
 * continuation backslashes) too, so that one line of the view is one logical line of code. It is
 * exactly as long as the source: an offset in the view is the same offset in the source, which
 * gives matches their file and line.
 */
export interface CodeView {
  text: string;
  /**
   * Where the names of definitions start (`def NAME`, `class NAME`, `function NAME`): a call
   * pattern that matches from one of them found a definition, not a use.
   */
  definitions: ReadonlySet<number>;
}

/** Character codes the lexers compare against. */
export const SPACE = 0x20;
export const NEWLINE = 0x0a;
export const CARRIAGE_RETURN = 0x0d;
export const QUOTE = 0x22;
export const APOSTROPHE = 0x27;
export const BACKSLASH = 0x5c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;

/**
 * The mutable copy a lexer writes the view into. Copying through a buffer keeps the per-character
 * work in the lexer's own loop: blanking is a `fill`, and the view is made in one conversion.
 */
export class ViewBuilder {
  private readonly buffer: Buffer;
  private readonly codes: Uint16Array;
  private readonly definitionStarts = new Set<number>();

  constructor(readonly source: string) {
    this.buffer = Buffer.allocUnsafeSlow(source.length * 2);
    this.buffer.write(source, 'utf16le');
    this.codes = new Uint16Array(this.buffer.buffer, this.buffer.byteOffset, source.length);
    // A carriage return ends a Windows line and says nothing: the view has none, so lexers skip it as a blank.
    for (let at = source.indexOf('\r'); at >= 0; at = source.indexOf('\r', at + 1)) this.codes[at] = SPACE;
  }

  /** Replaces a region with spaces, line breaks included: it says nothing the program does. */
  blank(start: number, end: number): void {
    if (end > start) this.codes.fill(SPACE, start, end);
  }

  /** Turns the line break at `at` into a space: the statement goes on. */
  join(at: number): void {
    if (this.codes[at] === NEWLINE) this.codes[at] = SPACE;
  }

  /** Blanks a whole line from `start` (a shell escape or a magic in a notebook), keeping its line break. */
  blankLine(start: number): number {
    let end = this.source.indexOf('\n', start);
    if (end < 0) end = this.source.length;
    this.blank(start, end);
    return end;
  }

  definition(at: number): void {
    this.definitionStarts.add(at);
  }

  finish(): CodeView {
    return { text: this.buffer.toString('utf16le'), definitions: this.definitionStarts };
  }
}

/**
 * Whether a string literal's text is prose rather than a value: prose (messages, prompts, SQL,
 * code shown to a user) says what a program talks about, not what it does, so the view blanks it;
 * a value (a key, a name, a URI, a metric id) is part of the call it is passed to and stays.
 */
export function isProse(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === SPACE || code === 0x09 || code === NEWLINE || code === CARRIAGE_RETURN || code === 0x28 /* ( */) return true;
  }
  return false;
}

export function isIdentifierStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x24 || code > 0x7f;
}

export function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 0x30 && code <= 0x39);
}

/** The end of the identifier that starts at `start`. */
export function identifierEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end += 1;
  return end;
}

/** The first offset from `start` that is not a space or a tab. */
export function skipBlanks(text: string, start: number): number {
  let at = start;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code !== SPACE && code !== 0x09 && code !== 0x0c) break;
    at += 1;
  }
  return at;
}

/**
 * Whether a line break inside the innermost open bracket goes on the statement: in parentheses or
 * square brackets it does; a brace opens a block as often as an object, whose lines stay apart.
 */
export function insideArguments(brackets: readonly number[]): boolean {
  const open = brackets[brackets.length - 1];
  return open === 0x28 || open === 0x5b;
}
