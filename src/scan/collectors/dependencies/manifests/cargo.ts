import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { asTable, parseTomlFile } from '../parse.js';
import { SourceLines } from '../source-lines.js';

/** Cargo reads `"1.2"` as `^1.2`: only `=1.2.3` names one version. Cargo.lock pins the rest. */
const isExactCargo = (version: string) => /^=\s*\d/.test(version);

const CARGO_TABLES = [
  { path: ['dependencies'], dev: false },
  { path: ['workspace', 'dependencies'], dev: false },
  { path: ['build-dependencies'], dev: true },
  { path: ['dev-dependencies'], dev: true },
];

function readCargo(file: FileContent, warn: Warn): ManifestRead | null {
  const doc = parseTomlFile(file, warn);
  if (!doc) return null;
  const source = new SourceLines(file.lines());
  const out = new Declarations(file.path, warn);
  for (const { path, dev } of CARGO_TABLES) {
    const table = path.reduce<unknown>((value, key) => asTable(value)?.[key], doc);
    out.describedTable(table, source, source.tableStart(path), dev, isExactCargo, 'cargo');
  }
  return { kind: 'Cargo.toml', ecosystem: 'cargo', declarations: out.list, managers: ['cargo'] };
}

/** Rust's `Cargo.toml`. */
export const cargoManifest: ManifestFormat = { matches: (name) => name === 'Cargo.toml', read: readCargo };
