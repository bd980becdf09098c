import { parse as parseToml, TomlError } from 'smol-toml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { compareStrings } from '../../util/compare.js';
import { defineCollector, type Collector, type FileContent } from '../collector.js';
import type { PathContext, Warn } from '../location.js';
import type { Dependency, DependencyFacts, Ecosystem, LockFileInfo, ManifestInfo, ManifestKind } from './dependencies/facts.js';
import { pathContext } from '../path-context.js';
import { redactSecrets } from '../secret-patterns.js';

/*
 * Reads the manifests of Python, conda and npm projects without running anything: setup.py is
 * scanned for literal lists, never executed. Lock files are recognised by name (so one too large
 * to read still counts) and their packages counted when they were read.
 */

/** A requirement as written: the raw name (to find its line), the constraint, and whether it names one version. */
interface Requirement {
  name: string;
  spec: string;
  pinned: boolean;
}

type Declaration = Omit<Dependency, 'path'>;

interface ManifestRead {
  kind: ManifestKind;
  ecosystem: Ecosystem;
  declarations: Declaration[];
  managers: string[];
}

/** Returns null when the file turns out not to be a manifest (a pyproject.toml holding only tool settings). */
type ManifestReader = (file: FileContent, warn: Warn) => ManifestRead | null;

interface ManifestFormat {
  matches: (name: string, parent: string) => boolean;
  read: ManifestReader;
}

interface LockFormat {
  kind: LockFileInfo['kind'];
  ecosystem: Ecosystem;
  manager: string;
  name: RegExp;
  /** Absent for JS lock files: they can be huge and their presence is all the audit needs. */
  count?: (file: FileContent, warn: Warn) => number;
}

// ---------------------------------------------------------------------------------------------
// The collector

export const dependenciesCollector = defineCollector({ key: 'dependencies', create: collectDependencies });

function collectDependencies(): Collector<DependencyFacts> {
  const manifests: Array<{ path: string; read: ManifestRead }> = [];
  const lockPackages = new Map<string, number>();

  return {
    wants: (path) => eligible(path) && (manifestFormat(path) !== undefined || lockFormat(path)?.count !== undefined),
    visit(file, warn) {
      // Lock files first: `environment-gpu.conda-lock.yml` also looks like an environment file.
      const lock = lockFormat(file.path);
      if (lock) {
        if (lock.count) lockPackages.set(file.path, lock.count(file, warn));
        return;
      }
      const read = manifestFormat(file.path)?.read(file, warn);
      if (read) manifests.push({ path: file.path, read });
    },
    finish(index) {
      return summarise(
        manifests,
        lockPackages,
        index.files.map((file) => file.path).filter(eligible),
      );
    },
  };
}

/** Vendored code declares someone else's dependencies; installed packages are not the project's manifests. */
function eligible(path: string): boolean {
  return pathContext(path) !== 'vendor' && !path.split('/').includes('node_modules');
}

/** Contexts that show the team's own tooling; examples and fixtures show someone else's. */
const OWN_CONTEXTS: ReadonlySet<PathContext> = new Set(['project', 'test', 'docs']);

function summarise(
  visited: ReadonlyArray<{ path: string; read: ManifestRead }>,
  lockPackages: ReadonlyMap<string, number>,
  paths: readonly string[],
): DependencyFacts {
  // MLflow writes a requirements.txt and conda.yaml next to each logged model: artefacts, not the team's manifests.
  const modelDirectories = new Set(paths.filter((path) => fileName(path) === 'MLmodel').map(directoryOf));
  const manifests = visited
    .filter(({ path }) => !modelDirectories.has(directoryOf(path)))
    .sort((a, b) => compareStrings(a.path, b.path));
  const locks = paths.flatMap((path) => {
    const format = lockFormat(path);
    return format ? [{ path, format, packages: lockPackages.get(path) ?? 0 }] : [];
  });

  return {
    manifests: manifests.map(({ path, read }): ManifestInfo => ({
      path,
      ecosystem: read.ecosystem,
      kind: read.kind,
      declared: read.declarations.length,
      pinned: read.declarations.filter((declaration) => declaration.pinned).length,
    })),
    lockFiles: locks
      .map(({ path, format, packages }): LockFileInfo => ({ path, ecosystem: format.ecosystem, kind: format.kind, packages }))
      .sort((a, b) => compareStrings(a.path, b.path)),
    declared: manifests
      .flatMap(({ path, read }) => read.declarations.map((declaration): Dependency => ({ ...declaration, path })))
      .sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.path, b.path) || a.line - b.line),
    managers: managersOf(manifests, locks),
    pinning: pinningOf(manifests, locks, new Set(paths)),
  };
}

function managersOf(
  manifests: ReadonlyArray<{ path: string; read: ManifestRead }>,
  locks: ReadonlyArray<{ path: string; format: LockFormat }>,
): string[] {
  const own = <T extends { path: string }>(items: readonly T[]) => items.filter(({ path }) => OWN_CONTEXTS.has(pathContext(path)));
  const ownManifests = own(manifests);
  const ownLocks = own(locks);
  const managers = new Set([...ownManifests.flatMap(({ read }) => read.managers), ...ownLocks.map(({ format }) => format.manager)]);
  // A package.json says npm only when no lock file names another client.
  const jsLocked = ownLocks.some(({ format }) => format.ecosystem === 'npm');
  if (!jsLocked && ownManifests.some(({ read }) => read.kind === 'package.json')) managers.add('npm');
  return [...managers].sort(compareStrings);
}

function pinningOf(
  manifests: ReadonlyArray<{ path: string; read: ManifestRead }>,
  locks: ReadonlyArray<{ path: string; format: LockFormat }>,
  paths: ReadonlySet<string>,
): DependencyFacts['pinning'] {
  const inProject = (path: string) => pathContext(path) === 'project';
  if (locks.some(({ path, format }) => format.ecosystem !== 'npm' && inProject(path))) return 'locked';
  const runtime = manifests
    .filter(({ path }) => inProject(path) && !isCompiledInput(path, paths))
    .flatMap(({ read }) => read.declarations)
    .filter((declaration) => declaration.ecosystem !== 'npm' && !declaration.dev);
  if (runtime.length === 0) return 'none';
  const pinned = runtime.filter((declaration) => declaration.pinned).length;
  return pinned === runtime.length ? 'pinned' : pinned > 0 ? 'partial' : 'unpinned';
}

/** A pip-tools `.in` file is compiled into the sibling `.txt`, which is what gets installed. */
function isCompiledInput(path: string, paths: ReadonlySet<string>): boolean {
  return path.endsWith('.in') && paths.has(`${path.slice(0, -'.in'.length)}.txt`);
}

// ---------------------------------------------------------------------------------------------
// Which files are what

const REQUIREMENTS_FILE = /^(?:[\w.-]*[-_.])?requirements(?:[-_.][\w.-]*)?\.(?:txt|in)$/i;
/** `environment.yml`, `environment-gpu.yml`, `conda.yaml`, and Azure ML's `conda_dependencies.yml`. */
const CONDA_ENVIRONMENT_FILE = /^(?:environment(?:-[\w.-]+)?|conda(?:[_-][\w.-]+)?)\.ya?ml$/i;

const MANIFEST_FORMATS: ManifestFormat[] = [
  {
    matches: (name, parent) => REQUIREMENTS_FILE.test(name) || (parent.toLowerCase() === 'requirements' && /\.(?:txt|in)$/i.test(name)),
    read: readRequirementsFile,
  },
  { matches: (name) => name === 'pyproject.toml', read: readPyproject },
  { matches: (name) => name === 'Pipfile', read: readPipfile },
  { matches: (name) => name === 'setup.py', read: readSetupPy },
  { matches: (name) => name === 'setup.cfg', read: readSetupCfg },
  { matches: (name) => CONDA_ENVIRONMENT_FILE.test(name), read: readCondaEnvironment },
  { matches: (name) => name === 'package.json', read: readPackageJson },
];

// `dvc.lock` is a DVC pipeline lock, not a dependency lock: it is deliberately absent.
const LOCK_FORMATS: LockFormat[] = [
  { kind: 'poetry.lock', ecosystem: 'pypi', manager: 'poetry', name: /^poetry\.lock$/, count: countPackageTables },
  { kind: 'uv.lock', ecosystem: 'pypi', manager: 'uv', name: /^uv\.lock$/, count: countPackageTables },
  { kind: 'pdm.lock', ecosystem: 'pypi', manager: 'pdm', name: /^pdm\.lock$/, count: countPackageTables },
  { kind: 'Pipfile.lock', ecosystem: 'pypi', manager: 'pipenv', name: /^Pipfile\.lock$/, count: countPipfileLock },
  { kind: 'conda-lock', ecosystem: 'conda', manager: 'conda', name: /^(?:[\w.-]+\.)?conda-lock\.ya?ml$/, count: countCondaLock },
  { kind: 'package-lock.json', ecosystem: 'npm', manager: 'npm', name: /^package-lock\.json$/ },
  { kind: 'yarn.lock', ecosystem: 'npm', manager: 'yarn', name: /^yarn\.lock$/ },
  { kind: 'pnpm-lock.yaml', ecosystem: 'npm', manager: 'pnpm', name: /^pnpm-lock\.yaml$/ },
];

function manifestFormat(path: string): ManifestFormat | undefined {
  const name = fileName(path);
  const parent = fileName(directoryOf(path));
  return MANIFEST_FORMATS.find((format) => format.matches(name, parent));
}

function lockFormat(path: string): LockFormat | undefined {
  const name = fileName(path);
  return LOCK_FORMATS.find((format) => format.name.test(name));
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function directoryOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

/** Words that mark a file, extra or group as serving development rather than the running product. */
const DEV_WORDS: ReadonlySet<string> = new Set([
  'dev', 'devel', 'develop', 'development', 'test', 'tests', 'testing', 'docs', 'doc', 'documentation',
  'lint', 'linting', 'linters', 'typing', 'mypy', 'ci', 'style', 'qa', 'coverage',
]);

function isDevName(name: string): boolean {
  return name.toLowerCase().split(/[-_.\s]+/).some((word) => DEV_WORDS.has(word));
}

/** `requirements-dev.txt`, `requirements/test.txt`, `docs/requirements.txt`. */
function pathSaysDev(path: string): boolean {
  const directories = path.split('/').slice(0, -1);
  const stem = fileName(path).replace(/\.[^.]*$/, '');
  return isDevName(stem) || directories.some((directory) => DEV_WORDS.has(directory.toLowerCase()));
}

// ---------------------------------------------------------------------------------------------
// Declarations of one manifest

/** Collects one manifest's declarations, normalising names and warning about what it cannot read. */
class Declarations {
  readonly list: Declaration[] = [];

  constructor(
    private readonly path: string,
    private readonly warn: Warn,
  ) {}

  add(requirement: Requirement, line: number, dev: boolean, ecosystem: Ecosystem = 'pypi'): void {
    this.list.push({
      ecosystem,
      name: normaliseName(requirement.name, ecosystem),
      spec: safeSpec(requirement.spec),
      pinned: requirement.pinned,
      dev,
      line,
    });
  }

  /** A PEP 508 string such as `pandas[parquet]>=2.0; python_version >= "3.9"`. */
  requirement(text: string, line: number, dev: boolean): void {
    const requirement = parseRequirement(text);
    if (requirement) this.add(requirement, line, dev);
    else this.unreadable(text, line);
  }

  /** A line of a requirements file: options are skipped, `--hash` pins, `-e URL#egg=name` is named by its egg. */
  requirementLine(text: string, line: number, dev: boolean): void {
    const body = text.replace(TRAILING_COMMENT, '').trim();
    const target = body.replace(EDITABLE_OPTION, '');
    if (target === '' || target.startsWith('-')) return;
    if (PATH_OR_URL.test(target)) {
      const egg = EGG_FRAGMENT.exec(target)?.[1];
      if (egg) this.add({ name: egg, spec: target, pinned: PINNED_URL.test(target) }, line, dev);
      return;
    }
    const optionsAt = target.search(REQUIREMENT_OPTION);
    const requirement = parseRequirement(optionsAt < 0 ? target : target.slice(0, optionsAt));
    if (!requirement) return this.unreadable(body, line);
    const hashed = optionsAt >= 0 && HASH_OPTION.test(target.slice(optionsAt));
    this.add({ ...requirement, pinned: requirement.pinned || hashed }, line, dev);
  }

  /** A TOML array of PEP 508 strings; `anchor` is the line index where its key sits. */
  requirementArray(value: unknown, source: SourceLines, anchor: number, dev: boolean): void {
    if (!Array.isArray(value)) return;
    for (const item of value) {
      // Tables such as `{include-group = "test"}` point at other groups, which are read on their own.
      if (typeof item !== 'string') continue;
      const requirement = parseRequirement(item);
      if (requirement) this.add(requirement, source.lineOf(requirement.name, anchor), dev);
      else this.unreadable(item, anchor + 1);
    }
  }

  /** A TOML table of `name = spec` as Poetry and Pipenv write them; `anchor` is the line index of its header. */
  describedTable(value: unknown, source: SourceLines, anchor: number, dev: boolean, isExact: (version: string) => boolean): void {
    for (const [name, described] of entriesOf(value)) {
      // Poetry declares the interpreter among the packages.
      if (name.toLowerCase() === 'python') continue;
      this.add({ name, ...describedSpec(described, isExact) }, source.lineOf(name, anchor), dev);
    }
  }

  unreadable(text: string, line: number): void {
    this.warn({ path: this.path, line, message: `could not read the requirement "${shorten(redactSecrets(text.trim()))}"` });
  }
}

function normaliseName(name: string, ecosystem: Ecosystem): string {
  const lower = name.toLowerCase();
  return ecosystem === 'npm' ? lower : lower.replace(/[-_.]+/g, '-');
}

/** Direct references can carry credentials (`https://user:token@host/...`): never store them. */
function safeSpec(spec: string): string {
  return redactSecrets(spec.trim().replace(/\/\/(?!git@)[^/@\s]+@/g, '//***@'));
}

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Requirement syntax (PEP 508 and pip's requirements files)

const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$/s;
const VERSION_CLAUSE = /^(?:===|==|!=|~=|>=|<=|<|>)\s*\S+$/;
const EXACT_CLAUSE = /^(?:===\s*\S+|==\s*[A-Za-z0-9.+!_-]+)$/;
/** A hash fragment or a full commit id: the reference names one artefact. */
const PINNED_URL = /#(?:sha1|sha224|sha256|sha384|sha512|md5)=|@[0-9a-f]{40}(?![0-9a-f])/i;
/** pip strips `#` comments only when they start the line or follow whitespace, so URL fragments survive. */
const TRAILING_COMMENT = /(?:^|\s)#.*$/;
const EDITABLE_OPTION = /^(?:-e|--editable)(?:\s+|=)/;
/** A local path or a URL without a name in front: `.`, `./pkg`, `git+https://...`, `dist/pkg.whl`. */
const PATH_OR_URL = /^(?:[.~/]|[^\s;@<>=!~[]*\/)/;
const EGG_FRAGMENT = /#(?:[^&#\s]*&)*egg=([A-Za-z0-9][A-Za-z0-9._-]*)/;
/** Per-requirement options such as `--hash=...` follow the requirement after whitespace. */
const REQUIREMENT_OPTION = /\s-{1,2}[A-Za-z]/;
const HASH_OPTION = /--hash[=\s]/;

function parseRequirement(text: string): Requirement | null {
  const match = REQUIREMENT.exec(text.trim());
  if (!match) return null;
  const name = match[1]!;
  const rest = match[2]!;
  if (rest.startsWith('@')) {
    // Markers after a URL must follow whitespace (PEP 508), so the URL is the first word.
    const url = rest.slice(1).trim().split(/\s/, 1)[0] ?? '';
    return url === '' ? null : { name, spec: `@ ${url}`, pinned: PINNED_URL.test(url) };
  }
  const spec = (rest.split(';', 1)[0] ?? '').trim().replace(/^\((.*)\)$/s, '$1').trim();
  const clauses = spec === '' ? [] : spec.split(',').map((clause) => clause.trim());
  if (!clauses.every((clause) => VERSION_CLAUSE.test(clause))) return null;
  return { name, spec, pinned: clauses.some((clause) => EXACT_CLAUSE.test(clause)) };
}

function isExactPep440(spec: string): boolean {
  return spec.split(',').some((clause) => EXACT_CLAUSE.test(clause.trim()));
}

/** Poetry reads a bare version (`1.2.3`) as exact, like `==1.2.3`; `^`, `~`, `*` and ranges are not. */
function isExactPoetry(spec: string): boolean {
  return /^(?:={1,3}\s*)?v?\d[\w.+!-]*$/.test(spec);
}

/** npm: one exact semver version, nothing else (no range, tag, git or file reference). */
function isExactNpm(spec: string): boolean {
  return /^=?v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(spec);
}

/** Poetry and Pipenv give a version string, a table with a version, or a git, URL or path source. */
function describedSpec(value: unknown, isExact: (version: string) => boolean): Omit<Requirement, 'name'> {
  if (typeof value === 'string') return { spec: value.trim(), pinned: isExact(value.trim()) };
  if (Array.isArray(value)) {
    // Poetry's multiple constraints: one alternative per Python version or platform.
    const alternatives = value.map((alternative) => describedSpec(alternative, isExact));
    return {
      spec: alternatives.map((alternative) => alternative.spec).join(' || '),
      pinned: alternatives.length > 0 && alternatives.every((alternative) => alternative.pinned),
    };
  }
  const table = asTable(value);
  if (table === undefined) return { spec: '', pinned: false };
  if (typeof table.version === 'string') return describedSpec(table.version, isExact);
  const source = sourceReference(table);
  return { spec: source, pinned: PINNED_URL.test(source) };
}

function sourceReference(table: Record<string, unknown>): string {
  const text = (key: string) => (typeof table[key] === 'string' ? (table[key] as string) : undefined);
  const git = text('git');
  if (git !== undefined) {
    const ref = text('rev') ?? text('ref') ?? text('tag') ?? text('branch');
    return `git+${git}${ref === undefined ? '' : `@${ref}`}`;
  }
  return text('url') ?? text('path') ?? text('file') ?? '';
}

/** Requirement-file lines joined across `\` continuations, each with the number of its first line. */
function logicalLines(lines: readonly string[]): Array<{ text: string; line: number }> {
  const joined: Array<{ text: string; line: number }> = [];
  let pending: { text: string; line: number } | null = null;
  for (const [index, raw] of lines.entries()) {
    // Like pip, a comment line ending in a backslash does not swallow the next line.
    const continued = /\\\s*$/.test(raw) && !/^\s*#/.test(raw);
    const text = continued ? raw.replace(/\\\s*$/, ' ') : raw;
    pending = pending ? { text: pending.text + text, line: pending.line } : { text, line: index + 1 };
    if (!continued) {
      joined.push(pending);
      pending = null;
    }
  }
  if (pending) joined.push(pending);
  return joined;
}

// ---------------------------------------------------------------------------------------------
// Lines of parsed TOML and JSON

/** A name where a quoted string starts, or a key (bare or quoted) before `=` or `:`; npm names may carry a scope. */
const QUOTED_NAME = /["']((?:@[\w.-]+\/)?[\w.-]+)/g;
const KEY_NAME = /^\s*["']?((?:@[\w.-]+\/)?[\w.-]+)["']?\s*[=:]/;

/**
 * smol-toml and JSON.parse give no positions, so each dependency's line is found in the text: the
 * first line at or after its table header (or its key) that names it as a quoted string or a key.
 * Names are indexed once, so a manifest with thousands of entries costs no more than reading it.
 */
class SourceLines {
  private readonly headers = new Map<string, number>();
  /** Ascending indexes of the lines declaring each key (lower case). */
  private readonly keys = new Map<string, number[]>();
  /** Ascending indexes of the lines where each name (lower case) is a key or starts a quoted string. */
  private readonly mentions = new Map<string, number[]>();

  constructor(lines: readonly string[]) {
    lines.forEach((line, index) => {
      const header = /^\s*\[([^[\]]+)\]/.exec(line)?.[1]?.replace(/[\s"']/g, '');
      if (header !== undefined && !this.headers.has(header)) this.headers.set(header, index);
      const key = KEY_NAME.exec(line)?.[1];
      if (key !== undefined) {
        record(this.keys, key, index);
        record(this.mentions, key, index);
      }
      for (const match of line.matchAll(QUOTED_NAME)) record(this.mentions, match[1]!, index);
    });
  }

  /** Index of the line where a table starts: its header, else its nearest ancestor's, else the top. */
  tableStart(path: readonly string[]): number {
    for (let length = path.length; length > 0; length--) {
      const index = this.headers.get(path.slice(0, length).join('.'));
      if (index !== undefined) return index;
    }
    return 0;
  }

  /** Index of the line declaring `key` in the table, else the table's start. */
  keyStart(path: readonly string[], key: string): number {
    const from = this.tableStart(path);
    return firstAtOrAfter(this.keys.get(key.toLowerCase()), from) ?? from;
  }

  /** 1-based line naming `name` at or after the line index `from`; the `from` line when none does. */
  lineOf(name: string, from: number): number {
    return (firstAtOrAfter(this.mentions.get(name.toLowerCase()), from) ?? from) + 1;
  }
}

function record(index: Map<string, number[]>, name: string, line: number): void {
  const lines = index.get(name.toLowerCase());
  if (!lines) index.set(name.toLowerCase(), [line]);
  else if (lines[lines.length - 1] !== line) lines.push(line);
}

function firstAtOrAfter(sorted: readonly number[] | undefined, value: number): number | undefined {
  return sorted?.[lowerBound(sorted, value)];
}

/** Index of the first element of the ascending `sorted` that is at least `value` (its length when none is). */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function asTable(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
    ? (value as Record<string, unknown>)
    : undefined;
}

function entriesOf(value: unknown): Array<[string, unknown]> {
  return Object.entries(asTable(value) ?? {});
}

function parseTomlFile(file: FileContent, warn: Warn): Record<string, unknown> | null {
  try {
    return parseToml(file.text);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n', 1)[0] ?? '').replace(/^Invalid TOML document:\s*/, '') : '';
    warn({ path: file.path, line: error instanceof TomlError ? error.line : undefined, message: `does not parse as TOML: ${reason}` });
    return null;
  }
}

function parseJsonObject(file: FileContent, warn: Warn): Record<string, unknown> | null {
  try {
    const value = asTable(JSON.parse(file.text));
    if (value) return value;
    warn({ path: file.path, message: 'is not a JSON object' });
  } catch (error) {
    // Newer engines quote the offending text in the message: keep it short and free of secrets.
    const reason = error instanceof Error ? shorten(redactSecrets(error.message)) : '';
    warn({ path: file.path, message: `does not parse as JSON: ${reason}` });
  }
  return null;
}

function parseYamlFile(file: FileContent, warn: Warn): { doc: ReturnType<typeof parseDocument>; lineOf: (node: YamlNode) => number } | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter });
  const error = doc.errors[0];
  if (error) {
    warn({ path: file.path, line: error.linePos?.[0].line, message: `does not parse as YAML: ${error.message.split('\n', 1)[0] ?? ''}` });
    return null;
  }
  return { doc, lineOf: (node) => lineCounter.linePos(node.range?.[0] ?? 0).line };
}

// ---------------------------------------------------------------------------------------------
// Manifest readers

function readRequirementsFile(file: FileContent, warn: Warn): ManifestRead {
  const out = new Declarations(file.path, warn);
  const dev = pathSaysDev(file.path);
  for (const { text, line } of logicalLines(file.lines())) out.requirementLine(text, line, dev);
  return { kind: 'requirements', ecosystem: 'pypi', declarations: out.list, managers: ['pip'] };
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

/** The interpreter and the installer are listed in environments but are not the project's dependencies. */
const CONDA_TOOLS = new Set(['python', 'pip']);
const CONDA_SPEC = /^(?:[^\s:]+::)?([A-Za-z0-9_][A-Za-z0-9._-]*)\s*(.*)$/s;
/** `=1.2.3`, `==1.2`, `=1.2.3=py39h_0`, `1.2.3 py39h_0`: an operator, a version and maybe a build. */
const CONDA_VERSION = /^(==|=)?\s*([0-9A-Za-z_.+!-]+)(?:(?:=|\s+)(\S+))?$/;

function parseCondaSpec(text: string): Requirement | null {
  const match = CONDA_SPEC.exec(text.trim());
  if (!match) return null;
  const spec = match[2]!.trim();
  return { name: match[1]!, spec, pinned: isExactConda(spec) };
}

/** `==v` is exact; `=v` means `v.*`, so it pins only with a full major.minor.patch version or a build. */
function isExactConda(spec: string): boolean {
  const match = CONDA_VERSION.exec(spec);
  if (!match) return false;
  const [, operator, version, build] = match;
  return operator === '==' || build !== undefined || version!.split('.').length >= 3;
}

function readCondaEnvironment(file: FileContent, warn: Warn): ManifestRead | null {
  const parsed = parseYamlFile(file, warn);
  if (!parsed) return null;
  const { doc, lineOf } = parsed;
  const dependencies = doc.get('dependencies');
  // Another YAML file that happens to be called environment.yml.
  if (!isSeq(dependencies) && !doc.has('channels')) return null;
  const out = new Declarations(file.path, warn);
  const dev = pathSaysDev(file.path);
  for (const item of isSeq(dependencies) ? dependencies.items : []) {
    if (isScalar(item) && typeof item.value === 'string') {
      const requirement = parseCondaSpec(item.value);
      if (!requirement) out.unreadable(item.value, lineOf(item));
      else if (!CONDA_TOOLS.has(requirement.name.toLowerCase())) out.add(requirement, lineOf(item), dev, 'conda');
    } else if (isMap(item)) {
      const pip = item.get('pip');
      for (const entry of isSeq(pip) ? pip.items : []) {
        if (isScalar(entry) && typeof entry.value === 'string') out.requirementLine(entry.value, lineOf(entry), dev);
      }
    }
  }
  return { kind: 'conda', ecosystem: 'conda', declarations: out.list, managers: ['conda'] };
}

// setup.py -------------------------------------------------------------------------------------

interface SetupArgument {
  pattern: RegExp;
  open: '[' | '{';
  /** `group` is the extra's name inside `extras_require`, null in a plain list. */
  dev: (group: string | null) => boolean;
  /** Worth a warning when it is computed: it holds the runtime dependencies. */
  essential: boolean;
}

const SETUP_ARGUMENTS: SetupArgument[] = [
  { pattern: /\binstall_requires["']?\s*[=:]\s*/g, open: '[', dev: () => false, essential: true },
  { pattern: /\btests_require["']?\s*[=:]\s*/g, open: '[', dev: () => true, essential: false },
  { pattern: /\bextras_require["']?\s*[=:]\s*/g, open: '{', dev: (group) => group !== null && isDevName(group), essential: false },
];

function readSetupPy(file: FileContent, warn: Warn): ManifestRead {
  const { text, path } = file;
  const out = new Declarations(path, warn);
  const lineAt = lineLocator(text);
  const assignments = literalAssignments(text);
  const literals: Array<{ argument: SetupArgument; open: number }> = [];
  for (const argument of SETUP_ARGUMENTS) {
    const uses = [...text.matchAll(argument.pattern)];
    const opens = uses.flatMap((use) => literalOpening(text, use.index + use[0].length, argument.open, assignments) ?? []);
    const first = uses[0];
    if (argument.essential && first && opens.length === 0) {
      warn({ path, line: lineAt(first.index), message: 'install_requires is computed when setup.py runs; could not read it statically' });
    }
    for (const open of opens) literals.push({ argument, open });
  }
  // In text order, a list reached twice (`install_requires=install_requires`) or nested in one
  // already read is skipped, so each character is scanned once however the file is written.
  literals.sort((a, b) => a.open - b.open);
  let readUntil = -1;
  for (const { argument, open } of literals) {
    if (open <= readUntil) continue;
    const literal = pythonLiteral(text, open);
    if (!literal) {
      warn({ path, line: lineAt(open), message: 'a dependency list never closes; could not read it' });
      break;
    }
    readUntil = literal.end;
    for (const { value, offset, group } of groupedStrings(literal.strings)) out.requirement(value, lineAt(offset), argument.dev(group));
  }
  return { kind: 'setup.py', ecosystem: 'pypi', declarations: out.list, managers: ['setuptools'] };
}

/** Where each `NAME = [` or `NAME = {` at the start of a line opens its literal (the first, by name and bracket). */
function literalAssignments(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of text.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([[{])/gm)) {
    const key = `${match[1]}${match[2]}`;
    if (!found.has(key)) found.set(key, match.index + match[0].length - 1);
  }
  return found;
}

const PLAIN_VARIABLE = /[A-Za-z_]\w*(?=\s*(?:[,)}\]#]|$))/my;

/** Where the literal given at `at` opens, following a plain variable to its assignment; null when it is computed. */
function literalOpening(text: string, at: number, open: '[' | '{', assignments: ReadonlyMap<string, number>): number | null {
  if (text[at] === open) return at;
  PLAIN_VARIABLE.lastIndex = at;
  const name = PLAIN_VARIABLE.exec(text)?.[0];
  return name === undefined ? null : (assignments.get(`${name}${open}`) ?? null);
}

interface PythonString {
  value: string;
  offset: number;
  /** Followed by `:`, i.e. a dict key. */
  key: boolean;
}

/** The string literals in the bracketed Python expression opening at `open` and where it closes; null when it never does. */
function pythonLiteral(text: string, open: number): { strings: PythonString[]; end: number } | null {
  const strings: PythonString[] = [];
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const char = text[index]!;
    if (char === '#') {
      const newline = text.indexOf('\n', index);
      if (newline < 0) return null;
      index = newline;
    } else if (char === '"' || char === "'") {
      const quote = text.startsWith(char.repeat(3), index) ? char.repeat(3) : char;
      const end = stringEnd(text, index + quote.length, quote);
      if (end < 0) return null;
      const after = /\s*:/y;
      after.lastIndex = end + quote.length;
      strings.push({ value: text.slice(index + quote.length, end), offset: index, key: after.test(text) });
      index = end + quote.length - 1;
    } else if ('[({'.includes(char)) {
      depth++;
    } else if (')]}'.includes(char) && --depth === 0) {
      return { strings, end: index };
    }
  }
  return null;
}

/** Index of the closing quote, skipping escapes; -1 when the string does not close (a single-quoted one at the line's end). */
function stringEnd(text: string, from: number, quote: string): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text.startsWith(quote, index)) return index;
    else if (quote.length === 1 && text[index] === '\n') return -1;
  }
  return -1;
}

/** Values with the dict key they belong to (`extras_require`), or null for a plain list. */
function groupedStrings(strings: readonly PythonString[]): Array<{ value: string; offset: number; group: string | null }> {
  let group: string | null = null;
  const values: Array<{ value: string; offset: number; group: string | null }> = [];
  for (const string of strings) {
    if (string.key) group = string.value;
    else values.push({ value: string.value, offset: string.offset, group });
  }
  return values;
}

function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  // The line number is the count of lines starting at or before the offset.
  return (offset) => lowerBound(starts, offset + 1);
}

// setup.cfg ------------------------------------------------------------------------------------

const SETUP_CFG_LISTS: Array<{ section: string; key?: string; dev: (key: string) => boolean }> = [
  { section: 'options', key: 'install_requires', dev: () => false },
  { section: 'options', key: 'tests_require', dev: () => true },
  { section: 'options.extras_require', dev: isDevName },
];

/** Values that point elsewhere (`file: requirements.txt`, `attr: pkg.DEPS`); the file, if any, is read on its own. */
const SETUP_CFG_DIRECTIVE = /^(?:file|attr):/;

function readSetupCfg(file: FileContent, warn: Warn): ManifestRead | null {
  const { sections, values } = iniValues(file.lines());
  // A setup.cfg holding only flake8 or pytest settings is not a manifest.
  if (!sections.has('metadata') && !sections.has('options')) return null;
  const out = new Declarations(file.path, warn);
  for (const { section, key, text, line } of values) {
    const list = SETUP_CFG_LISTS.find(
      (candidate) => candidate.section === section && (candidate.key === undefined || candidate.key === key),
    );
    const requirement = text.replace(TRAILING_COMMENT, '').trim();
    if (list && requirement !== '' && !SETUP_CFG_DIRECTIVE.test(requirement)) out.requirement(requirement, line, list.dev(key));
  }
  return { kind: 'setup.cfg', ecosystem: 'pypi', declarations: out.list, managers: ['setuptools'] };
}

/** Each value line of an INI file (multi-line values are indented continuation lines), with its section and key. */
function iniValues(lines: readonly string[]): {
  sections: Set<string>;
  values: Array<{ section: string; key: string; text: string; line: number }>;
} {
  const sections = new Set<string>();
  const values: Array<{ section: string; key: string; text: string; line: number }> = [];
  let section = '';
  let key: string | null = null;
  lines.forEach((raw, index) => {
    if (/^\s*(?:[#;]|$)/.test(raw)) return;
    const header = /^\[([^\]]+)\]/.exec(raw);
    const assignment = /^([^=:\s][^=:]*)[=:](.*)$/.exec(raw);
    if (header) {
      section = header[1]!.trim().toLowerCase();
      sections.add(section);
      key = null;
    } else if (/^\s/.test(raw)) {
      if (key !== null) values.push({ section, key, text: raw.trim(), line: index + 1 });
    } else if (assignment) {
      // setuptools accepted `install-requires` too before deprecating dashes.
      key = assignment[1]!.trim().toLowerCase().replace(/-/g, '_');
      if (assignment[2]!.trim() !== '') values.push({ section, key, text: assignment[2]!.trim(), line: index + 1 });
    } else {
      key = null;
    }
  });
  return { sections, values };
}

// ---------------------------------------------------------------------------------------------
// Lock files

function countPackageTables(file: FileContent): number {
  return file.text.match(/^\[\[package\]\]/gm)?.length ?? 0;
}

function countPipfileLock(file: FileContent, warn: Warn): number {
  const doc = parseJsonObject(file, warn);
  return doc ? entriesOf(doc.default).length + entriesOf(doc.develop).length : 0;
}

function countCondaLock(file: FileContent, warn: Warn): number {
  const packages = parseYamlFile(file, warn)?.doc.get('package');
  return isSeq(packages) ? packages.items.length : 0;
}
