const ALPHABET = 128;

interface Automaton {
  /** The column of each ASCII character: 0 for any character no literal contains. */
  columns: Uint8Array;
  /** Columns per state: one per distinct character of the literals, plus column 0. */
  width: number;
  /**
   * The trie, its states numbered breadth first: the children of state `s` are the states
   * `children[s] + 1` up to `children[s + 1]`, in the order of their columns; child state `t` is
   * reached through column `via[t - 1]`.
   */
  children: Int32Array;
  via: Uint8Array;
  /** Each state's failure state: the state of the longest proper suffix of its text. */
  fail: Uint16Array | Int32Array;
  /**
   * The literals that end at each state, including through its failure links: those of state `s`
   * are `ends[starts[s]]` up to `ends[starts[s + 1]]`. Two flat arrays, not an array per state: the
   * stored automaton is read in place, without building thousands of small arrays on every run.
   */
  starts: Int32Array;
  ends: Int32Array;
  /**
   * The transitions worked out so far (`step`). A search meets few of the states × columns: the whole
   * table of the built-in packs' literals is 2.8 MB, which a small audit paid for in pages first
   * touched (reading it, or filling it when built) more than for its searches. So a state gets a row
   * of the table when a search first reaches it, rows in the order they are given: the rows a small
   * repository's texts need share a few pages, and zeroed memory never written is never touched.
   */
  rows: Rows;
}

interface Rows {
  /**
   * `width + 2` numbers per row given: for each column the next row (0: not yet worked out; row 0 is
   * never given), then where the row's state's outputs start and end in `ends`. The outputs beside
   * the transitions keep the search's loop to the reads it made when every transition was stored.
   */
  table: Uint16Array | Int32Array;
  /** Each state's row (0: none yet). */
  rowOf: Int32Array;
  /** Each row's state. */
  stateOf: Int32Array;
  /** The next row to give. */
  given: number;
}

/**
 * Every scan builds the automaton of the rule set's signal literals; a process that scans many
 * times (a test suite, a service embedding the scanner) would build the same one again each time,
 * so the last few are kept. Sharing one is safe: its rows are only ever filled with what the trie and
 * failure links decide.
 */
const built = new Map<string, Automaton>();
const KEPT = 4;

function keep(literals: readonly string[], found: Automaton): void {
  if (built.size >= KEPT) built.delete(built.keys().next().value!);
  built.set(literals.join('\u0000'), found);
}

function automaton(literals: readonly string[]): Automaton {
  let found = built.get(literals.join('\u0000'));
  if (!found) keep(literals, (found = build(literals)));
  return found;
}

/** Changes whenever the layout below does: bytes of another layout are ignored. */
const LAYOUT = 2;

interface StoredHeader {
  layout: number;
  literals: string[];
  columns: number[];
  width: number;
  states: number;
  bits: 16 | 32;
  /** How many literal indexes the outputs hold in all. */
  outputs: number;
}

/** An array of state numbers: 16 bits where they fit. */
function stateArray(states: number, length: number): Uint16Array | Int32Array {
  return states <= 0x10000 ? new Uint16Array(length) : new Int32Array(length);
}

/**
 * The automaton of these literals as bytes, for the build to store (scripts/cache-packs.mjs) and an
 * audit to hand back to `rememberAutomaton` instead of building it: the JSON header's length (4
 * bytes, little-endian), the header, then at 4-byte boundaries the trie's child offsets, the failure
 * states, each state's offset into the outputs, the outputs and the trie's columns. The transition
 * table is not stored: a search fills what it meets.
 */
export function automatonBytes(literals: readonly string[]): Uint8Array {
  const { columns, width, children, via, fail, starts, ends } = automaton(literals);
  const states = starts.length - 1;
  const header: StoredHeader = { layout: LAYOUT, literals: [...literals], columns: [...columns], width, states, bits: fail instanceof Uint16Array ? 16 : 32, outputs: ends.length };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const parts = [new Uint8Array(new Uint32Array([json.length]).buffer), json, children, fail, starts, ends, via];
  const bytes = new Uint8Array(parts.reduce((end, part) => align(end) + part.byteLength, 0));
  parts.reduce((end, part) => {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), align(end));
    return align(end) + part.byteLength;
  }, 0);
  return bytes;
}

function align(offset: number): number {
  return Math.ceil(offset / 4) * 4;
}

/**
 * Keeps the automaton stored by `automatonBytes`, for the literals it was built from: a search for
 * exactly those literals then starts from it. Bytes that do not hold a whole automaton of this
 * layout are ignored (the automaton is then built when needed), so a stale or damaged file costs
 * time, never a wrong answer. The arrays are read in place: `bytes` must not change afterwards.
 */
export function rememberAutomaton(bytes: Uint8Array): void {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerEnd = 4 + view.getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, headerEnd))) as StoredHeader;
    if (header.layout !== LAYOUT || (bytes.byteOffset % 4) !== 0) return;
    const { states, width, outputs } = header;
    const at = (start: number) => bytes.byteOffset + align(start);
    const children = new Int32Array(bytes.buffer, at(headerEnd), states + 1);
    const failStart = at(headerEnd) + children.byteLength;
    const fail = header.bits === 16 ? new Uint16Array(bytes.buffer, failStart, states) : new Int32Array(bytes.buffer, failStart, states);
    const starts = new Int32Array(bytes.buffer, at(failStart - bytes.byteOffset + fail.byteLength), states + 1);
    const ends = new Int32Array(bytes.buffer, starts.byteOffset + starts.byteLength, outputs);
    const via = new Uint8Array(bytes.buffer, at(ends.byteOffset - bytes.byteOffset + ends.byteLength), states - 1);
    keep(header.literals, { columns: Uint8Array.from(header.columns), width, children, via, fail, starts, ends, rows: noRows(states, width, starts, outputs) });
  } catch {
    // Not a whole automaton (a RangeError for a short file, a SyntaxError for a damaged header).
  }
}

/** The rows of an automaton of `states` states, the start's given (row 1). */
function noRows(states: number, width: number, starts: Int32Array, outputs: number): Rows {
  const table = Math.max(states + 1, outputs) < 0xffff ? new Uint16Array((states + 1) * (width + 2)) : new Int32Array((states + 1) * (width + 2));
  const rows: Rows = { table, rowOf: new Int32Array(states), stateOf: new Int32Array(states + 1), given: 1 };
  rowFor(rows, width, starts, 0);
  return rows;
}

function rowFor(rows: Rows, width: number, starts: Int32Array, state: number): number {
  const known = rows.rowOf[state]!;
  if (known !== 0) return known;
  const row = rows.given++;
  rows.rowOf[state] = row;
  rows.stateOf[row] = state;
  const base = row * (width + 2);
  rows.table[base + width] = starts[state]!;
  rows.table[base + width + 1] = starts[state + 1]!;
  return row;
}

/**
 * The row after `row` reads a character of `column`, worked out once: the first state along the
 * row's state's failure links with a child for it, else the start's child or the start.
 */
function step(automaton: Automaton, row: number, column: number): number {
  const { rows, width, children, via, fail, starts } = automaton;
  const slot = row * (width + 2) + column;
  const known = rows.table[slot]!;
  if (known !== 0) return known;
  let state = rows.stateOf[row]!;
  let target = -1;
  while (target < 0 && state !== 0) {
    target = childOf(children, via, state, column);
    state = fail[state]!;
  }
  // The start's transitions are read from its own row, each worked out the first time it is needed.
  const found = target >= 0 ? rowFor(rows, width, starts, target) : row === START ? rowFor(rows, width, starts, Math.max(childOf(children, via, 0, column), 0)) : step(automaton, START, column);
  rows.table[slot] = found;
  return found;
}

/** The start's row. */
const START = 1;

/** The child of `state` reached through `column`, or -1. */
function childOf(children: Int32Array, via: Uint8Array, state: number, column: number): number {
  for (let child = children[state]! + 1, last = children[state + 1]!; child <= last; child++) if (via[child - 1] === column) return child;
  return -1;
}

/**
 * Built with typed arrays over the characters the literals use, the trie numbered breadth first;
 * the transition table is left to the searches (see `rows`).
 */
function build(literals: readonly string[]): Automaton {
  const ascii = literals.map((literal) => /^[\x00-\x7f]*$/.test(literal));
  const columns = new Uint8Array(ALPHABET);
  let width = 1;
  literals.forEach((literal, index) => {
    if (!ascii[index]) return;
    for (let i = 0; i < literal.length; i++) if (columns[literal.charCodeAt(i)] === 0) columns[literal.charCodeAt(i)] = width++;
  });
  // The trie in the order the literals make it, its edges keyed by state and column.
  const edges = new Map<number, number>();
  const kids: number[][] = [[]];
  const own: number[][] = [[]];
  literals.forEach((literal, index) => {
    if (!ascii[index]) return;
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const column = columns[literal.charCodeAt(i)]!;
      let target = edges.get(state * width + column);
      if (target === undefined) {
        target = kids.length;
        kids.push([]);
        own.push([]);
        edges.set(state * width + column, target);
        kids[state]!.push(column);
      }
      state = target;
    }
    own[state]!.push(index);
  });
  const states = kids.length;

  // Numbered again breadth first, each state's children in the order of their columns.
  const order = [0];
  const children = new Int32Array(states + 1);
  const via = new Uint8Array(Math.max(states - 1, 0));
  for (let next = 0; next < states; next++) {
    const state = order[next]!;
    children[next] = order.length - 1;
    for (const column of kids[state]!.sort((a, b) => a - b)) {
      via[order.length - 1] = column;
      order.push(edges.get(state * width + column)!);
    }
  }
  children[states] = states - 1;

  // In breadth-first order a state's failure state is shallower, so its failure state and outputs are
  // final first. Failure states are found on the trie alone: rows wait for the outputs.
  const fail = stateArray(states, states);
  const output: number[][] = order.map((state) => own[state]!);
  for (let parent = 0; parent < states; parent++) {
    for (let state = children[parent]! + 1; state <= children[parent + 1]!; state++) {
      let failState = 0;
      if (parent !== 0) {
        const column = via[state - 1]!;
        let from = fail[parent]!;
        while ((failState = childOf(children, via, from, column)) < 0 && from !== 0) from = fail[from]!;
        if (failState < 0) failState = 0;
      }
      fail[state] = failState;
      // Outputs are never changed once built: a state with none of its own shares its failure state's.
      if (output[failState]!.length > 0) output[state] = output[state]!.length > 0 ? [...output[state]!, ...output[failState]!] : output[failState]!;
    }
  }
  const starts = new Int32Array(states + 1);
  output.forEach((literalsAt, state) => (starts[state + 1] = starts[state]! + literalsAt.length));
  const ends = Int32Array.from(output.flat());
  return { columns, width, children, via, fail, starts, ends, rows: noRows(states, width, starts, ends.length) };
}

/**
 * Finds which of many literal strings occur in a text, in one pass over the text (Aho–Corasick).
 * Testing each literal with `includes` rereads the text once per literal, which for a few hundred
 * signal literals and tens of thousands of files dominates a scan.
 *
 * The automaton's transitions are a table over the literals' characters, so each character costs
 * two array reads once the transition it takes has been worked out (`table`). A character no literal contains, or one outside ASCII, cannot
 * continue any literal, so it returns to the start; a literal containing one outside ASCII is never
 * reported (callers pass ASCII literals).
 */
export class LiteralSearch {
  private readonly automaton: Automaton;

  constructor(literals: readonly string[]) {
    this.automaton = automaton(literals);
  }

  /** Calls `onHit` with each literal's index and the offset just after it, for every occurrence in the text, in order. */
  forEachHit(text: string, onHit: (literal: number, end: number) => void): void {
    const { automaton } = this;
    const { columns, width, ends, rows } = automaton;
    const { table } = rows;
    const stride = width + 2;
    let base = START * stride;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < ALPHABET) {
        const next = table[base + columns[code]!]!;
        base = (next !== 0 ? next : step(automaton, base / stride, columns[code]!)) * stride;
      } else {
        base = START * stride;
      }
      for (let at = table[base + width]!, end = table[base + width + 1]!; at < end; at++) onHit(ends[at]!, i + 1);
    }
  }

  /** The indexes of the literals that occur in the text. */
  foundIn(text: string): Set<number> {
    const found = new Set<number>();
    this.forEachHit(text, (index) => found.add(index));
    return found;
  }
}
