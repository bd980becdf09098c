import picomatch from 'picomatch';
import { compileLinear } from './linear-regex.js';
import { requiredLiterals } from './regex-literals.js';
import { baseName } from './repo-path.js';

const cache = new Map<string, (path: string) => boolean>();
const WILDCARDS = /[*?[\]{}()!+@]/;
/** Extended globs (`!(x)`, `+(x)`, `@(x)`, `*(x)`, `?(x)`) are left to picomatch. */
const EXTGLOB = /[!+@*?]\(/;

/**
 * Braces multiply: thirty `{a,b}` in a row (in a repository's pack or tox.ini) are a billion names.
 * A pattern with more alternatives than this stays whole; a glob matcher reads its braces as a group.
 */
const MAX_BRACE_EXPANSIONS = 256;

/** `a.{md,rst}` → `a.md`, `a.rst`: one level of braces at a time, as often as they occur (the pattern itself when they make too many). */
export function expandBraces(pattern: string): string[] {
  return expandWithin(pattern, MAX_BRACE_EXPANSIONS) ?? [pattern];
}

/** The expansions, or null when there would be more than `limit`. */
function expandWithin(pattern: string, limit: number): string[] | null {
  const match = /\{([^{}]*,[^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  const [before, after] = [pattern.slice(0, match.index), pattern.slice(match.index + match[0].length)];
  const expanded: string[] = [];
  for (const choice of match[1]!.split(',')) {
    const more = expandWithin(`${before}${choice}${after}`, limit - expanded.length);
    if (more === null || expanded.length + more.length > limit) return null;
    expanded.push(...more);
  }
  return expanded;
}

/** The index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth += 1;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits brace contents at the commas that are not inside a nested brace. */
function braceChoices(body: string): string[] {
  const choices: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth += 1;
    else if (body[i] === '}') depth -= 1;
    else if (body[i] === ',' && depth === 0) {
      choices.push(body.slice(start, i));
      start = i + 1;
    }
  }
  return [...choices, body.slice(start)];
}

/** The inside of the class `[...]` from `open` to `close`, as a regular expression writes it (`[!a]` is `[^a]`). */
function classBody(pattern: string, open: number, close: number): string {
  return pattern.slice(open + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
}

/**
 * The characters a glob takes literally that a regular expression reads as syntax: escaped one by one,
 * a test each rather than a replace each (a rule set's globs are some 2,000 characters).
 */
const REGEX_SYNTAX = '.^$|/\\+(){}';

/**
 * `**` spans directories, `*`, `?` and `[...]` stay within one, `{a,b}` is a group of choices;
 * every other character is literal. Braces stay a group rather than being expanded, so a glob
 * with many choices does not become many alternatives that each scan the path again.
 */
function globToRegExpSource(pattern: string): string {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '{') {
      const close = closingBrace(pattern, i);
      const choices = close > 0 ? braceChoices(pattern.slice(i + 1, close)) : [];
      if (choices.length > 1) {
        source += `(?:${choices.map(globToRegExpSource).join('|')})`;
        i = close;
        continue;
      }
    }
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        source += '\\[';
        continue;
      }
      source += `[${classBody(pattern, i, end)}]`;
      i = end;
    } else source += REGEX_SYNTAX.includes(char) ? `\\${char}` : char;
  }
  return source;
}

/**
 * Most rule globs are a file name (`Dockerfile`) or an extension (`*.tf`); those are matched by
 * string comparison, and the rest by a regular expression translated directly from the glob.
 * Only extended globs need picomatch's full parser, which costs far more to compile.
 */
function compile(pattern: string): (path: string) => boolean {
  const anchored = pattern.includes('/');
  if (EXTGLOB.test(pattern)) return extglobMatcher(pattern);
  if (!anchored) {
    if (!WILDCARDS.test(pattern)) return (path) => baseName(path) === pattern;
    const extension = /^\*(\.[^*?[\]{}()!+@/]+)$/.exec(pattern)?.[1];
    if (extension) return (path) => path.endsWith(extension);
  }
  const stars = starMatcher(pattern, () => regexMatcher(pattern));
  if (stars) return stars;
  if (!anchored && backtracks(pattern)) {
    const names = expandBraces(pattern);
    // Past the brace limit the braces stay a group, which only a regular expression reads.
    if (!names.some((name) => name.includes('{'))) {
      const matchers = names.map(nameMatcher);
      return (path) => {
        const name = baseName(path);
        return matchers.some((matches) => matches(name));
      };
    }
  }
  return regexMatcher(pattern);
}

function regexMatcher(pattern: string): (path: string) => boolean {
  const source = `^${globToRegExpSource(pattern)}$`;
  const test = backtracks(pattern) ? linearTest(source) : nativeTest(source);
  return pattern.includes('/') ? (path) => test(path) : (path) => test(baseName(path));
}

/**
 * Extended globs' regular expressions, by glob, as picomatch makes them (with `dot`; the basename
 * option changes how a matcher applies it, not the expression). Parsing one costs picomatch more
 * than a small audit's matching: the build records the built-in packs' (`recordedExtglobs`,
 * scripts/cache-packs.mjs) and an audit starts from them (`rememberExtglobs`).
 */
const extglobs = new Map<string, RegExp>();

function extglobRegExp(pattern: string): RegExp {
  let regex = extglobs.get(pattern);
  if (!regex) extglobs.set(pattern, (regex = picomatch.makeRe(pattern, { dot: true })));
  return regex;
}

/**
 * As picomatch's matcher with `dot`, and `basename` for a glob without a slash: never the empty
 * path; the glob itself; otherwise its expression, on the path's last name for such a glob.
 */
function extglobMatcher(pattern: string): (path: string) => boolean {
  const regex = extglobRegExp(pattern);
  const anchored = pattern.includes('/');
  return (path) => path !== '' && (path === pattern || regex.test(anchored ? path : lastName(path)));
}

/** picomatch's basename: the last name, or the one before a trailing slash. */
function lastName(path: string): string {
  const name = baseName(path);
  return name === '' ? baseName(path.slice(0, -1)) : name;
}

/** The extended globs compiled so far, for the build to store. */
export function recordedExtglobs(): Record<string, { source: string; flags: string }> {
  return Object.fromEntries([...extglobs].map(([pattern, { source, flags }]) => [pattern, { source, flags }]));
}

/** Extended globs' expressions recorded by `recordedExtglobs` under the same picomatch. */
export function rememberExtglobs(recorded: Readonly<Record<string, { source: string; flags: string }>>): void {
  for (const [pattern, { source, flags }] of Object.entries(recorded)) extglobs.set(pattern, new RegExp(source, flags));
}

/** A star (any run of units: characters of a name, names of a path), or a test of one unit. */
type StarToken<Unit> = typeof STAR | ((unit: Unit) => boolean);
const STAR = Symbol('star');

/**
 * Units against tokens, the way shells match: a mismatch after a star only moves that star on by
 * one unit, never an earlier star, so the units are read in at most their count times the tokens'
 * steps however many stars there are.
 */
function matchesStars<Unit>(units: ArrayLike<Unit>, tokens: ReadonlyArray<StarToken<Unit>>): boolean {
  let at = 0;
  let token = 0;
  let lastStar = -1;
  let resumeAt = 0;
  while (at < units.length) {
    const current = tokens[token];
    if (current === STAR) {
      lastStar = token++;
      resumeAt = at;
    } else if (current && current(units[at]!)) {
      token++;
      at++;
    } else if (lastStar >= 0) {
      token = lastStar + 1;
      at = ++resumeAt;
    } else return false;
  }
  while (tokens[token] === STAR) token++;
  return token === tokens.length;
}

/**
 * A file-name glob of stars, `?`, classes and literal characters, matched character by character
 * as shells match (`matchesStars`), in time linear in the name however many stars there are. The
 * same language as the regular expression, without loading an RE2 engine for one built-in glob.
 */
function nameMatcher(pattern: string): (name: string) => boolean {
  const tokens: Array<StarToken<string>> = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    const end = char === '[' ? pattern.indexOf(']', i + 2) : -1;
    if (char === '*') {
      if (tokens.at(-1) !== STAR) tokens.push(STAR);
    } else if (char === '?') tokens.push(() => true);
    else if (end > 0) {
      const oneOf = new RegExp(`^[${classBody(pattern, i, end)}]$`);
      tokens.push((c) => oneOf.test(c));
      i = end;
    } else tokens.push((c) => c === char);
  }
  return (name) => matchesStars(name, tokens);
}

/** Brace alternatives a glob of literals and stars may expand to and still be matched without a regular expression. */
const STAR_EXPANSIONS = 16;
/** What a glob of literals and stars cannot hold: any other wildcard, or a brace left after expanding. */
const NOT_STARS = /[?[\]{}]/;
/** What the regular expression's `.` of a `**` does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** The last path tested for a line terminator, and the answer: a set's globs are tried on one path after another. */
let lastTested: string | undefined;
let lastHeld = false;

function holdsLineTerminator(path: string): boolean {
  if (path !== lastTested) {
    lastHeld = LINE_TERMINATOR.test(path);
    lastTested = path;
  }
  return lastHeld;
}

/**
 * A glob of literal text, `*` and whole-name `**` (after expanding a few braces), matched by string
 * tests, or null for any other glob. Compiling a regular expression costs more than a small
 * audit's matching with it, and most rule globs are of this kind (`docs/**`, `*runbook*.{md,rst}`,
 * `train_*.py` in any directory). The same language as the regular expression `globToRegExpSource`
 * makes, which `regex` gives for the odd path with a line break where a `**` may have to span it.
 */
function starMatcher(pattern: string, regex: () => (path: string) => boolean): ((path: string) => boolean) | null {
  const names = expandWithin(pattern, STAR_EXPANSIONS);
  if (names === null || names.some((name) => NOT_STARS.test(name))) return null;
  // Whether the glob reads the whole path or the file name is the whole glob's, whatever each alternative holds.
  const anchored = pattern.includes('/');
  const matchers: Array<(text: string) => boolean> = [];
  for (const name of names) {
    const matches = anchored ? pathStarMatcher(name) : !name.includes('**') && nameStarMatcher(name);
    if (!matches) return null;
    matchers.push(matches);
  }
  const any = matchers.length === 1 ? matchers[0]! : (text: string) => matchers.some((matches) => matches(text));
  if (!anchored) return (path) => any(baseName(path));
  if (!pattern.includes('**')) return any;
  let fallback: ((path: string) => boolean) | undefined;
  return (path) => (holdsLineTerminator(path) ? (fallback ??= regex())(path) : any(path));
}

/**
 * A name glob of literals and stars: the literal before the first star starts the name, the one
 * after the last ends it, and those between follow in order, each found leftmost (which finds a
 * match whenever there is one, since a star takes any run of characters). Linear in the name.
 */
function nameStarMatcher(glob: string): (name: string) => boolean {
  const parts = glob.split('*');
  if (parts.length === 1) return (name) => name === glob;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  const least = parts.reduce((length, part) => length + part.length, 0);
  return (name) => {
    if (name.length < least || !name.startsWith(first) || !name.endsWith(last)) return false;
    let at = first.length;
    const end = name.length - last.length;
    for (const part of middle) {
      const found = name.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

/**
 * A path glob whose names are `**` or name globs of literals and stars, matched name by name (a
 * `**` as a star over names), or null when a name holds `**` beside other text. `**` leading or
 * inside matches no name or more; trailing, as the regular expression's `.*` after a slash, one or more.
 */
function pathStarMatcher(glob: string): ((path: string) => boolean) | null {
  const names = glob.split('/');
  if (names.some((name) => name !== '**' && name.includes('**'))) return null;
  const tokens: Array<StarToken<string>> = names.map((name) => (name === '**' ? STAR : nameStarMatcher(name)));
  if (tokens.at(-1) === STAR) tokens.splice(-1, 1, () => true, STAR);
  return (path) => matchesStars(path.split('/'), tokens);
}

/**
 * Each star before a literal is a place JavaScript's engine backtracks to: with more than two in
 * one name (`*a*a*a*c*b`, from a repository's pack), a long file name that almost matches takes
 * the star count's power of its length. No built-in glob has that many; such a glob is matched with
 * RE2 semantics instead, in time linear in the path.
 */
function backtracks(pattern: string): boolean {
  return pattern.split('/').some((name) => name !== '**' && (name.match(/\*/g)?.length ?? 0) > 2);
}

function nativeTest(source: string): (text: string) => boolean {
  const regex = new RegExp(source);
  return (text) => regex.test(text);
}

function linearTest(source: string): (text: string) => boolean {
  const regex = compileLinear(source);
  return (text) => regex.find(text) >= 0;
}

/**
 * A matcher for a glob over `/`-separated relative paths. A pattern without a slash matches the
 * file name at any depth (`Dockerfile`, `*.tf`); a pattern with one is anchored at the root.
 * Dot files match like any other file (picomatch's `dot` and `basename` options).
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = compile(pattern);
    cache.set(pattern, matcher);
  }
  return matcher;
}

/**
 * Text one of which every path (or, for a glob without a slash, every file name) the glob matches
 * contains, read from the regular expression it is matched with; null when that shows none.
 */
export function globLiterals(pattern: string): readonly string[] | null {
  const source = EXTGLOB.test(pattern) ? extglobRegExp(pattern).source : `^${globToRegExpSource(pattern)}$`;
  return requiredLiterals(source);
}

/** Why a glob cannot be used (a range such as `[z-a]`), or null when it can. */
export function globProblem(pattern: string): string | null {
  try {
    globMatcher(pattern);
    return null;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
  }
}

export function matchesAny(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globMatcher(pattern)(path));
}

/** The literal text a matching path must end with: what follows the glob's last wildcard. */
export function literalSuffix(pattern: string): string {
  const suffix = /[^*?[\]{}()!+@]*$/.exec(pattern)![0];
  // `**/` may match nothing at all: `**/train.py` matches `train.py` at the root.
  return suffix.startsWith('/') && pattern.slice(0, pattern.length - suffix.length).endsWith('**') ? suffix.slice(1) : suffix;
}

/**
 * The text every path a glob with a slash matches starts with: what comes before its first
 * wildcard or escape. None for an extended glob, which picomatch reads (a leading `./` its own way).
 */
export function literalPrefix(pattern: string): string {
  return EXTGLOB.test(pattern) ? '' : /^[^*?[\]{}()!+@\\]*/.exec(pattern)![0];
}

/**
 * Whether the glob matches a path exactly when it matches the path's directory followed by a slash:
 * so for a glob `P/**` (its expression `P/.*`, which any text may follow once `P/` matched), unless
 * `P` ends in `**`, whose `(?:.*\/)?` takes the slash in. Not for extended globs, which picomatch reads.
 */
export function matchesByDirectory(pattern: string): boolean {
  return pattern.endsWith('/**') && !pattern.endsWith('**/**') && !EXTGLOB.test(pattern);
}

/** A glob of an index, compiled when a text first ends with its suffix: most never meet one on a small tree. */
interface IndexedGlob {
  order: number;
  glob: string;
  matches?: (text: string) => boolean;
}

const matchesAnyName = () => true;

/** Globs grouped by the literal a matching text must end with, themselves grouped by that literal's last character. */
class SuffixIndex {
  private readonly byLastChar = new Map<string, Array<{ suffix: string; globs: IndexedGlob[] }>>();

  add(glob: string, order: number): void {
    const suffix = literalSuffix(glob);
    const last = suffix.slice(-1);
    const buckets = this.byLastChar.get(last) ?? [];
    this.byLastChar.set(last, buckets);
    let bucket = buckets.find((candidate) => candidate.suffix === suffix);
    if (!bucket) buckets.push((bucket = { suffix, globs: [] }));
    bucket.globs.push({ order, glob });
  }

  private static matcherOf(entry: IndexedGlob, suffix: string): (text: string) => boolean {
    // A name glob that is a star and the suffix (`*.py`): every name its bucket is tried on ends with that.
    if (entry.glob === `*${suffix}` && !suffix.includes('/')) return matchesAnyName;
    const matches = globMatcher(entry.glob);
    // A glob ending in a wildcard is tried on every text: text one of which its matches hold rules most out first.
    const literals = suffix === '' ? globLiterals(entry.glob) : null;
    return literals === null ? matches : (text) => literals.some((literal) => text.includes(literal)) && matches(text);
  }

  get empty(): boolean {
    return this.byLastChar.size === 0;
  }

  /** Marks (with 1) the orders of the owners with a glob that matches the text; how many it marked. */
  mark(text: string, marks: Uint8Array): number {
    // Globs ending in a wildcard have an empty suffix and are candidates for every text.
    const last = text.length === 0 ? undefined : this.byLastChar.get(text[text.length - 1]!);
    return (last ? this.markIn(last, text, marks) : 0) + this.markIn(this.byLastChar.get('') ?? [], text, marks);
  }

  private markIn(buckets: ReadonlyArray<{ suffix: string; globs: IndexedGlob[] }>, text: string, marks: Uint8Array): number {
    let marked = 0;
    for (const { suffix, globs } of buckets) {
      if (!text.endsWith(suffix)) continue;
      for (const entry of globs) {
        if (marks[entry.order] === 0 && (entry.matches ??= SuffixIndex.matcherOf(entry, suffix))(text)) {
          marks[entry.order] = 1;
          marked += 1;
        }
      }
    }
    return marked;
  }
}

/** What a file name matches: the owners, and their orders. */
interface Matched<T> {
  owners: readonly T[];
  orders: readonly number[];
}

/** File names (and distinct answers) a GlobSet keeps; past it they are forgotten and worked out again. */
const NAME_MEMO_LIMIT = 4_096;

// `**/NAME`, NAME of literals and stars: a file named NAME in any directory (`**/*runbook*.md`,
// most of the packs' globs with a slash). Its matcher (`starMatcher`) reads the last name alone,
// unless a line break in the path sends it to the regular expression, whose `**` spans none.
const ANYWHERE = /^\*\*\/((?:(?!\*\*)[^/?[\]{}])+)$/;

/** The file-name glob that a glob matching a file of that name in any directory stands for, or null. */
function nameAnywhere(glob: string): string | null {
  const name = ANYWHERE.exec(glob)?.[1];
  return name === undefined || EXTGLOB.test(glob) ? null : name;
}

/**
 * Many named glob lists (the rule packs' signals) matched against many paths. Globs are grouped by
 * the literal ending a match needs, so a path is only tested against globs that could match it;
 * a glob without a slash reads only the file name, and a tree repeats its file names (`index.js`,
 * `input.js` in every test fixture), so those globs' verdict is kept per name. So is that of a
 * glob of a name in any directory (see ANYWHERE): tried on every path, the packs' 139 such globs
 * were three quarters of babel/babel's matching.
 */
export class GlobSet<T> {
  private readonly owners: T[];
  /** Globs without a slash, and those of a name in any directory as that name's glob. */
  private readonly byName = new SuffixIndex();
  /** The other globs with a slash. */
  private readonly byPath = new SuffixIndex();
  /**
   * For a path holding a line break, which `**` may not span: the globs without a slash, and every
   * glob with one as written. Such paths are rare and not memoised.
   */
  private readonly plainNames = new SuffixIndex();
  private readonly wholePaths = new SuffixIndex();
  /** By file name: the owners its name matches, and their orders. */
  private readonly names = new Map<string, Matched<T>>();
  /** Each distinct answer once, however many names give it (most give one of a few). */
  private readonly answers = new Map<string, Matched<T>>();
  /** Which owners matched, by order: one array for every path, cleared as it is read. */
  private readonly marks: Uint8Array;
  /** The answer for the last name not known before. */
  private lastNamed: Matched<T> | undefined;

  constructor(entries: ReadonlyArray<{ owner: T; globs: readonly string[] }>) {
    this.owners = entries.map(({ owner }) => owner);
    this.marks = new Uint8Array(this.owners.length);
    entries.forEach(({ globs }, order) => {
      for (const glob of globs.flatMap(expandBraces)) {
        if (!glob.includes('/')) {
          this.byName.add(glob, order);
          this.plainNames.add(glob, order);
          continue;
        }
        const name = nameAnywhere(glob);
        if (name === null) this.byPath.add(glob, order);
        else this.byName.add(name, order);
        this.wholePaths.add(glob, order);
      }
    });
  }

  /** The owners with a glob that matches the path, in the order they were given (an owner given twice, twice). */
  matching(path: string): readonly T[] {
    const name = baseName(path);
    if (holdsLineTerminator(path)) {
      const marked = this.plainNames.mark(name, this.marks) + this.wholePaths.mark(path, this.marks);
      return marked === 0 ? [] : this.takeMarked().map((order) => this.owners[order]!);
    }
    let named = this.names.get(name);
    if (named === undefined) {
      const orders = this.byName.mark(name, this.marks) === 0 ? [] : this.takeMarked();
      // A new name most often matches what the one before it did (the next module of a package): its answer is taken without a key.
      named = this.lastNamed !== undefined && sameNumbers(orders, this.lastNamed.orders) ? this.lastNamed : this.answerFor(orders);
      this.lastNamed = named;
      if (this.names.size >= NAME_MEMO_LIMIT) this.names.clear();
      this.names.set(name, named);
    }
    if (this.byPath.empty || this.byPath.mark(path, this.marks) === 0) return named.owners;
    for (const order of named.orders) this.marks[order] = 1;
    return this.takeMarked().map((order) => this.owners[order]!);
  }

  /** The one answer for these orders. */
  private answerFor(orders: number[]): Matched<T> {
    const key = orders.join();
    let named = this.answers.get(key);
    if (named === undefined) {
      named = { owners: orders.map((order) => this.owners[order]!), orders };
      if (this.answers.size >= NAME_MEMO_LIMIT) this.answers.clear();
      this.answers.set(key, named);
    }
    return named;
  }

  /** The marked orders, ascending; the marks are cleared. */
  private takeMarked(): number[] {
    const orders: number[] = [];
    for (let order = 0; order < this.marks.length; order++) {
      if (this.marks[order] === 1) {
        orders.push(order);
        this.marks[order] = 0;
      }
    }
    return orders;
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
