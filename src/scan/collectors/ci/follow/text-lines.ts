import { escapeRegExp } from '../../../../util/escape-regexp.js';
import { scriptLine, type ScriptLine } from '../shell.js';

/*
 * Where a value of a TOML or JSON file is written: their parsers give no positions, so headers,
 * keys and values are found again in the text, searching forward from where their table starts.
 */

export class TextLines {
  constructor(private readonly lines: readonly string[]) {}

  /** The line (1-based) of a table header, `[tasks."check:lint"]` for `['tasks', 'check:lint']`; 0 when there is none. */
  header(path: readonly string[]): number {
    const wanted = path.join('.');
    const index = this.lines.findIndex((line) => /^\s*\[\[?[^\]]*\]\]?\s*(?:#.*)?$/.test(line) && line.trim().replace(/^\[+|\]+.*$/g, '').replace(/["'\s]/g, '') === wanted);
    return index + 1;
  }

  /** The line of `key =` (TOML) or `"key":` (JSON) at or after line `from`; `from` when there is none. */
  key(key: string, from: number): number {
    const pattern = new RegExp(`^\\s*["']?${escapeRegExp(key)}["']?\\s*[=:]`);
    for (let i = Math.max(from - 1, 0); i < this.lines.length; i++) if (pattern.test(this.lines[i]!)) return i + 1;
    return from;
  }

  /**
   * A string value as script lines: found by its first line at or after line `from`; a value
   * over several lines (a TOML `"""` string) keeps one script line per line.
   */
  script(value: string, from: number): ScriptLine[] {
    const parts = value.split(/\r?\n/);
    const firstText = parts.findIndex((part) => part.trim() !== '');
    if (firstText < 0) return [];
    // Escapes differ between the text and the value: look for the part before any quote or backslash.
    const probe = parts[firstText]!.trim().split(/["'\\]/)[0]!;
    let at = -1;
    for (let i = Math.max(from - 1, 0); i < this.lines.length && at < 0; i++) if (this.lines[i]!.includes(probe)) at = i;
    const start = at < 0 ? from : at + 1 - firstText;
    return parts.map((part, i) => scriptLine(part, start + i)).filter((line) => line.text !== '');
  }
}
