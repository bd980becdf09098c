import { APOSTROPHE, BACKSLASH, CARRIAGE_RETURN, CLOSE_BRACE, type CodeView, identifierEnd, isIdentifierStart, isProse, NEWLINE, OPEN_BRACE, QUOTE, skipBlanks, ViewBuilder } from './view.js';

const OPENING = new Set([0x28, 0x5b, OPEN_BRACE]);
const CLOSING = new Set([0x29, 0x5d, CLOSE_BRACE]);
/** String prefixes: raw, bytes, unicode, formatted and template strings, in any case and order. */
const STRING_PREFIX = /^(?:[rbuft]|[rR][bBfFtT]|[bBfFtT][rR])$/i;

function isWord(text: string, start: number, end: number, word: string): boolean {
  return end - start === word.length && text.startsWith(word, start);
}

/** Whether a statement ends at `at`: only blanks, then a line break, a comment, `;` or the end. */
function statementEndsAt(text: string, at: number): boolean {
  const next = skipBlanks(text, at);
  if (next >= text.length) return true;
  const code = text.charCodeAt(next);
  return code === NEWLINE || code === CARRIAGE_RETURN || code === 0x23 || code === 0x3b;
}

/**
 * Scans an f-string replacement field from `start` (just after its `{`). Returns the offset of the
 * `}` that closes it, or `stop`: where it gave up (the string's own quote, a line end in a one-line
 * string, a bracket that does not match), from which the string goes on as text. A string inside
 * the field is skipped whole. Either way no character is scanned twice.
 */
function field(text: string, start: number, closesString: (at: number) => boolean, multiline: boolean): { close: number } | { stop: number } {
  let depth = 0;
  let inner = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === NEWLINE && !multiline) || closesString(i)) return { stop: i };
    if (inner !== 0) {
      if (code === BACKSLASH) i += 1;
      else if (code === inner) inner = 0;
    } else if (code === QUOTE || code === APOSTROPHE) {
      inner = code;
    } else if (OPENING.has(code)) {
      depth += 1;
    } else if (CLOSING.has(code)) {
      if (depth === 0) return code === CLOSE_BRACE ? { close: i } : { stop: i };
      depth -= 1;
    }
  }
  return { stop: text.length };
}

/**
 * The code view of Python source (see CodeView): comments, docstrings (a string that is a whole
 * statement) and prose strings blanked, f-string fields kept as the code they are, statements
 * joined across brackets and backslash continuations. In a notebook cell, shell escapes (`!pip`)
 * and magics (`%time`) are not Python, and a cell magic (`%%bash`) makes the whole cell another
 * language. Linear: every character is looked at a bounded number of times.
 */
export function pythonView(source: string, options: { notebookCell?: boolean } = {}): CodeView {
  const view = new ViewBuilder(source);
  if (options.notebookCell && source.trimStart().startsWith('%%')) {
    view.blank(0, source.length);
    return view.finish();
  }
  const length = source.length;
  let depth = 0;
  let statementStart = true;
  let definitionNext = false;

  /** Scans the string whose opening quote is at `quote` (its prefix starts at `start`); returns the offset after it. */
  const string = (start: number, quote: number, interpolating: boolean): number => {
    const mark = source.charCodeAt(quote);
    const triple = source.charCodeAt(quote + 1) === mark && source.charCodeAt(quote + 2) === mark;
    const contentStart = quote + (triple ? 3 : 1);
    const closes = (at: number) => source.charCodeAt(at) === mark && (!triple || (source.charCodeAt(at + 1) === mark && source.charCodeAt(at + 2) === mark));
    const fields: Array<[number, number]> = [];
    let contentEnd = length;
    let end = length;
    for (let i = contentStart; i < length; i++) {
      const code = source.charCodeAt(i);
      if (code === BACKSLASH) {
        i += 1;
      } else if (closes(i)) {
        contentEnd = i;
        end = i + (triple ? 3 : 1);
        break;
      } else if (code === NEWLINE && !triple) {
        // Unterminated: Python stops at the line end, and so does the view.
        contentEnd = end = i;
        break;
      } else if (interpolating && code === OPEN_BRACE) {
        if (source.charCodeAt(i + 1) === OPEN_BRACE) {
          i += 1;
          continue;
        }
        const scanned = field(source, i + 1, closes, triple);
        if ('close' in scanned) {
          fields.push([i + 1, scanned.close]);
          i = scanned.close;
        } else {
          i = scanned.stop - 1;
        }
      }
    }
    if (statementStart && depth === 0 && statementEndsAt(source, end)) {
      view.blank(start, end);
      return end;
    }
    let from = contentStart;
    for (const [fieldStart, fieldStop] of fields) {
      if (isProse(source, from, fieldStart - 1)) view.blank(from, fieldStart - 1);
      for (let i = fieldStart; i < fieldStop; i++) view.join(i);
      from = fieldStop + 1;
    }
    if (isProse(source, from, contentEnd)) view.blank(from, contentEnd);
    return end;
  };

  let i = 0;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === NEWLINE) {
      if (depth > 0) view.join(i);
      else statementStart = true;
      definitionNext = false;
      i += 1;
    } else if (code === 0x20 || code === 0x09 || code === 0x0c || code === CARRIAGE_RETURN) {
      i += 1;
    } else if (code === 0x23) {
      i = view.blankLine(i);
    } else if (code === BACKSLASH) {
      const next = source.charCodeAt(i + 1) === CARRIAGE_RETURN ? i + 2 : i + 1;
      view.blank(i, next);
      view.join(next);
      i = next + 1;
    } else if (options.notebookCell && statementStart && depth === 0 && (code === 0x25 || code === 0x21)) {
      i = view.blankLine(i);
    } else if (code === QUOTE || code === APOSTROPHE) {
      i = string(i, i, false);
      statementStart = false;
      definitionNext = false;
    } else if (isIdentifierStart(code)) {
      const end = identifierEnd(source, i);
      const after = source.charCodeAt(end);
      if ((after === QUOTE || after === APOSTROPHE) && end - i <= 2 && STRING_PREFIX.test(source.slice(i, end))) {
        i = string(i, end, /[ft]/i.test(source.slice(i, end)));
      } else {
        if (definitionNext) view.definition(i);
        definitionNext = isWord(source, i, end, 'def') || isWord(source, i, end, 'class');
        i = end;
      }
      statementStart = false;
    } else {
      if (OPENING.has(code)) depth += 1;
      else if (CLOSING.has(code)) depth = Math.max(0, depth - 1);
      statementStart = code === 0x3b && depth === 0;
      definitionNext = false;
      i += 1;
    }
  }
  return view.finish();
}
