import { ViewBuilder, type CodeView } from './view.js';

/** A fence that opens or closes a code block: three or more backticks or tildes, indented by three spaces at most. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** An indented code block's line (four spaces or a tab, in a list item more), unless it is a nested list item. */
const INDENTED = /^( {4,}|\t)(?![-*+]\s|\d+[.)]\s)\S/;

/**
 * The code view of Markdown (see CodeView): the commands and code a document shows, in fenced or
 * indented code blocks and inline code spans, and nothing of its prose, so a command counts where a reader
 * is told to run it and not where a sentence mentions it. A shell line continued with a backslash
 * inside a block is joined with the next. Linear: each line is scanned once.
 */
export function markdownView(source: string): CodeView {
  const view = new ViewBuilder(source);
  let fence: string | null = null;
  // An indented block starts after a blank line and goes on while its lines stay indented.
  let indented = false;
  let afterBlank = true;
  for (let start = 0; start < source.length; ) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const line = source.slice(start, end);
    const marker = FENCE.exec(line)?.[1];
    if (fence === null && marker) {
      fence = marker;
      view.blank(start, end);
    } else if (fence !== null && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
      fence = null;
      view.blank(start, end);
    } else if (fence !== null || ((indented || afterBlank) && INDENTED.test(line))) {
      indented = fence === null;
      if (line.trimEnd().endsWith('\\') && end < source.length) {
        view.blank(start + line.lastIndexOf('\\'), end);
        view.join(end);
      }
    } else {
      indented = false;
      blankProse(view, line, start);
    }
    afterBlank = line.trim() === '';
    start = end + 1;
  }
  return view.finish();
}

/** Blanks a line of prose except the text of its inline code spans (between backtick runs of the same length). */
function blankProse(view: ViewBuilder, line: string, offset: number): void {
  let from = 0;
  for (let at = line.indexOf('`'); at >= 0; ) {
    let run = at;
    while (line[run] === '`') run += 1;
    const ticks = line.slice(at, run);
    const close = line.indexOf(ticks, run);
    if (close < 0) break;
    view.blank(offset + from, offset + run);
    view.blank(offset + close, offset + close + ticks.length);
    from = close + ticks.length;
    at = line.indexOf('`', from);
  }
  view.blank(offset + from, offset + line.length);
}
