import { BACKSLASH, type CodeView, insideArguments, isProse, NEWLINE, ViewBuilder } from './view.js';

/** A raw string's opening: `r"(`, `R'[`, `r"---{` (R 4.0). */
const RAW_OPENING = /[rR](["'])(-*)([([{])/y;
const RAW_CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function rawOpening(source: string, at: number): RegExpExecArray | null {
  RAW_OPENING.lastIndex = at;
  return RAW_OPENING.exec(source);
}

/**
 * The code view of R source (see CodeView): comments and prose strings blanked (R strings may span
 * lines), line breaks inside parentheses and square brackets joined; braces open blocks, whose
 * lines stay apart. Linear: every character is looked at a bounded number of times.
 */
export function rView(source: string): CodeView {
  const view = new ViewBuilder(source);
  const length = source.length;
  const brackets: number[] = [];
  let i = 0;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === NEWLINE) {
      if (insideArguments(brackets)) view.join(i);
      i += 1;
    } else if (code === 0x23) {
      i = view.blankLine(i);
    } else if (code === 0x22 || code === 0x27 || code === 0x60) {
      let end = i + 1;
      while (end < length && source.charCodeAt(end) !== code) end += source.charCodeAt(end) === BACKSLASH ? 2 : 1;
      // A backtick quotes a name, which is code.
      if (code !== 0x60 && isProse(source, i + 1, Math.min(end, length))) view.blank(i + 1, Math.min(end, length));
      i = Math.min(end + 1, length);
    } else if ((code === 0x72 || code === 0x52) && rawOpening(source, i)) {
      const [whole, quote, dashes, bracket] = rawOpening(source, i)!;
      const close = source.indexOf(`${RAW_CLOSING[bracket!]}${dashes}${quote}`, i + whole.length);
      const end = close < 0 ? length : close;
      if (isProse(source, i + whole.length, end)) view.blank(i + whole.length, end);
      i = close < 0 ? length : close + dashes!.length + 2;
    } else {
      if (code === 0x28 || code === 0x5b || code === 0x7b) brackets.push(code);
      else if (code === 0x29 || code === 0x5d || code === 0x7d) brackets.pop();
      i += 1;
    }
  }
  return view.finish();
}
