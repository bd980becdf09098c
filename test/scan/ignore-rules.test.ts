import { describe, expect, it } from 'vitest';
import { compileRules, enter, ignoredIn, MAX_RULES, scopeOf, type IgnoreRules, type IgnoreScope } from '../../src/scan/ignore-rules.js';
import { walk } from '../../src/scan/walk.js';
import { expectRoughlyLinear } from '../helpers/growth.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Whether the walk would leave a path out: each ignore file of the chain (root first) in force from
 * its directory down, entered directory by directory as the walk enters them.
 */
function isIgnored(chain: readonly IgnoreRules[], path: string, directory: boolean): boolean {
  const parts = path.split('/');
  const name = parts.pop()!;
  let at = '';
  let scopes: IgnoreScope[] = chain.filter((rules) => rules.base === '').map(scopeOf);
  for (const part of parts) {
    at = at === '' ? part : `${at}/${part}`;
    scopes = [...enter(scopes, part), ...chain.filter((rules) => rules.base === at).map(scopeOf)];
  }
  return ignoredIn(scopes, at)(name, directory);
}

const ignoredBy = (text: string, path: string, directory = false) => isIgnored([compileRules(text, '').rules!], path, directory);

/** The verdict without looking for the rules' text first: the library asked for every path. */
function byEveryRule(chain: readonly IgnoreRules[], path: string, directory: boolean): boolean {
  let ignored = false;
  for (const { base, matcher } of chain) {
    const result = matcher.test((base === '' ? path : path.slice(base.length + 1)) + (directory ? '/' : ''));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

describe('ignore rules', () => {
  it('says what the rules say when it looks for their text first', () => {
    // Rules where a character of the rule need not be in the path, and paths in other cases.
    const text = [
      '**/Build', '/packages/*/lib', '!/packages/keep/lib', 'a/**/b', 'docs/', '*.LOG', '!important.log', '\\#hash', '\\!bang',
      'x[0-9]y', 'ca?he', 'node_modules/', '!**/fixtures/**/node_modules', 'trailing   ', 'dir/**', 'ünï', '[]a]bc', 'q\\*z', '{one,two}',
      '/packages/*/LICENSE', '!/packages/keep/LICENSE', '*.tsbuildinfo', '/.vscode/**', '!/.vscode/settings.json', 'p/*/q/*.js', ' lead',
    ].join('\n');
    const paths = [
      'build', 'src/BUILD', 'packages/a/lib', 'packages/keep/lib', 'packages/a/lib/x.js', 'a/b', 'a/x/y/b', 'A/B', 'docs', 'docs/x.md',
      'x.log', 'IMPORTANT.LOG', 'important.log', '#hash', '!bang', 'x5y', 'x/5/y', 'cache', 'CAXHE', 'node_modules', 'test/fixtures/a/node_modules',
      'trailing', 'dir', 'dir/a/b.txt', 'ünï', 'ÜNÏ', 'src/main.py', 'lib', 'b', ']bc', 'abc', 'q*z', 'qxz', '{one,two}', 'one', 'packages/a/LICENSE',
      'packages/keep/license', 'a.tsbuildinfo', 'x/y.TSBUILDINFO', '.vscode/a.json', '.vscode/settings.json', 'p/1/q/x.js', 'P/1/Q/X.JS', ' lead', 'lead',
    ];
    const nested = compileRules('!build\n*.md\n!keep.md\nlib/\n', 'sub').rules!;
    // With and without a rule of no ASCII text, which every path is then tested against.
    for (const root of [compileRules(text, '').rules!, compileRules(text.replace('ünï\n', ''), '').rules!]) {
      // The nested file's rules apply below its directory only, as in a walk.
      const cases = paths.flatMap((path) => [
        { chain: [root], at: path },
        { chain: [root], at: `sub/${path}` },
        { chain: [root, nested], at: `sub/${path}` },
        { chain: [root, nested], at: `sub/deep/${path}` },
      ]);
      for (const { chain, at } of cases) {
        for (const directory of [false, true]) expect(isIgnored(chain, at, directory), `${at} ${directory} ${chain.length}`).toBe(byEveryRule(chain, at, directory));
      }
    }
  });

  it('tests every path against rules that hold no text of their own', () => {
    expect(compileRules('*\n!*.py\n', '').rules!.rulePieces[0]).toEqual([]);
    expect(ignoredBy('*\n!*.py\n', 'a.txt')).toBe(true);
    expect(ignoredBy('*\n!*.py\n', 'a.py')).toBe(false);
  });

  it('keeps the verdict when rules repeat: the last of equal rules decides', () => {
    const text = '*.log\n!keep.log\n*.log\n# a comment\n\n';
    expect(ignoredBy(text, 'keep.log')).toBe(true);
    expect(ignoredBy('*.log\n*.log\n!keep.log\n', 'keep.log')).toBe(false);
    expect(compileRules(text, '').dropped).toBe(0);
  });

  it(`applies the first ${MAX_RULES} distinct rules and counts the rest`, () => {
    const text = Array.from({ length: MAX_RULES + 500 }, (_, i) => `build-${i}/`).join('\n');
    const { dropped } = compileRules(text, '');
    expect(dropped).toBe(500);
    expect(ignoredBy(text, `build-${MAX_RULES - 1}`, true)).toBe(true);
    expect(ignoredBy(text, `build-${MAX_RULES}`, true)).toBe(false);
  });

  it('costs time linear in the rules and the files together, however long the file', () => {
    expectRoughlyLinear((size) => {
      const text = Array.from({ length: size * 50 }, (_, i) => (i % 2 ? `cache-${i}/` : `*.tmp${i}`)).join('\n');
      const paths = Array.from({ length: size }, (_, i) => `src/module${i % 20}/file${i}.py`);
      return () => {
        const { rules } = compileRules(text, '');
        for (const path of paths) isIgnored([rules!], path, false);
      };
    }, 50);
  });

  it('names a .gitignore whose rules are not all applied', async () => {
    const root = await tempDir({ '.gitignore': `${Array.from({ length: MAX_RULES + 1 }, (_, i) => `out-${i}.txt`).join('\n')}\n`, 'out-0.txt': 'x', [`out-${MAX_RULES}.txt`]: 'x' });
    const result = await walk(root, { maxFiles: 100 });
    expect(result.paths).toEqual(['.gitignore', `out-${MAX_RULES}.txt`]);
    expect(result.warnings).toEqual([{ path: '.gitignore', message: expect.stringMatching(/^only the first 2,000 distinct ignore rules are applied; 1 more are not/) }]);
  });
});
