import { APOSTROPHE, BACKSLASH, type CodeView, isProse, NEWLINE, QUOTE, ViewBuilder } from './view.js';

/**
 * The code view of TOML (see CodeView): comments and prose strings blanked, and a value over several
 * lines (an array or an inline table) joined into one logical line, so that `select = [` with
 * `"S",` three lines below is one setting. Table headers (`[tool.ruff]`) open and close on their
 * own line. Linear: every character is looked at a bounded number of times.
 */
export function tomlView(source: string): CodeView {
  const view = new ViewBuilder(source);
  const length = source.length;
  let depth = 0;
  let i = 0;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === NEWLINE) {
      if (depth > 0) view.join(i);
      i += 1;
    } else if (code === 0x23) {
      i = view.blankLine(i);
    } else if (code === QUOTE || code === APOSTROPHE) {
      const triple = source.charCodeAt(i + 1) === code && source.charCodeAt(i + 2) === code;
      const contentStart = i + (triple ? 3 : 1);
      let end = contentStart;
      // Basic strings ("…") have escapes, literal strings ('…') have none.
      while (end < length) {
        const next = source.charCodeAt(end);
        if (next === code && (!triple || (source.charCodeAt(end + 1) === code && source.charCodeAt(end + 2) === code))) break;
        if (next === NEWLINE && !triple) break;
        end += next === BACKSLASH && code === QUOTE ? 2 : 1;
      }
      end = Math.min(end, length);
      if (isProse(source, contentStart, end)) view.blank(contentStart, end);
      i = source.charCodeAt(end) === code ? end + (triple ? 3 : 1) : end;
    } else {
      if (code === 0x5b || code === 0x7b) depth += 1;
      else if ((code === 0x5d || code === 0x7d) && depth > 0) depth -= 1;
      i += 1;
    }
  }
  return view.finish();
}
