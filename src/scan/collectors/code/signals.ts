import { LiteralSearch } from '../../../util/aho-corasick.js';
import { GlobSet } from '../../../util/glob.js';
import { compileLinear, compileNative, type LinearRegex } from '../../../util/linear-regex.js';
import { holdsClauses, literalAlternation, literalClauses, requiredLiterals, type LiteralClauses } from '../../../util/regex-literals.js';
import type { CodeSignal } from '../../collector.js';
import { LineTable } from './lines.js';
import type { CodeUnit } from './languages.js';
import { enclosingKeys } from './yaml-keys.js';
import { YamlStrings } from './yaml-strings.js';

/** A signal ready to match: its regular expression, and the literals every match contains. */
export interface CompiledSignal extends CodeSignal {
  /** Its place in the signal list: matches are reported in this order. */
  order: number;
  regex: LinearRegex;
  /** Indexes (in the set's literal search) of text every match contains; null when the pattern shows none. */
  literals: number[] | null;
}

/** Where a signal matched in one unit of code: the line (1-based, in the unit) and its text. */
export interface UnitMatch {
  signal: CompiledSignal;
  line: number;
  text: string;
}

/** A match that does not count (a definition's name, a quoted sentence) is retried after it, this many times per line at most. */
const MATCHES_RETRIED_PER_LINE = 8;
const YAML_PATH = /\.ya?ml$/i;
/**
 * The matched line, led by the line its statement starts on when that is another: an argument
 * alone (`initial_instance_count=1,`) does not say which call it is given to (`….deploy(`).
 */
function statementText(physical: LineTable, first: number, line: number): string {
  return first === line ? physical.text(line) : `${physical.text(first).trim()} … ${physical.text(line).trim()}`;
}

/** Longer lines of text (minified files, data) are not searched by text signals. */
const MAX_TEXT_LINE = 2_000;

/**
 * A comment line is an intention, not a practice: `# helm rollback` proves nothing. What starts a
 * comment depends on the file; in prose (Markdown) a `#` starts a heading, which signals may need.
 */
const HASH_COMMENT = /^\s*#/;
const SLASH_COMMENT = /^\s*(\/\/|\/\*|\*)/;

function commentPattern(path: string): RegExp | null {
  if (/\.(md|markdown|rst|txt|adoc)$/i.test(path)) return null;
  if (/\.(java|kt|scala|go|rs|c|cc|cpp|h|hpp|cs|swift|groovy|gradle|[cm]?[jt]sx?)$|(^|\/)Jenkinsfile[^/]*$/i.test(path)) return SLASH_COMMENT;
  return HASH_COMMENT;
}

/**
 * The signals of a scan, compiled once: which files each reads, and one literal search for all of
 * them. A file is searched in one pass of the literal search; a signal's regular expression then
 * runs only on the lines holding one of its literals (every line, for the few patterns that show
 * none), so most signals never run on most files.
 */
export class SignalSet {
  readonly signals: CompiledSignal[];
  /** The literals of the search, in its order (the build stores the built-in packs' automaton: scripts/cache-packs.mjs). */
  readonly literals: readonly string[];
  /** The search for every literal, and for each literal the signals that own it. */
  private readonly full: Search;
  private readonly globs: GlobSet<CompiledSignal>;
  /** For each set of signals (a file type's): how many files asked for it, and its own search once built. */
  private readonly searches = new Map<string, { files: number; own: Search | null }>();
  /**
   * What each list of signals a file was given says, worked out once per list: a file type's list
   * is the same array for every file of the type (`matching` and `split` keep them), so the tens of
   * thousands of files of a large tree do not each build its key and filters again.
   */
  private readonly lists = new WeakMap<readonly CompiledSignal[], SignalList>();
  /**
   * By signal order: how many files held one of its literals, and from the CLAUSES_AFTER-th, all
   * the literals its pattern needs (null when they cannot be read): one literal of a signal can be
   * common where the pattern is rare (`require(` of a k6 import, in every CommonJS file), and a
   * file that lacks the others needs no code view and no line read for it.
   */
  private readonly filesHit: number[];
  private readonly clauses: Array<LiteralClauses | null | undefined>;
  /**
   * By signal order: the files its clauses were read on, and those they ruled out. Where they rule
   * out few (its literals are selective already), reading them costs every file a few passes more
   * for nothing, and they are given up after a trial.
   */
  private readonly judged: number[];
  private readonly ruledOut: number[];
  /** The source last judged, and each signal's verdict on it: a file's first literal and its search both ask. */
  private judgedSource: string | undefined;
  private readonly verdicts = new Map<number, boolean>();

  constructor(signals: readonly CodeSignal[]) {
    const literals: string[] = [];
    this.signals = signals.map((signal, order) => {
      const required = requiredLiterals(signal.pattern);
      return {
        ...signal,
        order,
        regex: signal.builtin ? compileNative(signal.pattern) : compileLinear(signal.pattern),
        literals: required && required.map((literal) => literals.push(literal) - 1),
      };
    });
    const owners: CompiledSignal[][] = [];
    for (const signal of this.signals) for (const index of signal.literals ?? []) (owners[index] ??= []).push(signal);
    this.literals = literals;
    this.full = { search: new LiteralSearch(literals), owners };
    this.globs = new GlobSet(this.signals.map((signal) => ({ owner: signal, globs: signal.files })));
    this.filesHit = this.signals.map(() => 0);
    this.clauses = [];
    this.judged = this.signals.map(() => 0);
    this.ruledOut = this.signals.map(() => 0);
  }

  /** The signals whose globs match a path, in signal order. */
  matching(path: string): readonly CompiledSignal[] {
    return this.globs.matching(path);
  }

  /** The `match: code` and the `match: text` signals of a list, in its order. */
  split(signals: readonly CompiledSignal[]): { code: readonly CompiledSignal[]; text: readonly CompiledSignal[] } {
    return this.listOf(signals);
  }

  private listOf(signals: readonly CompiledSignal[]): SignalList {
    let list = this.lists.get(signals);
    if (list === undefined) {
      this.lists.set(signals, (list = { code: [], text: [], key: signals.map((signal) => signal.order).join(), readsEveryLine: false, anyLiterals: false }));
      for (const signal of signals) {
        (signal.match === 'code' ? list.code : list.text).push(signal);
        if (signal.literals === null) list.readsEveryLine = true;
        else list.anyLiterals = true;
      }
    }
    return list;
  }

  /**
   * Matches `match: code` signals against a unit's code view, one match per logical line at most,
   * given the hits of the literal search over the unit's source (for these signals among others).
   */
  matchCode(unit: CodeUnit, signals: readonly CompiledSignal[], hits: SignalHits | null): UnitMatch[] {
    if (!anyHit(hits, signals)) return [];
    const view = unit.view();
    const logical = unit.logicalLines();
    const physical = unit.lines();
    const matches: UnitMatch[] = [];
    for (const [signal, lines] of candidateLines(hits, signals, logical)) {
      for (const index of lines) {
        const start = logical.start(index);
        const text = logical.text(index);
        let at = signal.regex.find(text);
        for (let retries = 0; at >= 0 && view.definitions.has(start + at) && retries < MATCHES_RETRIED_PER_LINE; retries++) at = signal.regex.find(text, at + 1);
        if (at < 0 || view.definitions.has(start + at)) continue;
        const line = physical.indexAt(start + at);
        matches.push({ signal, line: line + 1, text: statementText(physical, physical.indexAt(start), line) });
      }
    }
    return matches;
  }

  /**
   * Matches `match: text` signals against each line of a unit as written, comment lines left out,
   * and in YAML the text of quoted strings past their start (see YamlStrings), given the hits as for matchCode.
   */
  matchText(unit: { source: string }, path: string, signals: readonly CompiledSignal[], hits: SignalHits | null): UnitMatch[] {
    if (!anyHit(hits, signals)) return [];
    const comment = commentPattern(path);
    const physical = new LineTable(unit.source);
    let strings: YamlStrings | undefined;
    const quoted = YAML_PATH.test(path) ? (offset: number) => (strings ??= new YamlStrings(unit.source)).withinText(offset) : () => false;
    let keys: (string | null)[] | undefined;
    const excluded = (signal: CompiledSignal, index: number) => signal.notUnder !== undefined && YAML_PATH.test(path) && signal.notUnder.includes((keys ??= enclosingKeys(physical))[index] ?? '');
    const matches: UnitMatch[] = [];
    for (const [signal, lines] of candidateLines(hits, signals, physical)) {
      for (const index of lines) {
        const text = physical.text(index);
        if (text.length > MAX_TEXT_LINE || comment?.test(text) || excluded(signal, index)) continue;
        const start = physical.start(index);
        let at = signal.regex.find(text);
        for (let retries = 0; at >= 0 && quoted(start + at) && retries < MATCHES_RETRIED_PER_LINE; retries++) at = signal.regex.find(text, at + 1);
        if (at < 0 || quoted(start + at)) continue;
        matches.push({ signal, line: index + 1, text });
      }
    }
    return matches;
  }

  /**
   * For each signal, the offsets just after its literals in the source, ascending (null for a
   * signal without literals: it reads every line), from one pass of the literal search; null when
   * no signal can match, so that a file without a hit costs no line table and no code view. A
   * literal's end offset is the same in the source and in the code view, which is as long. One
   * pass serves the code and the text signals of a source alike.
   */
  hits(source: string, signals: readonly CompiledSignal[]): SignalHits | null {
    const { readsEveryLine, anyLiterals, key } = this.listOf(signals);
    const searched = anyLiterals ? this.searchFor(signals, key) : null;
    const mayHit = searched !== null && this.holdsLiveLiteral(searched, source);
    // Most files hold none of their signals' literals: they are ruled out before a table is made for them.
    if (!mayHit && !readsEveryLine) return null;
    const ends = new Map<CompiledSignal, number[] | null>(signals.map((signal) => [signal, signal.literals === null ? null : []]));
    let found = readsEveryLine;
    if (mayHit) {
      const { search, owners } = searched!;
      search.forEachHit(source, (literal, end) => {
        for (const signal of owners[literal] ?? []) ends.get(signal)?.push(end);
      });
      for (const [signal, offsets] of ends) {
        if (offsets === null || offsets.length === 0) continue;
        if (this.holdsAllItNeeds(signal, source)) found = true;
        else offsets.length = 0;
      }
    }
    return found ? ends : null;
  }

  /**
   * Whether the source holds one of the search's literals that a signal can use. A literal whose
   * every signal lacks, in this source, what its pattern needs (its clauses, once known) can hit
   * nothing: its hits would be dropped after the search. The alternation finds the first literal;
   * while that is such a one, the alternation without it (and those before it) goes on from there,
   * a few times at most: babel/babel's JSON syntax trees hold `computed` on most lines (a
   * platform setting's `compute`), and nothing else their type's signals need.
   */
  private holdsLiveLiteral(searched: Search, source: string): boolean {
    const { anyLiteral, indexes } = searched;
    if (!anyLiteral || !indexes) return true;
    let gate: RegExp | null = anyLiteral;
    const dead: string[] = [];
    for (let from = 0; gate !== null; ) {
      gate.lastIndex = from;
      const found = gate.exec(source);
      if (found === null) return false;
      const signals = searched.owners[indexes.get(found[0])!]!;
      if (dead.length === MAX_DEAD_LITERALS || signals.some((signal) => this.holdsClausesOf(signal, source))) return true;
      dead.push(found[0]);
      gate = this.gateWithout(searched, dead);
      from = found.index;
    }
    return false;
  }

  /** Whether the source holds what the signal's pattern needs, as far as is known: true before its clauses are read, and once given up. */
  private holdsClausesOf(signal: CompiledSignal, source: string): boolean {
    const { order } = signal;
    const clauses = this.clauses[order];
    if (!clauses) return true;
    if (this.judgedSource !== source) {
      this.judgedSource = source;
      this.verdicts.clear();
    }
    let holds = this.verdicts.get(order);
    if (holds === undefined) {
      this.verdicts.set(order, (holds = holdsClauses(source, clauses)));
      if (!holds) this.ruledOut[order]! += 1;
      if (++this.judged[order]! === CLAUSES_TRIAL && this.ruledOut[order]! * 2 < CLAUSES_TRIAL) this.clauses[order] = null;
    }
    return holds;
  }

  /** The search's alternation without the given literals, each set made once (a few: the common literals of a type's files). */
  private gateWithout(searched: Search, dead: readonly string[]): RegExp | null {
    const without = (searched.without ??= new Map());
    const key = dead.join('\u0000');
    let gate = without.get(key);
    if (gate === undefined) {
      if (without.size >= KEPT_GATES) without.clear();
      without.set(key, (gate = globalAlternation([...searched.indexes!.keys()].filter((literal) => !dead.includes(literal)))));
    }
    return gate;
  }

  /** Whether a source that holds one of the signal's literals holds all that its pattern needs (worked out once the signal has met many files). */
  private holdsAllItNeeds(signal: CompiledSignal, source: string): boolean {
    const files = ++this.filesHit[signal.order]!;
    if (files < CLAUSES_AFTER) return true;
    if (files === CLAUSES_AFTER) this.clauses[signal.order] = literalClauses(signal.pattern);
    return this.holdsClausesOf(signal, source);
  }

  /**
   * The search for these signals' literals: its own when they are few (a JavaScript file reads 3
   * of some 180 signals) and many files need it, which reports no other signal's literals and fits
   * a processor's cache; the search for every literal otherwise. Both find the same hits for these
   * signals: building a search of its own pays only over many files, never in a small repository.
   */
  private searchFor(signals: readonly CompiledSignal[], key: string): Search {
    let entry = this.searches.get(key);
    if (entry === undefined) {
      if (this.searches.size >= KEPT_SEARCHES) this.searches.clear();
      this.searches.set(key, (entry = { files: 0, own: null }));
    }
    entry.files += 1;
    if (entry.own === null && entry.files === OWN_SEARCH_AFTER) entry.own = this.ownSearch(signals);
    return entry.own ?? this.full;
  }

  /** A search for these signals' literals alone, or the search for every literal when they are many. */
  private ownSearch(signals: readonly CompiledSignal[]): Search {
    const literals: string[] = [];
    const owners: CompiledSignal[][] = [];
    const indexes = new Map<string, number>();
    for (const signal of signals) {
      for (const literal of signal.literals ?? []) {
        const text = this.literals[literal]!;
        let index = indexes.get(text);
        if (index === undefined) indexes.set(text, (index = literals.push(text) - 1));
        (owners[index] ??= []).push(signal);
      }
    }
    if (literals.length > SMALL_SEARCH) return this.full;
    return { search: new LiteralSearch(literals), owners, anyLiteral: globalAlternation(literals), indexes };
  }
}

/** A list of signals split by how they read a file, its key among the searches, and whether any reads every line or has literals. */
interface SignalList {
  code: CompiledSignal[];
  text: CompiledSignal[];
  key: string;
  readsEveryLine: boolean;
  anyLiterals: boolean;
}

/** A literal search, and for each of its literals the signals that own it. */
interface Search {
  search: LiteralSearch;
  owners: readonly CompiledSignal[][];
  /**
   * Whether a text holds one of the literals at all: most files of a type hold none of its few
   * literals (11,800 of babel's 12,100 test inputs and outputs), and the regular expression engine
   * says so several times faster than the search can, which then runs only on files with a hit.
   * An alternation of plain strings, linear in the text. Only a search of its own has one: compiling
   * the alternation of every literal would cost a small repository more than its files.
   */
  anyLiteral?: RegExp | null;
  /** Each literal's index in the search, by its text (a search of its own). */
  indexes?: ReadonlyMap<string, number>;
  /** The alternation without some literals, by those left out (`holdsLiveLiteral`). */
  without?: Map<string, RegExp | null>;
}

/** A literal alternation that reads on from its `lastIndex`; null for no literal. */
function globalAlternation(literals: readonly string[]): RegExp | null {
  const alternation = literalAlternation(literals);
  return alternation && new RegExp(alternation.source, 'g');
}

/** Literals a source's first ones may be found unusable before the search runs over it anyway. */
const MAX_DEAD_LITERALS = 4;
/** Alternations without some literals kept per search. */
const KEPT_GATES = 64;

/** Up to this many literals, a set of signals gets a search of its own: building one costs less than searching a few files. */
const SMALL_SEARCH = 256;
const KEPT_SEARCHES = 256;
/** A set of signals gets a search of its own from the file that makes this many: before, the full search serves it. */
const OWN_SEARCH_AFTER = 64;

/**
 * A signal's other literals are looked for from the file that makes this many holding one of them:
 * reading them from its pattern costs more than a few files' views (perf11: ~2 M instructions a
 * pattern), which a small repository never pays back.
 */
const CLAUSES_AFTER = 32;
/** The files a signal's clauses are tried on: they are kept if they ruled out half of them at least. */
const CLAUSES_TRIAL = 32;

/** Where a source's literals end, by signal (null: the signal reads every line). */
export type SignalHits = ReadonlyMap<CompiledSignal, readonly number[] | null>;

/** Whether one of these signals can match: it reads every line, or one of its literals is there. */
function anyHit(hits: SignalHits | null, signals: readonly CompiledSignal[]): hits is SignalHits {
  return hits !== null && signals.some((signal) => {
    const offsets = hits.get(signal)!;
    return offsets === null || offsets.length > 0;
  });
}

/** For each signal, the lines its literals end on, ascending and each once (every line for a signal without literals). */
function candidateLines(hits: SignalHits, signals: readonly CompiledSignal[], lines: LineTable): Map<CompiledSignal, number[]> {
  let every: number[] | undefined;
  const candidates = new Map<CompiledSignal, number[]>();
  for (const signal of signals) {
    const offsets = hits.get(signal)!;
    if (offsets === null) {
      candidates.set(signal, (every ??= Array.from({ length: lines.count }, (_, i) => i)));
      continue;
    }
    const indexes: number[] = [];
    for (const end of offsets) {
      const index = lines.indexAt(end - 1);
      if (indexes[indexes.length - 1] !== index) indexes.push(index);
    }
    candidates.set(signal, indexes);
  }
  return candidates;
}
