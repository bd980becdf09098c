import { describe, expect, it } from 'vitest';
import { cleanedOnRead, cleanStrings, printable, safeText } from '../../src/util/printable.js';

describe('printable text', () => {
  it('shows control characters as escapes, and keeps line breaks only where lines are allowed', () => {
    expect(safeText('a\u001b[2Jb\u0007c\u009bd\u007f\ne\tf')).toBe('a\\u001b[2Jb\\u0007c\\u009bd\\u007f\ne\tf');
    expect(printable('a\r\nb\nc\rd\te\u2028f\u001b')).toBe('a b c d e f\\u001b');
    // A carriage return overwrites a terminal line; a Unicode separator breaks one in some viewers.
    expect(safeText('shown\rhidden\u2029x')).toBe('shown\\u000dhidden\\u2029x');
  });

  it('shows bidirectional formatting characters as escapes, so text reads as it is', () => {
    expect(printable('invoice\u202Eexe.pdf')).toBe('invoice\\u202eexe.pdf');
    expect(safeText('\u2066a\u2069\u200e\u200f\u061c\u202a')).toBe('\\u2066a\\u2069\\u200e\\u200f\\u061c\\u202a');
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
    // Multi-line text keeps its lines, and none of them starts a command.
    expect(safeText('why\n::error::x\n\t##[group]y')).toBe('why\n\\::error::x\n\t\\##[group]y');
  });

  it('breaks an Azure Pipelines command wherever it is in a line, with an escape JSON reads back', () => {
    expect(printable('model ##vso[task.setvariable variable=x]1')).toBe('model ##vso\\u005btask.setvariable variable=x]1');
    expect(safeText('##VSO[task.complete]')).toBe('##VSO\\u005btask.complete]');
    const json = safeText(JSON.stringify({ name: 'a\n##vso[task.uploadfile]/etc/passwd \u202e' }));
    expect(json).not.toMatch(/##vso\[|\u202e/i);
    expect(JSON.parse(json)).toEqual({ name: 'a\n##vso[task.uploadfile]/etc/passwd \u202e' });
  });

  it('cleans every string of plain data, keys included, and leaves other objects alone', () => {
    const date = new Date(0);
    const cleaned = cleanStrings({ 'k\u001b': ['x\ny', 1, null, { deep: '\u0007' }], date }, printable);
    expect(cleaned).toEqual({ 'k\\u001b': ['x y', 1, null, { deep: '\\u0007' }], date });
    expect(cleaned.date).toBe(date);
  });

  it('cleans each string when it is read, for a page that shows only part of its view', () => {
    const date = new Date(0);
    const frozen = Object.freeze({ name: 'f\u001b' });
    const raw = { title: 'a\nb', list: ['x\u0007', 2, { deep: '\u202e' }], 'k\u001b': { v: '\r' }, frozen, date, shared: { s: 1 } };
    const view = cleanedOnRead({ ...raw, again: raw.shared }, printable);
    // What a reader sees is what the eager copy holds, keys and frozen objects included.
    expect(JSON.parse(JSON.stringify(view))).toEqual(JSON.parse(JSON.stringify(cleanStrings({ ...raw, again: raw.shared }, printable))));
    expect(Object.keys(view)).toContain('k\\u001b');
    expect(view.list[2]).toEqual({ deep: '\\u202e' });
    expect(view.frozen.name).toBe('f\\u001b');
    expect(view.date).toBe(date);
    // One view per object, so a template comparing objects or walking shared ones sees the same thing twice.
    expect(view.again).toBe(view.shared);
    // Read-only: a renderer cannot write raw text back into the data behind it.
    expect(() => Object.assign(view.list, ['\u001b'])).toThrow(TypeError);
    expect(raw.list[0]).toBe('x\u0007');
  });
});
