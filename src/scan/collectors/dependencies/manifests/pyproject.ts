import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations, isDevName } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { asTable, entriesOf, parseTomlFile } from '../parse.js';
import { SourceLines } from '../source-lines.js';

/** Poetry reads a bare version (`1.2.3`) as exact, like `==1.2.3`; `^`, `~`, `*` and ranges are not. */
function isExactPoetry(spec: string): boolean {
  return /^(?:={1,3}\s*)?v?\d[\w.+!-]*$/.test(spec);
}

/** Tool tables in pyproject.toml that mean the project is managed by that tool. */
const PYPROJECT_MANAGERS = ['poetry', 'uv', 'pdm', 'hatch'];

function readPyproject(file: FileContent, warn: Warn): ManifestRead | null {
  const doc = parseTomlFile(file, warn);
  if (!doc) return null;
  const project = asTable(doc.project);
  const tool = asTable(doc.tool);
  const poetry = asTable(tool?.poetry);
  const source = new SourceLines(file.lines());
  const out = new Declarations(file.path, warn);

  const arrays = [
    { table: ['project'], key: 'dependencies', value: project?.dependencies, dev: false },
    ...entriesOf(project?.['optional-dependencies']).map(([extra, value]) => ({
      table: ['project', 'optional-dependencies'], key: extra, value, dev: isDevName(extra),
    })),
    ...entriesOf(doc['dependency-groups']).map(([group, value]) => ({ table: ['dependency-groups'], key: group, value, dev: true })),
    ...entriesOf(asTable(tool?.pdm)?.['dev-dependencies']).map(([group, value]) => ({
      table: ['tool', 'pdm', 'dev-dependencies'], key: group, value, dev: true,
    })),
    { table: ['tool', 'uv'], key: 'dev-dependencies', value: asTable(tool?.uv)?.['dev-dependencies'], dev: true },
  ];
  for (const { table, key, value, dev } of arrays) out.requirementArray(value, source, source.keyStart(table, key), dev);

  const poetryTables = [
    { table: ['tool', 'poetry', 'dependencies'], value: poetry?.dependencies, dev: false },
    { table: ['tool', 'poetry', 'dev-dependencies'], value: poetry?.['dev-dependencies'], dev: true },
    ...entriesOf(poetry?.group).map(([group, value]) => ({
      table: ['tool', 'poetry', 'group', group, 'dependencies'], value: asTable(value)?.dependencies, dev: group !== 'main',
    })),
  ];
  for (const { table, value, dev } of poetryTables) out.describedTable(value, source, source.tableStart(table), dev, isExactPoetry);

  // A pyproject.toml holding only tool settings (black, ruff, pytest) is not a manifest.
  if (!project && !poetry && doc['dependency-groups'] === undefined && out.list.length === 0) return null;
  const poetryDeclares = poetryTables.some(({ value }) => value !== undefined);
  return {
    kind: poetryDeclares ? 'poetry' : 'pyproject',
    ecosystem: 'pypi',
    declarations: out.list,
    managers: PYPROJECT_MANAGERS.filter((manager) => tool?.[manager] !== undefined),
  };
}

/** `pyproject.toml`: PEP 621 `[project]`, dependency groups, and Poetry, PDM and uv tables. */
export const pyproject: ManifestFormat = { matches: (name) => name === 'pyproject.toml', read: readPyproject };
