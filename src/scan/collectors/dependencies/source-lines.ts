/* Lines of parsed TOML and JSON, whose parsers give no positions. */

/** A name where a quoted string starts, or a key (bare or quoted) before `=` or `:`; npm names may carry a scope. */
const QUOTED_NAME = /["']((?:@[\w.-]+\/)?[\w.-]+)/g;
const KEY_NAME = /^\s*["']?((?:@[\w.-]+\/)?[\w.-]+)["']?\s*[=:]/;

/**
 * smol-toml and JSON.parse give no positions, so each dependency's line is found in the text: the
 * first line at or after its table header (or its key) that names it as a quoted string or a key.
 * Names are indexed once, so a manifest with thousands of entries costs no more than reading it.
 */
export class SourceLines {
  private readonly headers = new Map<string, number>();
  /** Ascending indexes of the lines declaring each key (lower case). */
  private readonly keys = new Map<string, number[]>();
  /** Ascending indexes of the lines where each name (lower case) is a key or starts a quoted string. */
  private readonly mentions = new Map<string, number[]>();

  constructor(lines: readonly string[]) {
    lines.forEach((line, index) => {
      const header = /^\s*\[([^[\]]+)\]/.exec(line)?.[1]?.replace(/[\s"']/g, '');
      if (header !== undefined && !this.headers.has(header)) this.headers.set(header, index);
      const key = KEY_NAME.exec(line)?.[1];
      if (key !== undefined) {
        record(this.keys, key, index);
        record(this.mentions, key, index);
      }
      for (const match of line.matchAll(QUOTED_NAME)) record(this.mentions, match[1]!, index);
    });
  }

  /** Index of the line where a table starts: its header, else its nearest ancestor's, else the top. */
  tableStart(path: readonly string[]): number {
    for (let length = path.length; length > 0; length--) {
      const index = this.headers.get(path.slice(0, length).join('.'));
      if (index !== undefined) return index;
    }
    return 0;
  }

  /** Index of the line declaring `key` in the table, else the table's start. */
  keyStart(path: readonly string[], key: string): number {
    const from = this.tableStart(path);
    return firstAtOrAfter(this.keys.get(key.toLowerCase()), from) ?? from;
  }

  /** 1-based line naming `name` at or after the line index `from`; the `from` line when none does. */
  lineOf(name: string, from: number): number {
    return (firstAtOrAfter(this.mentions.get(name.toLowerCase()), from) ?? from) + 1;
  }
}

function record(index: Map<string, number[]>, name: string, line: number): void {
  const lines = index.get(name.toLowerCase());
  if (!lines) index.set(name.toLowerCase(), [line]);
  else if (lines[lines.length - 1] !== line) lines.push(line);
}

function firstAtOrAfter(sorted: readonly number[] | undefined, value: number): number | undefined {
  return sorted?.[lowerBound(sorted, value)];
}

/** Index of the first element of the ascending `sorted` that is at least `value` (its length when none is). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
