/**
 * The lines of a text by offset: which line an offset is on, and each line's text (without its
 * line break). The line starts are counted first, then kept in a typed array of that length: a
 * large file's table is then one block outside the collected heap, not an array grown by copies.
 */
export class LineTable {
  /** Offsets fit: no JavaScript engine's string is 2^31 characters long. */
  private readonly starts: Int32Array;

  constructor(private readonly source: string) {
    let count = 1;
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) count += 1;
    this.starts = new Int32Array(count);
    let line = 1;
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) this.starts[line++] = at + 1;
  }

  get count(): number {
    return this.starts.length;
  }

  start(index: number): number {
    return this.starts[index]!;
  }

  /** The 0-based index of the line an offset is on. */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  text(index: number): string {
    const end = index + 1 < this.starts.length ? this.starts[index + 1]! - 1 : this.source.length;
    const text = this.source.slice(this.starts[index], end);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  }
}
