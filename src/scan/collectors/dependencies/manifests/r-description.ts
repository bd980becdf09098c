import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';

/** The fields of an R package's DESCRIPTION that name packages; Suggests are for tests, vignettes and examples. */
const FIELDS: ReadonlyMap<string, boolean> = new Map([
  ['Depends', false],
  ['Imports', false],
  ['LinkingTo', false],
  ['Suggests', true],
]);

const ENTRY = /^\s*([A-Za-z][\w.]*)\s*(?:\(\s*([^)]*?)\s*\))?\s*$/;

/**
 * An R package's DESCRIPTION (Debian control format: `Field: value`, continued on indented lines).
 * Versions are minimums (`(>= 1.3.0)`); only `(== x)` names one. An renv.lock pins an environment.
 */
function readDescription(file: FileContent, warn: Warn): ManifestRead | null {
  const out = new Declarations(file.path, warn);
  let dev: boolean | undefined;
  let isPackage = false;
  file.lines().forEach((text, index) => {
    const field = /^([\w@/.-]+):\s*(.*)$/.exec(text);
    if (field) {
      isPackage ||= field[1] === 'Package';
      dev = FIELDS.get(field[1]!);
    } else if (!/^\s/.test(text)) dev = undefined;
    if (dev === undefined) return;
    for (const item of (field ? field[2]! : text).split(',')) {
      const entry = ENTRY.exec(item);
      if (!entry || entry[1] === 'R') continue;
      const spec = entry[2] ?? '';
      out.add({ name: entry[1]!, spec, pinned: /^==/.test(spec) }, index + 1, dev, 'cran');
    }
  });
  return isPackage ? { kind: 'DESCRIPTION', ecosystem: 'cran', declarations: out.list, managers: [] } : null;
}

/** An R package's `DESCRIPTION`. */
export const rDescription: ManifestFormat = { matches: (name) => name === 'DESCRIPTION', read: readDescription };
