import { codeSpans } from './inline-code.js';
import { htmlText, mdCode, mdText } from './markdown-escape.js';

/** A `<details>` block; the blank line after the summary lets GitHub render the Markdown inside. */
export function folded(summary: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${htmlText(summary)}</summary>`, '', ...body, '</details>', ''];
}

/** Text whose `code spans` (fix steps: "Run `git init`") show as code; everything else escaped. */
export function mdInline(text: string): string {
  return codeSpans(text.replace(/\r?\n/g, ' '))
    .map((piece) => (piece.code ? mdCode(piece.text) : mdText(piece.text)))
    .join('');
}
