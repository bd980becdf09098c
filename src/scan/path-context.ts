import type { PathContext } from './location.js';

/*
 * Which part of a project a path belongs to. Examples, fixtures, vendored code and documentation
 * show what *someone* does, not what this team does in production, so rules count them only
 * when they ask for them. The first matching rule wins, most specific first.
 */
const DIRECTORY_CONTEXTS: Array<[PathContext, ReadonlySet<string>]> = [
  ['fixture', new Set(['fixtures', 'fixture', '__fixtures__', 'testdata', 'test_data', 'test-data', '__snapshots__', 'cassettes'])],
  ['vendor', new Set(['vendor', 'vendored', 'third_party', 'third-party', 'thirdparty', 'external', 'extern', 'site-packages'])],
  ['example', new Set(['examples', 'example', 'samples', 'sample', 'demo', 'demos', 'tutorials', 'tutorial', 'cookbook', 'recipes'])],
  ['test', new Set(['tests', 'test', 'testing', '__tests__', 'spec', 'specs', 'e2e', 'integration_tests', 'unit_tests'])],
  ['docs', new Set(['docs', 'doc', 'documentation', 'site-docs'])],
];

const TEST_FILE = /(^test_.*\.py$)|(_tests?\.py$)|(^tests\.py$)|(^conftest\.py$)|(\.(test|spec)\.[cm]?[jt]sx?$)/;

/** Contexts are asked for the same paths again and again (scan, evidence, every rule). */
const memo = new Map<string, PathContext>();
const MEMO_LIMIT = 200_000;

export function pathContext(path: string): PathContext {
  let context = memo.get(path);
  if (context === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(path, (context = classify(path)));
  }
  return context;
}

function classify(path: string): PathContext {
  const parts = path.split('/');
  const directories = parts.slice(0, -1).map((part) => part.toLowerCase());
  for (const [context, names] of DIRECTORY_CONTEXTS) {
    if (directories.some((directory) => names.has(directory))) return context;
  }
  if (TEST_FILE.test(parts[parts.length - 1] ?? '')) return 'test';
  return 'project';
}
