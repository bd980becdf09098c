import { escapeRegExp } from './escape-regexp.js';

/** The shortest literal worth searching for, unless the caller says otherwise. */
const MIN_LENGTH = 3;

/**
 * Literal text that any match of a regular expression must contain, found conservatively: the
 * pattern is read as a sequence of atoms; in a sequence every atom that is not optional must
 * match, so the best of their literals will do (the longest, then the fewest); an alternation
 * needs one literal from each alternative. A text that contains none of them cannot match, and
 * one literal search over a file answers that far faster than the regex engine can run over
 * every line.
 *
 * Returns null whenever that cannot be established with certainty (an alternative with no literal
 * long enough, inline flags, escapes it does not know, anything unusual): the caller then always
 * runs the regex.
 */
export function requiredLiterals(pattern: string, minLength = MIN_LENGTH): readonly string[] | null {
  const key = `${minLength}\u0000${pattern}`;
  if (!known.has(key)) {
    if (known.size >= KEPT) known.clear();
    known.set(key, findLiterals(pattern, minLength));
  }
  return known.get(key)!;
}

/**
 * Which of several regexes match somewhere in a text, looking for their required literals first:
 * most texts hold none of them, and one search for all the literals says so far faster than the
 * regexes, or an `includes` per literal, can. The literals are worked out on the first test (a
 * case-insensitive regex has none, and is always run).
 */
export class LiteralGate {
  private literals: ReadonlyArray<readonly string[] | null> | undefined;
  private any: RegExp | null | undefined;

  constructor(private readonly regexes: readonly RegExp[]) {}

  /** The patterns whose literals it reads (not the case-insensitive ones): the build records them. */
  get patterns(): string[] {
    return this.regexes.filter((regex) => !regex.flags.includes('i')).map((regex) => regex.source);
  }

  /** The texts that the regexes with required literals need, one of each's at least for it to match. */
  requiredTexts(): string[] {
    return this.literalsOfEach().flatMap((texts) => texts ?? []);
  }

  /** The regexes without required literals (a case-insensitive one): they always run. */
  unguarded(): RegExp[] {
    const literals = this.literalsOfEach();
    return this.regexes.filter((_, index) => literals[index] === null);
  }

  private literalsOfEach(): ReadonlyArray<readonly string[] | null> {
    return (this.literals ??= this.regexes.map((regex) => (regex.flags.includes('i') ? null : requiredLiterals(regex.source))));
  }

  /** The indexes of the regexes that match somewhere in the text, ascending. */
  matching(text: string): number[] {
    const literalsOfEach = this.literalsOfEach();
    // An alternation of plain strings: linear in the text.
    this.any ??= literalAlternation([...new Set(this.requiredTexts())]);
    const someLiteral = this.any !== null && this.any.test(text);
    const found: number[] = [];
    this.regexes.forEach((regex, index) => {
      const literals = literalsOfEach[index]!;
      if (literals && !(someLiteral && literals.some((literal) => text.includes(literal)))) return;
      regex.lastIndex = 0;
      if (regex.test(text)) found.push(index);
    });
    return found;
  }
}

/**
 * Whether a text may match a regex of the gates or hold one of `more`: one alternation of the texts
 * their regexes need and of `more`, and the regexes that need none run themselves. A text it rules
 * out is done with in one pass, where each gate (and a search for each of `more`) would read it again.
 */
export function anyTextOf(gates: readonly LiteralGate[], more: readonly string[]): (text: string) => boolean {
  const any = literalAlternation([...new Set([...more, ...gates.flatMap((gate) => gate.requiredTexts())])]);
  const unguarded = gates.flatMap((gate) => gate.unguarded());
  return (text) =>
    (any !== null && any.test(text)) ||
    unguarded.some((regex) => {
      regex.lastIndex = 0;
      return regex.test(text);
    });
}

/**
 * A regex's test behind one search for the literals it needs: a text holding none of them is ruled
 * out in that pass, where a pattern anchored at each line (`^…` with the `m` flag) would be tried at
 * every line start of it. A case-insensitive, global or sticky regex, or one with no required
 * literal, is tested as it is. The literals are worked out on the first test: a scan makes the
 * tests of every CI provider's files, and most repositories have a file of one or two of them.
 */
export function gatedTest(regex: RegExp): (text: string) => boolean {
  let any: RegExp | null | undefined;
  return (text) => {
    if (any === undefined) {
      const literals = /[giy]/.test(regex.flags) ? null : requiredLiterals(regex.source);
      any = literals === null ? null : literalAlternation(literals);
    }
    return (any === null || any.test(text)) && regex.test(text);
  };
}

/** An alternation of plain strings, which says in one pass, linear in the text, whether a text holds any of them; null for none. */
export function literalAlternation(literals: readonly string[]): RegExp | null {
  return literals.length === 0 ? null : new RegExp(literals.map(escapeRegExp).join('|'));
}

/**
 * For a pattern anchored at the start of the text (`^…`, every alternative), the texts one of which
 * every match starts with: `^(?:make|npm)\s` gives `make` and `npm`. A text that starts with none of
 * them cannot match, which `startsWith` says without compiling the pattern. Null when that cannot be
 * established (an alternative not anchored, or starting with a class, an optional part or syntax the
 * reader does not know), or when there would be more than MAX_LEADING.
 */
export function leadingLiterals(pattern: string): readonly string[] | null {
  const recorded = knownStarts.get(pattern);
  if (recorded !== undefined) return recorded;
  const reader: Reader = { pattern, minLength: 1, at: 0 };
  try {
    const found = leadingAlternation(reader, true);
    return reader.at === pattern.length && found !== null && !found.includes('') ? [...new Set(found)] : null;
  } catch (error) {
    if (error === UNKNOWN) return null;
    throw error;
  }
}

const MAX_LEADING = 64;

/** Each alternative's leading texts; null when an anchored one is not, or when they are too many. */
function leadingAlternation(reader: Reader, anchored: boolean): string[] | null {
  const found: Array<string[] | null> = [leadingSequence(reader, anchored)];
  while (reader.pattern[reader.at] === '|') {
    reader.at += 1;
    found.push(leadingSequence(reader, anchored));
  }
  const texts = found.every((texts) => texts !== null) ? found.flat() : null;
  return texts !== null && texts.length <= MAX_LEADING ? texts : null;
}

/**
 * One alternative's leading texts: its characters up to the first atom not matched exactly once,
 * through at most one group (`''` when it starts with none); null when it should be anchored and is
 * not. The rest of the alternative is read past.
 */
function leadingSequence(reader: Reader, anchored: boolean): string[] | null {
  const isAnchored = reader.pattern[reader.at] === '^';
  if (isAnchored) reader.at += 1;
  let texts = [''];
  let open = isAnchored || !anchored;
  while (reader.at < reader.pattern.length && reader.pattern[reader.at] !== '|' && reader.pattern[reader.at] !== ')') {
    const rest = reader.pattern.slice(reader.at);
    const opening = /^\((?:\?:|\?P?<[A-Za-z_]\w*>)?(?!\?)/.exec(rest);
    if (open && opening) {
      reader.at += opening[0].length;
      const inner = leadingAlternation(reader, false);
      if (reader.pattern[reader.at] !== ')') throw UNKNOWN;
      reader.at += 1;
      // The group's quantifier is read whatever its texts: an unknown group still ends the leading text.
      const least = quantifierMinimum(reader);
      if (inner !== null && least !== 0) texts = texts.flatMap((text) => inner.map((more) => text + more));
      open = false;
      continue;
    }
    const item = atom(reader);
    const least = quantifierMinimum(reader);
    if (open && typeof item === 'string' && least !== 0) texts = texts.map((text) => text + item);
    if (typeof item !== 'string' || least !== null) open = false;
  }
  return anchored && !isAnchored ? null : texts;
}

/**
 * The alternatives of a pattern that is an alternation at its top, or within one group around the
 * whole of it, each a pattern of its own, and theirs in turn: in any text, the pattern's first
 * match from a position starts where the earliest of theirs does. Null for a pattern that is no
 * such alternation, that the reader cannot delimit, or whose alternatives cannot stand alone (a
 * backreference counts the groups of the others).
 */
export function alternativesOf(pattern: string): string[] | null {
  return piecesOf(pattern, 0, pattern.length)?.map(([start, end]) => pattern.slice(start, end)) ?? null;
}

/** The alternatives of the pattern's text from `start` to `end`, by where each starts and ends in it. */
function piecesOf(pattern: string, start: number, end: number): Array<[number, number]> | null {
  let body = pattern.slice(start, end);
  let offset = start;
  for (;;) {
    const top = topLevel(body);
    if (top === null) return null;
    if (top.bars.length > 0) {
      return [-1, ...top.bars].flatMap((bar, i): Array<[number, number]> => {
        const from = offset + bar + 1;
        const to = offset + (top.bars[i] ?? body.length);
        return piecesOf(pattern, from, to) ?? [[from, to]];
      });
    }
    const opening = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?(?!\?)/.exec(body);
    if (opening === null || top.firstClose !== body.length - 1) return null;
    body = body.slice(opening[0].length, -1);
    offset += opening[0].length;
  }
}

/** A pattern's alternatives (`alternativesOf`), each with the literals one of which a text must hold for it to match (`requiredLiterals`). */
export type Alternatives = ReadonlyArray<readonly [source: string, literals: readonly string[] | null]>;

/** Alternatives as the build records them: each by where it starts and ends in the pattern, with its literals. */
export type RecordedAlternatives = ReadonlyArray<readonly [start: number, end: number, literals: readonly string[] | null]>;

/** Reading a pattern's alternatives and their literals costs more than searching a small repository with them: the build records the built-in signals'. */
const recordedAlternatives = new Map<string, RecordedAlternatives | null>();
const knownAlternatives = new Map<string, Alternatives | null>();

export function literalAlternatives(pattern: string): Alternatives | null {
  let found = knownAlternatives.get(pattern);
  if (found === undefined) {
    const recorded = recordedAlternatives.get(pattern);
    found =
      recorded === undefined
        ? (alternativesOf(pattern)?.map((source) => [source, requiredLiterals(source)] as const) ?? null)
        : (recorded?.map(([start, end, literals]) => [pattern.slice(start, end), literals] as const) ?? null);
    if (knownAlternatives.size >= KEPT) knownAlternatives.clear();
    knownAlternatives.set(pattern, found);
  }
  return found;
}

/** What the build records of a pattern's alternatives. */
export function recordAlternatives(pattern: string): RecordedAlternatives | null {
  return piecesOf(pattern, 0, pattern.length)?.map(([start, end]) => [start, end, requiredLiterals(pattern.slice(start, end))] as const) ?? null;
}

/** The build's answers (scripts/cache-packs.mjs), by pattern. */
export function rememberAlternatives(answers: Readonly<Record<string, RecordedAlternatives | null>>): void {
  for (const [pattern, alternatives] of Object.entries(answers)) {
    if (recordedAlternatives.size >= KEPT) recordedAlternatives.clear();
    recordedAlternatives.set(pattern, alternatives);
  }
}

/** Where a pattern's top-level `|` are, and the `)` that closes its first group; null for a backreference or unbalanced brackets. */
function topLevel(pattern: string): { bars: number[]; firstClose: number } | null {
  const bars: number[] = [];
  let depth = 0;
  let firstClose = -1;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return null;
      i += 1;
    } else if (char === '[') {
      i = classEnd(pattern, i);
      if (i < 0) return null;
    } else if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth < 0) return null;
      if (depth === 0 && firstClose < 0) firstClose = i;
    } else if (char === '|' && depth === 0) {
      bars.push(i);
    }
  }
  return depth === 0 ? { bars, firstClose } : null;
}

/** The `]` that closes the class opening at `at` (the first one not escaped, as JavaScript reads a class), or -1. */
function classEnd(pattern: string, at: number): number {
  let i = at + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i < pattern.length ? i : -1;
}

/** Every scan asks again for the same signals' literals: the answers are kept (they never change). */
const known = new Map<string, readonly string[] | null>();
const KEPT = 4_096;

/**
 * Answers found earlier by this same function, with the default minimum length, by pattern: the
 * build records the built-in signals' (scripts/cache-packs.mjs), which an audit would otherwise
 * work out again on every run.
 */
export function rememberLiterals(answers: Readonly<Record<string, readonly string[] | null>>): void {
  for (const [pattern, literals] of Object.entries(answers)) {
    if (known.size >= KEPT) known.clear();
    known.set(`${MIN_LENGTH}\u0000${pattern}`, literals);
  }
}

/**
 * `leadingLiterals` of the CI command patterns, recorded by the build: reading all 121 of them
 * costs some 240 M instructions, more than the rest of their use in a large tree's audit.
 */
const knownStarts = new Map<string, readonly string[] | null>();

export function rememberLeadingLiterals(answers: Readonly<Record<string, readonly string[] | null>>): void {
  for (const [pattern, starts] of Object.entries(answers)) knownStarts.set(pattern, starts);
}

/** For each alternative at a pattern's top, the sets of literals it needs: a matching text holds one literal of each set. */
export type LiteralClauses = ReadonlyArray<ReadonlyArray<readonly string[]>>;

/**
 * What `requiredLiterals` reads, all of it: for each alternative at the pattern's top, every set
 * of literals its atoms need, where `requiredLiterals` keeps the most selective set alone.
 * `require\(\s*["']k6/http` needs `require(` and `k6/http`: most texts that hold the first lack the
 * second. Null when the reader cannot tell (as `requiredLiterals` would be).
 */
export function literalClauses(pattern: string): LiteralClauses | null {
  const reader: Reader = { pattern, minLength: MIN_LENGTH, at: 0 };
  try {
    const alternatives: string[][][] = [];
    for (;;) {
      const clauses: string[][] = [];
      if (sequence(reader, clauses) === null) return null;
      alternatives.push(clauses);
      if (reader.pattern[reader.at] !== '|') break;
      reader.at += 1;
    }
    return reader.at === pattern.length ? alternatives : null;
  } catch (error) {
    if (error === UNKNOWN) return null;
    throw error;
  }
}

/** Whether a text holds, for one alternative at least, a literal of each set it needs: one that does not cannot match. */
export function holdsClauses(text: string, alternatives: LiteralClauses): boolean {
  return alternatives.some((clauses) => clauses.every((literals) => literals.some((literal) => text.includes(literal))));
}

/** Thrown by the reader on syntax it does not know: the pattern then shows no literal. */
const UNKNOWN = Symbol('unknown syntax');

interface Reader {
  readonly pattern: string;
  readonly minLength: number;
  at: number;
}

function findLiterals(pattern: string, minLength: number): string[] | null {
  const reader: Reader = { pattern, minLength, at: 0 };
  try {
    const found = alternation(reader);
    return reader.at === pattern.length && found ? [...new Set(found)] : null;
  } catch (error) {
    if (error === UNKNOWN) return null;
    throw error;
  }
}

/** `a|b|c` up to a closing parenthesis or the end: one literal from each alternative, or null. */
function alternation(reader: Reader): string[] | null {
  const alternatives = [sequence(reader)];
  while (reader.pattern[reader.at] === '|') {
    reader.at += 1;
    alternatives.push(sequence(reader));
  }
  return alternatives.every((found) => found !== null) ? alternatives.flat() : null;
}

/** The shortest of a set of literals decides how useful the set is. */
const shortest = (literals: readonly string[]) => Math.min(...literals.map((literal) => literal.length));

/** A group that matches one of a few plain words and nothing else: `(prompt|output)`. */
interface WordChoice {
  words: string[];
}

/** How many texts a run may become through word choices before it ends: each is a literal to search for. */
const MAX_RUN_CHOICES = 16;

/** One alternative: of the literals its required atoms need, the most selective set; every set it needs goes to `clauses` when given. */
function sequence(reader: Reader, clauses?: string[][]): string[] | null {
  let best: string[] | null = null;
  // The text that must appear in one piece, as each of its spellings when a word choice is part of it.
  let runs: string[] = [''];
  const consider = (literals: string[] | null) => {
    if (!literals || literals.length === 0 || shortest(literals) < reader.minLength) return;
    clauses?.push(literals);
    if (!best || shortest(literals) > shortest(best) || (shortest(literals) === shortest(best) && literals.length < best.length)) best = literals;
  };
  const endRun = () => {
    if (runs[0]) consider([...new Set(runs)]);
    runs = [''];
  };
  while (reader.at < reader.pattern.length && reader.pattern[reader.at] !== '|' && reader.pattern[reader.at] !== ')') {
    const item = atom(reader);
    const least = quantifierMinimum(reader);
    if (typeof item === 'string') {
      // An optional character ends the text that must appear in one piece; a repeated one is the last of it.
      if (least === 0) endRun();
      else runs = runs.map((run) => run + item);
      if (least !== null) endRun();
    } else if (item !== null && 'words' in item && least === null && runs.length * item.words.length <= MAX_RUN_CHOICES) {
      // `scan_(prompt|output)(`: the run goes on as each word (`scan_prompt`, `scan_output`), not as the words alone.
      runs = runs.flatMap((run) => item.words.map((word) => run + word));
    } else {
      endRun();
      if (least !== 0) consider(item === null || Array.isArray(item) ? item : item.words);
    }
  }
  endRun();
  return best;
}

/** Escapes that stand for one literal character. */
const LITERAL_ESCAPE = /^\\([.\\/\-_(){}[\]|^$*+?:'"=<>@#!&,;])/;
/** Characters that stand for themselves. */
const WORD_CHAR = /^[A-Za-z0-9_\-:/'"=<>@#!&,; ]/;
/** Escapes for a class of characters, a position or a control character: they match no literal text. */
const NON_LITERAL_ESCAPE = /^\\[bBdDwWsSntrfv]/;

/**
 * The next atom: a literal character, or the literals a group needs (null when it needs none, or
 * for a class, `.`, an anchor, a lookaround).
 */
function atom(reader: Reader): string | string[] | WordChoice | null {
  const rest = reader.pattern.slice(reader.at);
  const literal = LITERAL_ESCAPE.exec(rest) ?? WORD_CHAR.exec(rest);
  if (literal) {
    reader.at += literal[0].length;
    return literal[1] ?? literal[0];
  }
  const escape = NON_LITERAL_ESCAPE.exec(rest);
  if (escape) {
    reader.at += escape[0].length;
    return null;
  }
  if (rest.startsWith('(')) return group(reader, rest);
  if (rest.startsWith('[')) {
    const length = classLength(rest);
    reader.at += length;
    const few = FEW_CHARACTERS.exec(rest.slice(0, length))?.[1];
    return few === undefined ? null : { words: [...few] };
  }
  if (rest.startsWith('\\') || /^[*+?{}\]]/.test(rest)) throw UNKNOWN;
  // `.`, `^`, `$` and characters outside the literal set: one character, no literal.
  reader.at += 1;
  return null;
}

/**
 * A class of a few letters or digits, most often one letter's two cases (`[Cc]ost`): a choice of
 * one-character words, so that the text around it is spelt each way (`Cost`, `cost`) where it would
 * otherwise end there (`ost`, in every `host` and `post` of a JavaScript file).
 */
const FEW_CHARACTERS = /^\[([A-Za-z0-9_]{1,3})\]$/;

/** Words and nothing else between a group's parentheses: what it matches is one of them, whole. */
const PLAIN_WORDS = /^[A-Za-z0-9_]+(?:\|[A-Za-z0-9_]+)*$/;

/** A group: capturing, `(?:`, named, or a lookaround (which matches no text of its own). */
function group(reader: Reader, rest: string): string[] | WordChoice | null {
  const opening = /^\((?:\?:|\?P?<[A-Za-z_]\w*>|(\?<?[=!]))?/.exec(rest)!;
  if (rest.startsWith('(?') && opening[0] === '(') throw UNKNOWN;
  reader.at += opening[0].length;
  const start = reader.at;
  const inner = alternation(reader);
  if (reader.pattern[reader.at] !== ')') throw UNKNOWN;
  const source = reader.pattern.slice(start, reader.at);
  reader.at += 1;
  if (opening[1]) return null;
  return PLAIN_WORDS.test(source) ? { words: source.split('|') } : inner;
}

function classLength(rest: string): number {
  let i = rest.startsWith('[^') ? 2 : 1;
  if (rest[i] === ']') throw UNKNOWN;
  for (; i < rest.length; i++) {
    if (rest[i] === '\\') i += 1;
    else if (rest[i] === '[') throw UNKNOWN;
    else if (rest[i] === ']') return i + 1;
  }
  throw UNKNOWN;
}

/** The least number of repetitions the quantifier after an atom allows; null when there is none. */
function quantifierMinimum(reader: Reader): number | null {
  const rest = reader.pattern.slice(reader.at);
  const quantifier = /^(?:([?*+])|\{(\d+)(?:,\d*)?\})\??/.exec(rest);
  if (!quantifier) {
    if (rest.startsWith('{')) throw UNKNOWN;
    return null;
  }
  reader.at += quantifier[0].length;
  return quantifier[1] === '+' ? 1 : quantifier[1] ? 0 : Number(quantifier[2]);
}
