import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations, pathSaysDev } from '../declarations.js';
import type { Declaration, ManifestFormat, ManifestRead } from '../manifest.js';
import { logicalLines } from '../requirement.js';

const REQUIREMENTS_FILE = /^(?:[\w.-]*[-_.])?requirements(?:[-_.][\w.-]*)?\.(?:txt|in)$/i;

/**
 * pip-compile and `uv pip compile` note under each requirement what pulled it in: `# via mlflow`,
 * or `# via` followed by one `#   source` line per source. The old single-line form trails the
 * requirement (`starlette==0.36.3  # via fastapi, mlflow`).
 */
const VIA_NOTE = /(?:^|\s)#\s*via\b(.*)$/;
const VIA_SOURCE_LINE = /^\s*#\s{2,}(\S.*)$/;
/** A source the team wrote: an input file (`-r requirements.in`) or the project's own metadata (`app (pyproject.toml)`). */
const TEAM_SOURCE = /^(?:-r|--requirement)\s|\([^()]*\)$/;
/**
 * An input file a compiled file was made from: `-r requirements-constraints.txt`. Not a `-c` source:
 * a constraint is often another compiled file (`-c requirements.txt` in the dev file), installed itself.
 */
const INPUT_SOURCE = /^(?:-r|--requirement)\s+(\S+)$/;

function readRequirementsFile(file: FileContent, warn: Warn): ManifestRead {
  const out = new Declarations(file.path, warn);
  const dev = pathSaysDev(file.path);
  // What pulled in the last declaration, while the comment lines under it are read.
  let noted: { index: number; sources: string[]; listing: boolean } | undefined;
  const transitive = (note: typeof noted) => note !== undefined && note.sources.length > 0 && !note.sources.some((source) => TEAM_SOURCE.test(source));
  const inputs = new Set<string>();
  const settle = () => {
    if (transitive(noted)) out.list[noted!.index]!.via = noted!.sources;
    for (const source of noted?.sources ?? []) {
      const input = INPUT_SOURCE.exec(source)?.[1];
      if (input) inputs.add(input);
    }
    noted = undefined;
  };
  for (const { text, line } of logicalLines(file.lines())) {
    const declaredBefore = out.list.length;
    out.requirementLine(text, line, dev);
    if (out.list.length > declaredBefore) {
      settle();
      noted = { index: declaredBefore, sources: [], listing: false };
    } else if (!/^\s*#/.test(text)) {
      settle();
      continue;
    }
    if (!noted) continue;
    const via = VIA_NOTE.exec(text);
    if (via) {
      noted.sources.push(...splitSources(via[1]!));
      noted.listing = true;
    } else if (noted.listing) {
      const source = VIA_SOURCE_LINE.exec(text)?.[1];
      if (source === undefined) noted.listing = false;
      else noted.sources.push(source.trim());
    }
  }
  settle();
  if (isFreeze(out.list)) for (const declaration of out.list) declaration.frozen = true;
  const read: ManifestRead = { kind: 'requirements', ecosystem: 'pypi', declarations: out.list, managers: ['pip'], installsProject: out.installsProject };
  return inputs.size > 0 ? { ...read, compiledFrom: [...inputs].sort() } : read;
}

/**
 * Packages that come with others and that nobody lists by hand: three or more of them in a list
 * where everything is pinned say the list is `pip freeze` output.
 */
const CAME_WITH_OTHERS: ReadonlySet<string> = new Set([
  'certifi', 'idna', 'urllib3', 'charset-normalizer', 'chardet', 'six', 'packaging', 'typing-extensions', 'python-dateutil',
  'pytz', 'tzdata', 'pyparsing', 'zipp', 'importlib-metadata', 'markupsafe', 'attrs', 'wrapt', 'cffi', 'pycparser',
]);
const FREEZE_MIN_PACKAGES = 15;

/**
 * A compiled file (pip-compile) is read by its `# via` notes instead. pip freeze writes a package
 * installed from a repository or an archive as a direct reference (`timeseries @ git+https://…@…`),
 * which may name a branch (`@master`): such a line does not make the list hand-written.
 */
function isFreeze(declarations: readonly Declaration[]): boolean {
  const directReference = (declaration: Declaration) => declaration.spec.startsWith('@ ');
  if (declarations.length < FREEZE_MIN_PACKAGES || declarations.some((declaration) => (!declaration.pinned && !directReference(declaration)) || declaration.via)) return false;
  let foundations = 0;
  for (const declaration of declarations) if (CAME_WITH_OTHERS.has(declaration.name)) foundations += 1;
  return foundations >= 3;
}

function splitSources(text: string): string[] {
  return text
    .split(',')
    .map((source) => source.trim())
    .filter((source) => source !== '');
}

/** pip's requirements files: `requirements.txt`, `requirements-dev.in`, `requirements/test.txt`. */
export const requirementsFile: ManifestFormat = {
  matches: (name, parent) => REQUIREMENTS_FILE.test(name) || (/\.(?:txt|in)$/i.test(name) && parent().toLowerCase() === 'requirements'),
  read: readRequirementsFile,
};
