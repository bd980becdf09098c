import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { entriesOf, parseJsonObject } from '../parse.js';
import { SourceLines } from '../source-lines.js';

/** npm: one exact semver version, nothing else (no range, tag, git or file reference). */
function isExactNpm(spec: string): boolean {
  return /^=?v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(spec);
}

const NPM_SECTIONS = [
  { key: 'dependencies', dev: false },
  { key: 'optionalDependencies', dev: false },
  { key: 'devDependencies', dev: true },
];

function readPackageJson(file: FileContent, warn: Warn): ManifestRead | null {
  const doc = parseJsonObject(file, warn);
  if (!doc) return null;
  const source = new SourceLines(file.lines());
  const out = new Declarations(file.path, warn);
  for (const { key, dev } of NPM_SECTIONS) {
    const anchor = source.keyStart([], key);
    for (const [name, spec] of entriesOf(doc[key])) {
      if (typeof spec !== 'string') continue;
      out.add({ name, spec, pinned: isExactNpm(spec.trim()) }, source.lineOf(name, anchor), dev, 'npm');
    }
  }
  // The client (npm, yarn, pnpm) is told by the lock file; see managersOf.
  return { kind: 'package.json', ecosystem: 'npm', declarations: out.list, managers: [] };
}

/** npm's `package.json`. */
export const packageJson: ManifestFormat = { matches: (name) => name === 'package.json', read: readPackageJson };
