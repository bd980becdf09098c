import { describe, expect, it } from 'vitest';
import { cleanStrings, printable, visibleControls } from '../../src/util/printable.js';

describe('printable text', () => {
  it('shows control characters as escapes, and keeps line breaks only where lines are allowed', () => {
    expect(visibleControls('a\u001b[2Jb\u0007c\u009bd\u007f\ne\tf')).toBe('a\\u001b[2Jb\\u0007c\\u009bd\\u007f\ne\tf');
    expect(printable('a\r\nb\nc\rd\te\u2028f\u001b')).toBe('a b c d e f\\u001b');
  });

  it('never lets a value begin with a CI workflow command', () => {
    expect(printable('::error file=x::pwned')).toBe('\\::error file=x::pwned');
    expect(printable('\n  ##[warning]x')).toBe('   \\##[warning]x');
    expect(printable('a ::error::b')).toBe('a ::error::b');
  });

  it('cleans every string of plain data, keys included, and leaves other objects alone', () => {
    const date = new Date(0);
    const cleaned = cleanStrings({ 'k\u001b': ['x\ny', 1, null, { deep: '\u0007' }], date }, printable);
    expect(cleaned).toEqual({ 'k\\u001b': ['x y', 1, null, { deep: '\\u0007' }], date });
    expect(cleaned.date).toBe(date);
  });
});
