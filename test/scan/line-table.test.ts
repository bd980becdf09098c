import { describe, expect, it } from 'vitest';
import { LineTable } from '../../src/scan/collectors/code/lines.js';

describe('the line table', () => {
  it('gives each line as split gives it, and the line of every offset', () => {
    for (const text of ['', 'one', 'one\n', '\n\n', 'a\r\nb\r\n\r\nc', `${'x'.repeat(70_000)}\ny\n${'z\n'.repeat(5_000)}`]) {
      const table = new LineTable(text);
      const lines = text.split(/\r?\n/);
      expect(table.count).toBe(lines.length);
      expect(Array.from({ length: table.count }, (_, i) => table.text(i))).toEqual(lines);
      let line = 0;
      for (let offset = 0; offset < text.length; offset++) {
        expect(table.indexAt(offset)).toBe(line);
        if (text[offset] === '\n') line += 1;
      }
    }
  });
});
