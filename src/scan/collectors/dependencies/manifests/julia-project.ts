import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { asTable, entriesOf, parseTomlFile } from '../parse.js';
import { SourceLines } from '../source-lines.js';

/**
 * Julia's Project.toml lists packages by UUID under `[deps]` and their accepted versions under
 * `[compat]`, ranges by design: the Manifest.toml beside it pins them. A Project.toml without
 * `[deps]` is not a manifest.
 */
function readJuliaProject(file: FileContent, warn: Warn): ManifestRead | null {
  const doc = parseTomlFile(file, warn);
  const deps = asTable(doc?.deps);
  if (!doc || !deps) return null;
  const source = new SourceLines(file.lines());
  const out = new Declarations(file.path, warn);
  const anchor = source.tableStart(['deps']);
  const compat = asTable(doc.compat);
  for (const [name] of entriesOf(deps)) {
    const spec = typeof compat?.[name] === 'string' ? (compat[name] as string) : '';
    out.add({ name, spec, pinned: /^=\s*\d/.test(spec) }, source.lineOf(name, anchor), false, 'julia');
  }
  return { kind: 'Project.toml', ecosystem: 'julia', declarations: out.list, managers: ['pkg.jl'] };
}

/** Julia's `Project.toml` (and `JuliaProject.toml`). */
export const juliaProject: ManifestFormat = { matches: (name) => name === 'Project.toml' || name === 'JuliaProject.toml', read: readJuliaProject };
