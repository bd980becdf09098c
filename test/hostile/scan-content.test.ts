import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/rules/load.js';
import { javascriptView } from '../../src/scan/collectors/code/javascript.js';
import { markdownView } from '../../src/scan/collectors/code/markdown.js';
import { pythonView } from '../../src/scan/collectors/code/python.js';
import { rView } from '../../src/scan/collectors/code/r.js';
import { tomlView } from '../../src/scan/collectors/code/toml.js';
import { compileLinear, compileNative } from '../../src/util/linear-regex.js';
import { expectRoughlyLinear } from '../helpers/growth.js';
import { CASE_TIMEOUT_MS, expectCompleted, expectRefused, run, smallRepository } from './contract.js';

/*
 * Repository content that would make pattern matching super-linear: a pattern a repository's own
 * pack brings (run with RE2 semantics), the built-in signals on long lines made of the very words
 * they look for, and the code views on sources built to make a lexer rescan. Growth is measured as
 * a ratio of CPU time (test/helpers/growth.ts), never against a clock.
 */

/** A line of `size` characters: the words of a pattern, over and over, each followed by `separator`. */
function lineOf(words: readonly string[], separator: string, size: number): string {
  const unit = words.map((word) => word + separator).join('');
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The words a pattern looks for (`assert`, `accuracy`, `log_params`), its escapes (`\b`, `\s`) left out. */
function wordsOf(pattern: string): string[] {
  return [...new Set(pattern.replace(/\\[bBsSwWdD]/g, ' ').match(/[A-Za-z_]\w+/g) ?? [])];
}

/** Almost-matches: the words joined by what separates them in code, a call, an attribute, a setting. */
const SEPARATORS = [' ', '(', '.', ': '];
/** Runs of what indents a line. */
const BLANKS = [' ', '\t', '- '];

describe('hostile scan content', { timeout: CASE_TIMEOUT_MS }, () => {
  it("runs a catastrophic pattern from the repository's own pack in linear time, and refuses lookaround", async () => {
    const pack = (pattern: string, files = '*.txt') =>
      `pack: local\nsignals:\n  - id: nested\n    description: nested quantifiers\n    files: ["${files}"]\n    pattern: '${pattern}'\nrules:\n  - id: local.nested\n    title: Nested\n    category: mlops\n    severity: low\n    level: 1\n    why: Because.\n    detection: Looks for a line.\n    remediation: { summary: Fix it., steps: [Fix it.], effort: S }\n    check: { pass: { signal: nested } }\n`;
    const repo = await smallRepository({
      '.scale-audit.yaml': 'version: 1\npacks: [local.yaml]\n',
      'local.yaml': pack('^(a+)+$'),
      'notes.txt': `${'a'.repeat(31)}!\n`.repeat(200),
    });
    expectCompleted(await run([repo, '--format', 'json']));

    // Its globs too: stars that backtrack over a long file name, braces that multiply.
    await writeFile(join(repo, `${'a'.repeat(200)}b`), 'x\n');
    await writeFile(join(repo, 'local.yaml'), pack('x', '*a*a*a*a*a*a*a*a*a*a*a*a*c*b'));
    expectCompleted(await run([repo, '--format', 'json']));
    await writeFile(join(repo, 'local.yaml'), pack('x', '{a,b}'.repeat(30)));
    expectCompleted(await run([repo, '--format', 'json']));

    await writeFile(join(repo, 'local.yaml'), pack('(a+)(?=!)'));
    expectRefused(await run([repo]), join(repo, 'local.yaml'), /signal nested: invalid regular expression: .*lookaround/);
  });

  it('matches with RE2 semantics in time linear in the line, whatever the pattern', () => {
    const nested = compileLinear('^(a+)+$');
    const pairs = compileLinear('(x+x+)+y');
    expectRoughlyLinear((size) => () => {
      nested.find(`${'a'.repeat(size)}!`);
      pairs.find('x'.repeat(size));
    }, 2_000);
  });

  it('runs every built-in signal in time linear in the line, on lines made of the words it looks for or of blanks before them', async () => {
    const { signals } = await loadRuleSet();
    expect(signals.length).toBeGreaterThan(100);
    for (const signal of signals) {
      // Every match, as a scan retries past a definition's name: each start is tried once. A search
      // remembers its last answers for the line it last saw, so each run starts a new one: reused,
      // every run after the first found a line the pattern never matches already answered, and a
      // pattern that takes the square of such a line passed (`assert.*x\(` on "assert x assert x…").
      const everyMatch = (line: string) => () => {
        const regex = compileNative(signal.pattern);
        for (let at = regex.find(line); at >= 0 && at < line.length; at = regex.find(line, at + 1));
      };
      const words = wordsOf(signal.pattern);
      for (const separator of SEPARATORS) {
        const grows = () => expectRoughlyLinear((size) => everyMatch(lineOf(words, separator, size)), 20_000);
        expect(grows, `signal ${signal.id}, words joined by ${JSON.stringify(separator)}`).not.toThrow();
      }
      // Indentation before a key (`^\s*-?\s*key:`) is where two blank runs can split a line every way:
      // 10 KB against 100 KB. A square takes seconds at 100 KB (each split is a step of the regex), far
      // past the bound, where a linear match takes well under a millisecond.
      for (const blank of BLANKS) {
        for (const tail of ['', `${words[0] ?? ''}:`]) {
          const line = (size: number) => everyMatch(blank.repeat(size / blank.length) + tail);
          const grows = () => expectRoughlyLinear(line, 10_000);
          expect(grows, `signal ${signal.id}, ${JSON.stringify(blank)} repeated, then ${JSON.stringify(tail)}`).not.toThrow();
        }
      }
    }
  });

  it('builds each code view in time linear in the source, on sources made to make a lexer rescan', () => {
    const sources: Array<[string, (source: string) => unknown, string]> = [
      ['Python: unterminated f-string fields', pythonView, 'f"{a[(b, '],
      ['Python: nested brackets and strings', pythonView, '("x", [\'y\', {"""z'],
      ['Python: continuations and comments', pythonView, 'x = \\\n# c\n'],
      ['JavaScript: divisions that look like regular expressions', javascriptView, 'a / b [ / '],
      ['JavaScript: nested template literals', javascriptView, '`${`${'],
      ['R: raw strings that never close', rView, 'r"---(x '],
      ['TOML: arrays that never close', tomlView, 'k = [ "v", '],
      ['Markdown: backtick runs and indented lines', markdownView, '`` ` ```\n    \n'],
    ];
    for (const [, view, unit] of sources) {
      expectRoughlyLinear((size) => {
        const source = unit.repeat(Math.ceil(size / unit.length));
        return () => view(source);
      }, 50_000);
    }
  });
});
