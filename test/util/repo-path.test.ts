import { describe, expect, it } from 'vitest';
import { baseName, byFileName, directoryOf } from '../../src/util/repo-path.js';

describe('baseName and directoryOf', () => {
  it('answer each path, asked in any order and again', () => {
    const paths = ['a/b/c.py', 'c.py', 'a/b/c.py', 'x/', '', 'a/b/d.py', 'a/b/c.py'];
    expect(paths.map(baseName)).toEqual(['c.py', 'c.py', 'c.py', '', '', 'd.py', 'c.py']);
    expect(paths.map(directoryOf)).toEqual(['a/b', '', 'a/b', 'x', '', 'a/b', 'a/b']);
  });
});

describe('byFileName', () => {
  it('works an answer out once per name, in whatever folder the name is', () => {
    const asked: string[] = [];
    const isTest = byFileName((name) => {
      asked.push(name);
      return name.startsWith('test_');
    });
    const paths = ['a/test_x.py', 'b/test_x.py', 'test_x.py', 'a/x.py', 'c/d/x.py', 'test_x.py/x.py'];
    expect(paths.map(isTest)).toEqual([true, true, true, false, false, false]);
    expect(asked).toEqual(['test_x.py', 'x.py']);
  });

  it('keeps a null answer as an answer', () => {
    let calls = 0;
    const none = byFileName(() => {
      calls += 1;
      return null;
    });
    expect([none('a/x'), none('b/x')]).toEqual([null, null]);
    expect(calls).toBe(1);
  });

  it('answers the same past the names it keeps', () => {
    const length = byFileName((name) => name.length);
    const paths = Array.from({ length: 10_000 }, (_, i) => `d${i % 7}/${'n'.repeat(i % 50)}${i}`);
    const first = paths.map(length);
    expect(paths.map(length)).toEqual(first);
    expect(first).toEqual(paths.map((path) => baseName(path).length));
  });
});
