/*
 * Rule packs write commands and file names in fix steps between backticks, as Markdown does:
 * "Run `dvc add data/`". Every report shows those as code, whatever its format; a lone backtick
 * stays text. The pieces are escaped by the caller, code and text alike.
 */

export interface Piece {
  text: string;
  code: boolean;
}

const CODE_SPAN = /`([^`]+)`/g;

export function codeSpans(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), code: false });
    pieces.push({ text: match[1]!, code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), code: false });
  return pieces;
}
