/*
 * A pack's cases live beside it: `acme.yaml` is tested by `acme.tests.yaml` (as Semgrep keeps a
 * rule's test targets beside the rule), so that a pack stays the document its users read, and a
 * directory of packs given to `--rules` can hold their tests too: the loader skips them.
 */

const PACK = /\.(ya?ml|json)$/;
const TESTS = /\.tests\.(ya?ml|json)$/;

/** A file a directory of packs holds as a pack: YAML or JSON, and not a pack's tests. */
export function isPackFile(name: string): boolean {
  return PACK.test(name) && !TESTS.test(name);
}

export function isTestsFile(name: string): boolean {
  return TESTS.test(name);
}

/** The tests file of a pack: `acme.yaml` → `acme.tests.yaml`. */
export function testsFileOf(pack: string): string {
  return pack.replace(PACK, '.tests.$1');
}

/** The pack a tests file tests: `acme.tests.yaml` → `acme.yaml`. */
export function packOf(testsFile: string): string {
  return testsFile.replace(TESTS, '.$1');
}
