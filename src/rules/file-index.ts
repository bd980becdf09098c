import { globLiterals, globMatcher, literalPrefix, literalSuffix, matchesByDirectory } from '../util/glob.js';
import { literalAlternation } from '../util/regex-literals.js';

const GLOB_CHARS = /[*?[\]{}()!+@]/;
/** From this many paths, a glob's required text is worked out to rule paths out before its matcher. */
const LITERAL_FILTER_FROM = 2_000;

/**
 * Answers "which files match this glob" over the scanned paths. Rules mostly ask for a file name
 * (`Dockerfile`) or an extension (`*.tf`); those are answered from maps built once, so a rule set
 * of a few hundred globs stays fast on a repository of tens of thousands of files.
 */
export class FileIndex {
  /** A name's paths; a name one file has (most of a large tree's) is its path alone, which spares an array per file. */
  private readonly byName = new Map<string, string | string[]>();
  private readonly byExtension = new Map<string, string[]>();
  private readonly results = new Map<string, string[]>();
  /** By the literal a match must end with: the paths, and the file names with their paths, that do. */
  private readonly pathsBySuffix = new Map<string, readonly string[]>();
  private readonly namesBySuffix = new Map<string, readonly string[]>();
  /**
   * The distinct file names, as `byName` lists them, once a glob needs them. A large tree has
   * about as many names as files, and the lists here are read with an index, never an iterator:
   * unoptimised code makes an iterator result per element, and every glob reads one list.
   */
  private names: readonly string[] | undefined;

  /** Whether the paths are in code-unit order, as a scan lists them, so that those with a prefix are found by bisection. */
  private readonly sorted: boolean;

  constructor(private readonly paths: readonly string[]) {
    this.sorted = paths.every((path, i) => i === 0 || paths[i - 1]! <= path);
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      const name = path.slice(path.lastIndexOf('/') + 1);
      const named = this.byName.get(name);
      if (named === undefined) this.byName.set(name, path);
      else if (typeof named === 'string') this.byName.set(name, [named, path]);
      else named.push(path);
      // As in picomatch with `dot`, `*.env` also matches a file named `.env`.
      const dot = name.indexOf('.', 1);
      if (dot > 0) push(this.byExtension, name.slice(dot + 1), path);
      else if (name.startsWith('.') && name.length > 1) push(this.byExtension, name.slice(1), path);
    }
  }

  get size(): number {
    return this.paths.length;
  }

  /** Paths matching the glob, in scan order (sorted). */
  find(pattern: string): string[] {
    let found = this.results.get(pattern);
    if (!found) {
      found = this.lookup(pattern);
      this.results.set(pattern, found);
    }
    return found;
  }

  private lookup(pattern: string): string[] {
    if (!pattern.includes('/')) {
      if (!GLOB_CHARS.test(pattern)) return this.pathsNamed(pattern);
      const extension = /^\*\.([^*?[\]{}()!+@/]+)$/.exec(pattern)?.[1];
      // `*.yml` must also match `a.b.yml`, whose indexed extension is `b.yml`: filter a superset.
      if (extension && !extension.includes('.')) {
        return this.candidatesEndingWith(`.${extension}`);
      }
    }
    // Text a match must contain: most globs name something most trees do not have, and a search
    // for it rules out most paths before the matcher runs. Working it out costs more than testing
    // a small repository's paths, which the matcher alone then does.
    const literals = this.paths.length >= LITERAL_FILTER_FROM ? globLiterals(pattern) : null;
    const mayMatch = literalFilter(literals);
    // Compiled for the first candidate: on a small tree most globs have none.
    let matcher: ((text: string) => boolean) | undefined;
    const matches = (text: string) => mayMatch(text) && (matcher ??= globMatcher(pattern))(text);
    // Whatever follows the last wildcard must end the name or the path: the globs of a rule set
    // share a few endings (`.md`, `.yml`), and the names and paths with each are listed once.
    const suffix = literalSuffix(pattern);
    if (!pattern.includes('/')) {
      // A glob without a slash reads only the file name: each name is tested once, however many files have it.
      const found: string[] = [];
      const names = this.namesEndingWith(suffix);
      for (let i = 0; i < names.length; i++) if (matches(names[i]!)) found.push(...this.pathsNamed(names[i]!));
      return found.sort();
    }
    const prefix = literalPrefix(pattern);
    const candidates = prefix === '' ? this.pathsEndingWith(suffix) : this.pathsStartingWith(prefix);
    if (!matchesByDirectory(pattern)) return candidates.filter(matches);
    // Paths are listed by directory, mostly one directory's files in a row: its verdict is kept while they last.
    const found: string[] = [];
    let directory: string | undefined;
    let verdict = false;
    for (let i = 0; i < candidates.length; i++) {
      const path = candidates[i]!;
      if (!mayMatch(path)) continue;
      const slash = path.lastIndexOf('/');
      if (directory === undefined || directory.length !== slash + 1 || !path.startsWith(directory)) verdict = (matcher ??= globMatcher(pattern))((directory = path.slice(0, slash + 1)));
      if (verdict) found.push(path);
    }
    return found;
  }

  private pathsNamed(name: string): string[] {
    const named = this.byName.get(name);
    return named === undefined ? [] : typeof named === 'string' ? [named] : named;
  }

  /** The paths starting with the text, found in the sorted paths by bisection (by a filter where they are not sorted). */
  private pathsStartingWith(prefix: string): readonly string[] {
    if (!this.sorted) return this.paths.filter((path) => path.startsWith(prefix));
    let low = 0;
    let high = this.paths.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.paths[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    let end = low;
    while (end < this.paths.length && this.paths[end]!.startsWith(prefix)) end++;
    return this.paths.slice(low, end);
  }

  private namesEndingWith(suffix: string): readonly string[] {
    const all = (this.names ??= [...this.byName.keys()]);
    if (suffix === '') return all;
    let names = this.namesBySuffix.get(suffix);
    if (!names) this.namesBySuffix.set(suffix, (names = all.filter((name) => name.endsWith(suffix))));
    return names;
  }

  private pathsEndingWith(suffix: string): readonly string[] {
    if (suffix === '') return this.paths;
    let paths = this.pathsBySuffix.get(suffix);
    if (!paths) this.pathsBySuffix.set(suffix, (paths = this.paths.filter((path) => path.endsWith(suffix))));
    return paths;
  }

  private candidatesEndingWith(suffix: string): string[] {
    const out: string[] = [];
    for (const [extension, paths] of this.byExtension) {
      if (`.${extension}`.endsWith(suffix)) out.push(...paths);
    }
    return out.sort();
  }
}

/**
 * Whether a text holds one of the literals: one `includes` for one literal, and for several one
 * alternation (a glob of `{envs,deploy,…}` directories has 17), which reads the text once where
 * an `includes` per literal reads it again for each.
 */
function literalFilter(literals: readonly string[] | null): (text: string) => boolean {
  if (literals === null) return () => true;
  if (literals.length === 1) return (text) => text.includes(literals[0]!);
  const any = literalAlternation(literals)!;
  return (text) => any.test(text);
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
