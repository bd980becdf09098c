import { BACKSLASH, CARRIAGE_RETURN, CLOSE_BRACE, type CodeView, identifierEnd, insideArguments, isIdentifierPart, isIdentifierStart, isProse, NEWLINE, OPEN_BRACE, ViewBuilder } from './view.js';

const SLASH = 0x2f;
const BACKTICK = 0x60;
/** On the bracket stack: the `${` of a template literal, closed by the `}` that resumes the template. */
const TEMPLATE = -1;

const MATCHING = new Map([
  [0x29, 0x28],
  [0x5d, 0x5b],
  [CLOSE_BRACE, OPEN_BRACE],
]);
/** After these words an expression starts, so a `/` opens a regular expression rather than dividing. */
const BEFORE_EXPRESSION = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

/**
 * The words the lexer tells apart (those above, `function`, `class`), by first character and
 * length. Cutting every identifier out of the source to look it up made a string and its hash per
 * identifier; an identifier of no watched word's first character and length is none of them.
 */
const WATCHED: Array<string[] | undefined> = [];
const WATCHED_LENGTH = 16;
for (const word of [...BEFORE_EXPRESSION, 'function', 'class']) (WATCHED[word.charCodeAt(0) * WATCHED_LENGTH + word.length] ??= []).push(word);

/** The watched word the identifier from `start` to `end` is, or ''. */
function watchedWord(source: string, start: number, end: number): string {
  const length = end - start;
  if (length >= WATCHED_LENGTH) return '';
  const words = WATCHED[source.charCodeAt(start) * WATCHED_LENGTH + length];
  if (words === undefined) return '';
  for (const word of words) if (source.startsWith(word, start)) return word;
  return '';
}

/**
 * The code view of JavaScript and TypeScript source (see CodeView): comments, regular-expression
 * literals and prose strings blanked (template literals keep their `${…}` expressions), line
 * breaks inside parentheses and square brackets joined. Line breaks inside braces stay: a brace
 * opens a block as often as an object. Templates nest through a stack, not recursion, so no input
 * can exhaust the call stack, and every character is looked at a bounded number of times.
 */
export function javascriptView(source: string): CodeView {
  const view = new ViewBuilder(source);
  const length = source.length;
  const brackets: number[] = [];
  let regexAllowed = true;
  let definitionNext = false;
  /** A `/` before this offset divides: a regular expression that failed to close there cannot start again on its line. */
  let divisionUntil = -1;

  const blankProse = (start: number, end: number) => {
    if (isProse(source, start, end)) view.blank(start, end);
  };

  /** Scans template text from `start`; returns the offset after its closing backtick or after the `${` that interrupts it. */
  const template = (start: number): number => {
    for (let i = start; i < length; i++) {
      const code = source.charCodeAt(i);
      if (code === BACKSLASH) {
        i += 1;
      } else if (code === BACKTICK) {
        blankProse(start, i);
        return i + 1;
      } else if (code === 0x24 && source.charCodeAt(i + 1) === OPEN_BRACE) {
        blankProse(start, i);
        brackets.push(TEMPLATE);
        return i + 2;
      }
    }
    blankProse(start, length);
    return length;
  };

  /** The offset of the `/` closing a regular expression that opens at `start`, or the line end it ran into. */
  const regexEnd = (start: number): { close: number } | { stop: number } => {
    let inClass = false;
    for (let i = start + 1; i < length; i++) {
      const code = source.charCodeAt(i);
      if (code === NEWLINE) return { stop: i };
      if (code === BACKSLASH) i += 1;
      else if (code === 0x5b) inClass = true;
      else if (code === 0x5d) inClass = false;
      else if (code === SLASH && !inClass) return { close: i };
    }
    return { stop: length };
  };

  let i = 0;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === NEWLINE) {
      if (insideArguments(brackets)) view.join(i);
      i += 1;
    } else if (code === 0x20 || code === 0x09 || code === 0x0c || code === CARRIAGE_RETURN) {
      i += 1;
    } else if (code === SLASH && source.charCodeAt(i + 1) === SLASH) {
      i = view.blankLine(i);
    } else if (code === SLASH && source.charCodeAt(i + 1) === 0x2a) {
      const close = source.indexOf('*/', i + 2);
      const end = close < 0 ? length : close + 2;
      view.blank(i, end);
      i = end;
    } else if (code === SLASH && regexAllowed && i >= divisionUntil) {
      const scanned = regexEnd(i);
      if ('close' in scanned) {
        view.blank(i + 1, scanned.close);
        i = scanned.close + 1;
        while (i < length && isIdentifierPart(source.charCodeAt(i))) i += 1;
        regexAllowed = false;
      } else {
        divisionUntil = scanned.stop;
        i += 1;
      }
    } else if (code === 0x22 || code === 0x27) {
      let end = i + 1;
      while (end < length) {
        const next = source.charCodeAt(end);
        if (next === code || next === NEWLINE) break;
        end += next === BACKSLASH ? 2 : 1;
      }
      blankProse(i + 1, Math.min(end, length));
      i = source.charCodeAt(end) === code ? end + 1 : end;
      regexAllowed = false;
    } else if (code === BACKTICK) {
      i = template(i + 1);
      regexAllowed = brackets[brackets.length - 1] === TEMPLATE && source.charCodeAt(i - 1) === OPEN_BRACE;
    } else if (code === CLOSE_BRACE && brackets[brackets.length - 1] === TEMPLATE) {
      brackets.pop();
      i = template(i + 1);
      regexAllowed = brackets[brackets.length - 1] === TEMPLATE && source.charCodeAt(i - 1) === OPEN_BRACE;
    } else if (isIdentifierStart(code)) {
      const end = identifierEnd(source, i);
      const word = watchedWord(source, i, end);
      if (definitionNext) view.definition(i);
      definitionNext = word === 'function' || word === 'class';
      regexAllowed = BEFORE_EXPRESSION.has(word);
      i = end;
    } else if (code >= 0x30 && code <= 0x39) {
      i += 1;
      while (i < length && (isIdentifierPart(source.charCodeAt(i)) || source.charCodeAt(i) === 0x2e)) i += 1;
      regexAllowed = false;
    } else {
      if (code === 0x28 || code === 0x5b || code === OPEN_BRACE) brackets.push(code);
      else if (MATCHING.has(code) && brackets[brackets.length - 1] === MATCHING.get(code)) brackets.pop();
      regexAllowed = !MATCHING.has(code);
      // `function* name`: the star belongs to the definition.
      definitionNext = definitionNext && code === 0x2a;
      i += 1;
    }
  }
  return view.finish();
}
