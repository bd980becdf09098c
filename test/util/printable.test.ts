import { describe, expect, it } from 'vitest';
import { cleanStrings, printable, safeText } from '../../src/util/printable.js';

describe('printable text', () => {
  it('shows control characters as escapes, and keeps line breaks only where lines are allowed', () => {
    expect(safeText('a\u001b[2Jb\u0007c\u009bd\u007f\ne\tf')).toBe('a\\u001b[2Jb\\u0007c\\u009bd\\u007f\ne\tf');
    expect(printable('a\r\nb\nc\rd\te\u2028f\u001b')).toBe('a b c d e f\\u001b');
  });

  it('redacts credentials in a provider format, as a file name can hold one', () => {
    const token = ['ghp_', 'k7Qm2Xw9Lp4Rt8Vb1Nc6Hy3Jd5Fg0Sa2Ze7U'].join('');
    expect(printable(`keys/${token}.pem`)).toMatch(/^keys\/ghp_\*{8}-[0-9a-f]{6}\.pem$/);
    expect(safeText(`a\nkeys/${token}`)).not.toContain(token);
    expect(safeText('src/password_reset.py')).toBe('src/password_reset.py');
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
