import { readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { BUILTIN_PACKS } from '../../src/rules/load.js';
import { describe, expect, it } from 'vitest';
import { FileIndex } from '../../src/rules/file-index.js';
import { GlobSet, globMatcher, globProblem, rememberExtglobs } from '../../src/util/glob.js';

const paths = ['Dockerfile', 'docker/Dockerfile', 'a.tf', 'infra/main.tf', '.tf', 'x.tf.json', '.github/workflows/ci.yml', 'src/train.py', '.env', 'config/.env', 'Dockerfile.gpu'];

const corpus = [
  ...paths,
  'models/churn/schema.yml', 'dbt/models/staging/schema.yaml', 'models/x.yml', '.dvc/config', '.circleci/config.yml', 'azure-pipelines-prod.yml',
  'src/serve_api.py', 'app/api/routes/predict.py', 'api/v1/x.py', 'conf/base/catalog.yml', 'conf/base/parameters.yaml', 'conf/local/a/b.yaml',
  'dags/train_dag.py', 'dags/sub/train.py', 'train.py', 'src/train_model.py', 'training/train.py', 'src/training/loop.py', 'docs/Labeling Guide.md',
  'reports/profile.html', 'tests/data/test_x.py', 'src/data/prepare.py', '.github/dependabot.yml', 'a/b/c/d/e.py', 'README.md',
];

/**
 * The file index finds what picomatch matches, for each pattern: over the named paths alone, and
 * with enough padding paths (`pad/p<i>.<extension>`) that the index filters by the globs' literals,
 * which a small repository's lookups skip.
 */
function expectIndexAgreesWithPicomatch(named: readonly string[], padExtension: string, patterns: Iterable<string>): void {
  const all = [...named, ...Array.from({ length: 2_000 }, (_, i) => `pad/p${i}.${padExtension}`)].sort();
  for (const paths of [[...named].sort(), all]) {
    const index = new FileIndex(paths);
    for (const pattern of patterns) {
      const reference = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
      expect(index.find(pattern), pattern).toEqual(paths.filter((path) => reference(path)));
    }
  }
}

describe('globMatcher against every glob of the built-in packs', () => {
  const patterns = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'file') [typeof value === 'string' || Array.isArray(value) ? value : (value as { glob: string | string[] }).glob].flat().forEach((p) => patterns.add(p));
        else if (key === 'files' || key === 'glob') [value].flat().forEach((p) => typeof p === 'string' && patterns.add(p));
        else collect(value);
      }
    }
  };
  for (const pack of BUILTIN_PACKS) collect(parse(readFileSync(new URL(`../../rules/${pack}.yaml`, import.meta.url), 'utf8')));

  it('gives, as a set, the owners picomatch matches, in the order they were given, for paths sharing file names', () => {
    const owners = [...patterns].map((pattern, i) => ({ owner: `glob ${i}`, globs: [pattern] }));
    // Owners with several globs, one anchored and one not, as signals have.
    owners.push({ owner: 'mixed', globs: ['.github/workflows/*.yml', 'Dockerfile*'] }, { owner: 'braces', globs: ['{docs,doc}/**/*.md', '*.{tf,py}'] });
    // Globs ending in a wildcard, tried on every path after a look for their text.
    owners.push({ owner: 'wildcard-ended', globs: ['**/runbooks/**', 'src/**', 'models/*', '*.@(md|txt)', 'ops/[rR]un*/**'] });
    const set = new GlobSet(owners);
    const named = [
      ...corpus, 'deep/.github/workflows/ci.yml', 'other/train.py', 'docs/README.md', 'x/docs/README.md', 'doc/a/b.md', 'Dockerfile.gpu', 'a/Dockerfile.gpu',
      'ops/runbooks/restart.md', 'runbooks/a.txt', 'Runbooks/a.txt', 'ops/Runbook/b', 'src/x/y/z', 'models/churn', 'notes.txt',
    ];
    const references = owners.map(({ owner, globs }) => ({ owner, matchers: globs.map((glob) => picomatch(glob, { dot: true, basename: !glob.includes('/') })) }));
    // Each path twice: the second asks the verdicts kept for its file name.
    for (const path of [...named, ...named]) {
      const expected = references.filter(({ matchers }) => matchers.some((matches) => matches(path))).map(({ owner }) => owner);
      expect(set.matching(path), path).toEqual(expected);
    }
  });

  it('agrees with picomatch on every one', () => {
    expect(patterns.size).toBeGreaterThan(100);
    for (const pattern of patterns) {
      const reference = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
      const matches = globMatcher(pattern);
      expect(corpus.filter((path) => matches(path)), pattern).toEqual(corpus.filter((path) => reference(path)));
    }
  });

  it('finds in the file index what picomatch matches, for every one', () => {
    // Names that the packs' globs look for, at the root and deeper, so that the literal filters are tried on matches.
    const named = [
      ...corpus, '.env.production', '.env.example', 'infra/envs/prod/main.tf', 'deploy/staging/values.yaml', 'env/dev.tfvars', 'x/prod.tfvars.json',
      'credentials.json', 'credentials.example.json', 'docs/runbooks/deploy.md', 'RUNBOOK.md', 'ops/post-mortems/2024.md', 'config/prod.yaml',
      'charts/values-staging.yaml', 'tests/test_end_to_end_api.py', '.github/ISSUE_TEMPLATE/incident.md', 'Problem_Statement.md', 'DATA_CARD.md',
    ];
    expectIndexAgreesWithPicomatch(named, 'dat', patterns);
  });
});

describe('the file index', () => {
  it('finds by the ending a match needs what picomatch matches, extended globs and classes included', () => {
    const named = [...corpus, 'docs/a.md', 'docs/b.mdx', 'x.md', 'a.MD', 'src/x.ts', 'src/y.js', 'ci/a.yaml', 'b.yml', 'docs/sub/c.md', 'notes.md.bak'];
    const patterns = ['!(*.md)', '*.@(yml|yaml)', '+(x|a).md', '*.[jt]s', 'src/**/!(x).ts', '**/*.md', 'docs/*', '*.md', 'docs/**/*.md', '*md', '**/[ab].md'];
    expectIndexAgreesWithPicomatch(named, 'md', patterns);
  });

  it('finds by the literal start of a glob or by directory (a glob ending in /**) what picomatch matches, sorted paths or not', () => {
    const named = [
      ...corpus, 'docs/a/b.md', 'docs-old/x.md', 'docs.md', 'ops/runbooks/a/b.md', 'ops/runbooks-old/c.md', 'runbooks/x', 'a/runbooks.md', 'infra/envs/prod/main.tf',
      'infra/envs/prod/sub/x.tf', 'infra/envs/production-like/y.tf', 'deploy/k8s/staging/z.yaml', '.github/workflows/ci.yml', '.github/workflows.yml', 'docs/\nx/y.md',
    ];
    const patterns = ['docs/**', '**/runbooks/**', 'ops/**/*.md', '.github/workflows/*.yml', '**/envs/{prod,staging}/**', '{infra,deploy}/**', '**/**', 'docs/**/**', 'src/train.py', 'docs/[ab]/**'];
    expectIndexAgreesWithPicomatch(named, 'md', patterns);
    const unsorted = [...named].reverse();
    const index = new FileIndex(unsorted);
    for (const pattern of patterns) {
      const reference = picomatch(pattern, { dot: true });
      expect(index.find(pattern), pattern).toEqual(unsorted.filter((path) => reference(path)));
    }
  });

  it('finds a file at the root for a glob that starts with **/, which may match no directory', () => {
    const index = new FileIndex(['train.py', 'src/train.py', 'src/pretrain.py', 'retrain.py']);
    expect(index.find('**/train.py')).toEqual(['train.py', 'src/train.py']);
    expect(new GlobSet([{ owner: 'train', globs: ['**/train.py'] }]).matching('train.py')).toEqual(['train']);
  });
});

describe('globMatcher', () => {
  // The file index answers the same globs from its maps; both must agree with picomatch.
  it.each(['Dockerfile', '*.tf', '*.py', '.env', '*.yml', '.github/workflows/*.yml', 'Dockerfile*', '**/*.py', 'src/**'])(
    'matches %s exactly as picomatch does',
    (pattern) => {
      const reference = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
      const matches = globMatcher(pattern);
      expect(paths.filter((path) => matches(path))).toEqual(paths.filter((path) => reference(path)));
      expect(new FileIndex([...paths].sort()).find(pattern)).toEqual([...paths].sort().filter((path) => reference(path)));
    },
  );
});

describe('globMatcher on globs of literals and stars, matched without a regular expression', () => {
  it('matches as picomatch does where a ** meets a line break, an empty name or many directories', () => {
    const globs = ['docs/**', '**/runbooks/**', '**/train_*.py', 'a/**/b', '*runbook*.{md,rst}', '**/a', 'AWS::*', '{a,b/c}/**', 'a*b*c*d', 'x/*/y/**/z*.md'];
    const names = [
      'docs/a\nb.md', 'docs\n/a.md', 'x\n/runbooks/a', 'runbooks/a\nb', 'a\nb/train_x.py', 'train_\nx.py', 'a/x\ny/b', 'a\u2028/b', 'a/b', 'a//b', 'my\nrunbook.md',
      'abcd', 'a\nb\nc\nd', 'b/c/x', '/a', 'q/a', 'x/q/y/r/s/z1.md', 'x/q/y/z.md', 'x/y/z.md', 'AWS::S3::Bucket', 'docs.md', 'acbd',
    ];
    for (const glob of globs) {
      const reference = picomatch(glob, { dot: true, basename: !glob.includes('/') });
      const matches = globMatcher(glob);
      expect(names.filter((name) => matches(name)), glob).toEqual(names.filter((name) => reference(name)));
    }
  });

  it('match in a glob set, which keeps the verdict of a name in any directory per file name, as picomatch does', () => {
    // `**/NAME` globs beside globs of the same names without the directory part and with others: a line
    // break in a directory stops the `**` of the first, not the others; the same names recur in other directories.
    const owners = ['**/train_*.py', '**/*runbook*.md', 'train_*.py', '**/a', '**/*', 'x/**/a', '**/r*.md', '**/[ab].md', '**/!(x).md'].map((glob) => ({ owner: glob, globs: [glob] }));
    const set = new GlobSet(owners);
    const names = [
      'train_x.py', 'a/train_x.py', 'a\nb/train_x.py', 'a/b\r/c/train_x.py', 'q/train_\nx.py', 'my\nrunbook.md', 'ops/my\nrunbook.md', 'ops\u2028/runbook.md',
      'x/y/a', 'x\n/a', 'a', 'x/a/b', 'runbook.md', 'ops/runbook.md', 'b.md', 'y/b.md', 'y\n/b.md', 'x.md', '.runbook.md', 'a/.runbook.md', 'docs/', 'docs//a',
    ];
    const references = owners.map(({ owner }) => ({ owner, matches: picomatch(owner, { dot: true, basename: !owner.includes('/') }) }));
    // Each path twice: the second asks the verdicts kept for its file name.
    for (const path of [...names, ...[...names].reverse()]) {
      expect(set.matching(path), JSON.stringify(path)).toEqual(references.filter(({ matches }) => matches(path)).map(({ owner }) => owner));
    }
  });
});

describe('a glob set over a tree of ever new file names', () => {
  it('gives what picomatch matches for names met once, in runs of one kind and alternating', () => {
    const globs = ['*.py', '**/*.py', '*_test.py', '**/*inference*.py', '*', '*.md', 'src/**/*.py', '*.{yml,yaml}', 'Dockerfile*'];
    const owners = globs.map((glob) => ({ owner: glob, globs: [glob] }));
    const set = new GlobSet(owners);
    const references = owners.map(({ owner }) => ({ owner, matches: picomatch(owner, { dot: true, basename: !owner.includes('/') }) }));
    const kinds = ['m{i}.py', 'm{i}_test.py', 'x{i}inference.py', 'doc{i}.md', 'c{i}.yaml', 'Dockerfile.{i}', 'n{i}', '.{i}.py'];
    const paths = [
      ...Array.from({ length: 40 }, (_, i) => `pkg${i % 3}/src/${kinds[0]!.replace('{i}', String(i))}`),
      ...Array.from({ length: 80 }, (_, i) => `p/${kinds[i % kinds.length]!.replace('{i}', String(100 + i))}`),
      ...Array.from({ length: 40 }, (_, i) => `src/a/${kinds[Math.floor(i / 10) % kinds.length]!.replace('{i}', String(200 + i))}`),
    ];
    for (const path of paths) expect(set.matching(path), path).toEqual(references.filter(({ matches }) => matches(path)).map(({ owner }) => owner));
  });
});

describe('extended globs', () => {
  it('match from a remembered expression exactly as picomatch matches, the glob itself and odd paths included', () => {
    const patterns = ['keys!(*test*|*demo*).txt', 'deploy/**/!(*.sample).conf', '@(a|b)?(c).md'];
    rememberExtglobs(Object.fromEntries(patterns.map((pattern) => [pattern, picomatch.makeRe(pattern, { dot: true })])));
    const named = [...corpus, ...patterns, '', 'keys.txt', 'x/keys-prod.txt', 'keys-test.txt', 'deploy/a/b.conf', 'deploy/b.sample.conf', 'ac.md', 'x/bc.md', 'a.md/', 'x/keys1.txt/'];
    for (const pattern of patterns) {
      const reference = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
      const matches = globMatcher(pattern);
      expect(named.filter((path) => matches(path)), pattern).toEqual(named.filter((path) => reference(path)));
    }
  });

  it('are stored by the build as picomatch makes them', () => {
    const { extglobs } = JSON.parse(readFileSync(new URL('../../dist/rules/builtin-packs.json', import.meta.url), 'utf8')) as { extglobs: Record<string, { source: string; flags: string }> };
    expect(Object.keys(extglobs).length).toBeGreaterThan(0);
    for (const [pattern, stored] of Object.entries(extglobs)) {
      const { source, flags } = picomatch.makeRe(pattern, { dot: true });
      expect(stored, pattern).toEqual({ source, flags });
    }
  });
});

describe('globMatcher on file-name globs with more than two stars', () => {
  const names = [
    'THREAT_MODEL.md', 'docs/threat-model.markdown', 'security/ThreatModel.rst', 'threat.md', 'model-threat.md', 'threatmodel.txt',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', 'a/abcabcabcabc', 'x[y].md', 'abc', 'a?c', '.hidden-a-b-c', 'ccc/abcb',
  ];
  it.each([
    '*[Tt][Hh][Rr][Ee][Aa][Tt]*[Mm][Oo][Dd][Ee][Ll]*.{md,markdown,rst}',
    '*a*a*a*b',
    '*a*b*c*',
    '*[ab]*b*c',
    '?*b*c*',
    '*a*{b,c}*[bc]',
    '*[[]*]*',
  ])('matches %s exactly as picomatch does', (pattern) => {
    const reference = picomatch(pattern, { dot: true, basename: true });
    const matches = globMatcher(pattern);
    expect(names.filter((path) => matches(path))).toEqual(names.filter((path) => reference(path)));
  });

  it('reads [!…] as any character but those, as a shell does', () => {
    const matches = globMatcher('*[!a]*b*c');
    expect(['xbc', 'abc', 'aaxbc', 'abbc', 'bc'].filter((name) => matches(name))).toEqual(['xbc', 'aaxbc', 'abbc']);
  });

  it('reads a long name that almost matches in time linear in its length', () => {
    const matches = globMatcher('*a*a*a*a*a*a*a*a*a*a*a*a*c*b');
    // A backtracking engine takes the star count's power of the length here: it would not finish.
    expect(matches(`${'a'.repeat(50_000)}c`)).toBe(false);
  });

  it('names an invalid class as a problem, as for any other glob', () => {
    expect(globProblem('*[z-a]*x*y')).toMatch(/range/i);
  });
});
