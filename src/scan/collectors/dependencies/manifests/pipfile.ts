import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { parseTomlFile } from '../parse.js';
import { isExactPep440 } from '../requirement.js';
import { SourceLines } from '../source-lines.js';

const PIPFILE_SECTIONS = [
  { table: 'packages', dev: false },
  { table: 'dev-packages', dev: true },
];

function readPipfile(file: FileContent, warn: Warn): ManifestRead | null {
  const doc = parseTomlFile(file, warn);
  if (!doc) return null;
  const source = new SourceLines(file.lines());
  const out = new Declarations(file.path, warn);
  for (const { table, dev } of PIPFILE_SECTIONS) out.describedTable(doc[table], source, source.tableStart([table]), dev, isExactPep440);
  return { kind: 'pipfile', ecosystem: 'pypi', declarations: out.list, managers: ['pipenv'] };
}

/** Pipenv's `Pipfile`. */
export const pipfile: ManifestFormat = { matches: (name) => name === 'Pipfile', read: readPipfile };
