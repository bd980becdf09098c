import { printable } from '../util/printable.js';

/**
 * Escaping for text that comes from the audited repository, the answers or a rule pack.
 * Everything that Markdown (GitHub-flavoured) could turn into markup is backslash-escaped:
 * emphasis, links, images, raw HTML, table pipes, math (`$`), @-mentions, entities, and
 * anything at the start of a line that would make a heading, list or quote. Line breaks become
 * spaces and control characters visible escapes (`printable`), so no text starts a line of its own.
 */
const INLINE_SPECIALS = /[\\`*_{}[\]<>|~&$@#!]/g;

export function mdText(text: string): string {
  return printable(text)
    .replace(INLINE_SPECIALS, (char) => `\\${char}`)
    .replace(/^(\s*)([-+=]|\d+[.)])/, (_, space: string, marker: string) => `${space}${marker.replace(/[-+=.)]/, (c) => `\\${c}`)}`);
}

/**
 * A code span that shows `text` verbatim: the fence is longer than any run of backticks inside.
 * In a table cell, pipes must still be escaped (GFM splits cells before it parses code spans).
 */
export function mdCode(text: string, inTable = false): string {
  const flat = printable(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat;
  const body = inTable ? padded.replace(/\|/g, '\\|') : padded;
  return `${fence}${body}${fence}`;
}

/** A link only to an https address we built ourselves (the repository's own web URL). */
export function mdLink(label: string, url: string): string {
  if (!/^https:\/\/[\w.-]+\/[\w.\-/%#:]*$/.test(url)) return label;
  return `[${label}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/**
 * Text inside a raw HTML line of the Markdown, such as a `<summary>`: Markdown does not parse
 * there, so backslash escapes would show and would not stop a tag; HTML entities do both.
 * Quotes need no escaping outside attributes.
 */
export function htmlText(text: string): string {
  return printable(text).replace(/[&<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
