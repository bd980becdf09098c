/*
 * Just enough of a lexer for Python and JavaScript/TypeScript to tell code from comments and
 * string literals, so that infrastructure declared as code (CDK, CDK for Terraform, Pulumi) is
 * read from calls the program makes, never from a comment, a docstring or a string that mentions
 * a class. One pass over the text, no backtracking: linear in the file's length.
 */

export type CodeLanguage = 'python' | 'javascript';

export interface Token {
  /** `newline` ends a Python logical line; JavaScript has none. */
  type: 'name' | 'string' | 'number' | 'punct' | 'newline';
  /** A name, the punctuation, or a string literal's contents as written (escapes kept). */
  value: string;
  /** Offset of the token's first character in the text. */
  start: number;
}

/** Two-character operators that must not read as two tokens (`==` is not an assignment). */
const TWO_CHAR_OPERATORS = new Set(['==', '!=', '<=', '>=', '=>', '**', '//', '->', ':=', '+=', '-=', '*=', '/=', '&&', '||', '??', '?.']);
/** After these, a `/` in JavaScript starts a regular expression rather than a division. */
const REGEX_AFTER_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'instanceof']);
const PYTHON_STRING_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code >= 0x80;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The index just past a quoted string that opens at `start` with `quote`; single-line strings stop at a newline. */
function skipQuoted(text: string, start: number, quote: string, multiline: boolean): number {
  let i = start;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\') i += 2;
    else if (text.startsWith(quote, i)) return i + quote.length;
    else if (char === '\n' && !multiline) return i;
    else i += 1;
  }
  return text.length;
}

/**
 * The index just past a JavaScript template literal whose opening backtick is at `start - 1`:
 * `${ … }` substitutions may hold strings, braces and templates of their own, nested to any depth,
 * so the nesting is kept on a stack (a brace depth for each open substitution, 0 for a template)
 * rather than in recursion that a hostile file could overflow.
 */
function skipTemplate(text: string, start: number): number {
  const open: number[] = [0];
  let i = start;
  while (i < text.length) {
    const char = text[i]!;
    const top = open.length - 1;
    if (open[top] === 0) {
      if (char === '\\') i += 2;
      else if (char === '`') {
        open.pop();
        i += 1;
        if (open.length === 0) return i;
      } else if (char === '$' && text[i + 1] === '{') {
        open.push(1);
        i += 2;
      } else i += 1;
    } else if (char === '"' || char === "'") {
      i = skipQuoted(text, i + 1, char, false);
    } else {
      const depth = open[top]!;
      if (char === '`') open.push(0);
      else if (char === '{') open[top] = depth + 1;
      else if (char === '}' && depth === 1) open.pop();
      else if (char === '}') open[top] = depth - 1;
      i += 1;
    }
  }
  return text.length;
}

/** The index just past a regular-expression literal opening at `start - 1`, or `start - 1` if it is not one. */
function skipRegex(text: string, start: number): number {
  let inClass = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') return start - 1;
    if (char === '\\') i += 1;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) return i + 1;
  }
  return start - 1;
}

function regexMayStart(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.type === 'name') return REGEX_AFTER_KEYWORDS.has(previous.value);
  if (previous.type === 'string' || previous.type === 'number') return false;
  return !/^[)\]}]$/.test(previous.value);
}

export function tokenize(text: string, language: CodeLanguage): Token[] {
  const python = language === 'python';
  const tokens: Token[] = [];
  /** Open brackets: a Python line break inside them does not end the logical line. */
  let depth = 0;
  /** A regular expression that did not close was read to its line's end: no `/` before there opens one, so a long line is read once. */
  let noRegexBefore = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    const code = char.charCodeAt(0);
    if (char === '\n') {
      if (python && depth === 0) tokens.push({ type: 'newline', value: '\n', start: i });
      i += 1;
    } else if (char === ' ' || char === '\t' || char === '\r' || char === '\f') {
      i += 1;
    } else if (python && char === '\\' && (text[i + 1] === '\n' || text.startsWith('\r\n', i + 1))) {
      i += text[i + 1] === '\n' ? 2 : 3;
    } else if (python && char === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (!python && text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (!python && text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (char === '"' || char === "'" || (!python && char === '`')) {
      i = readString(text, i, '', python, tokens);
    } else if (isNameStart(code)) {
      let end = i + 1;
      while (end < text.length && isNamePart(text.charCodeAt(end))) end += 1;
      const name = text.slice(i, end);
      if (python && (text[end] === '"' || text[end] === "'") && PYTHON_STRING_PREFIX.test(name)) {
        i = readString(text, end, name, python, tokens);
      } else {
        tokens.push({ type: 'name', value: name, start: i });
        i = end;
      }
    } else if (isDigit(code)) {
      let end = i + 1;
      while (end < text.length && (isNamePart(text.charCodeAt(end)) || text[end] === '.')) end += 1;
      tokens.push({ type: 'number', value: text.slice(i, end), start: i });
      i = end;
    } else if (!python && char === '/' && i >= noRegexBefore && regexMayStart(tokens[tokens.length - 1])) {
      const end = skipRegex(text, i + 1);
      if (end > i) i = end;
      else {
        const lineEnd = text.indexOf('\n', i);
        noRegexBefore = lineEnd < 0 ? text.length : lineEnd;
        tokens.push({ type: 'punct', value: char, start: i });
        i += 1;
      }
    } else {
      const pair = text.slice(i, i + 2);
      const value = TWO_CHAR_OPERATORS.has(pair) ? pair : char;
      if ('([{'.includes(value)) depth += 1;
      else if (')]}'.includes(value)) depth = Math.max(0, depth - 1);
      tokens.push({ type: 'punct', value, start: i });
      i += value.length;
    }
  }
  return tokens;
}

/** Reads the string literal whose opening quote is at `quoteAt` (after a Python prefix, if any) into a token. */
function readString(text: string, quoteAt: number, prefix: string, python: boolean, tokens: Token[]): number {
  const char = text[quoteAt]!;
  const start = quoteAt - prefix.length;
  if (char === '`') {
    const end = skipTemplate(text, quoteAt + 1);
    tokens.push({ type: 'string', value: text.slice(quoteAt + 1, Math.max(quoteAt + 1, end - 1)), start });
    return end;
  }
  const triple = python && text.startsWith(char.repeat(3), quoteAt);
  const quote = triple ? char.repeat(3) : char;
  const end = skipQuoted(text, quoteAt + quote.length, quote, triple);
  const closed = text.startsWith(quote, end - quote.length) && end - quote.length >= quoteAt + quote.length;
  tokens.push({ type: 'string', value: text.slice(quoteAt + quote.length, closed ? end - quote.length : end), start });
  return end;
}
