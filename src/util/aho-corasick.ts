const ALPHABET = 128;

interface Automaton {
  /** The column of each ASCII character: 0 for any character no literal contains. */
  columns: Uint8Array;
  /** Columns per state: one per distinct character of the literals, plus column 0. */
  width: number;
  /** Half the memory where the state numbers fit in 16 bits, as they do for the built-in packs' literals. */
  table: Uint16Array | Int32Array;
  /**
   * The literals that end at each state, including through its failure links: those of state `s`
   * are `ends[starts[s]]` up to `ends[starts[s + 1]]`. Two flat arrays, not an array per state: the
   * stored automaton is read in place, without building thousands of small arrays on every run.
   */
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Every scan builds the automaton of the rule set's signal literals; a process that scans many
 * times (a test suite, a service embedding the scanner) would build the same one again each time,
 * so the last few are kept. An automaton is never changed once built: sharing it is safe.
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
const LAYOUT = 1;

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

/**
 * The automaton of these literals as bytes, for the build to store (scripts/cache-packs.mjs) and an
 * audit to hand back to `rememberAutomaton` instead of building it: the JSON header's length (4
 * bytes, little-endian), the header, then at 4-byte boundaries the transition table, each state's
 * offset into the outputs, and the outputs.
 */
export function automatonBytes(literals: readonly string[]): Uint8Array {
  const { columns, width, table, starts, ends } = automaton(literals);
  const states = starts.length - 1;
  const header: StoredHeader = { layout: LAYOUT, literals: [...literals], columns: [...columns], width, states, bits: table instanceof Uint16Array ? 16 : 32, outputs: ends.length };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const parts = [new Uint8Array(new Uint32Array([json.length]).buffer), json, table, starts, ends];
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
 * time, never a wrong answer. The table is read in place: `bytes` must not change afterwards.
 */
export function rememberAutomaton(bytes: Uint8Array): void {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerEnd = 4 + view.getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, headerEnd))) as StoredHeader;
    if (header.layout !== LAYOUT || (bytes.byteOffset % 4) !== 0) return;
    const { states, width, outputs } = header;
    const tableStart = align(headerEnd);
    const table = header.bits === 16 ? new Uint16Array(bytes.buffer, bytes.byteOffset + tableStart, states * width) : new Int32Array(bytes.buffer, bytes.byteOffset + tableStart, states * width);
    const offsetsStart = align(tableStart + table.byteLength);
    const starts = new Int32Array(bytes.buffer, bytes.byteOffset + offsetsStart, states + 1);
    const ends = new Int32Array(bytes.buffer, bytes.byteOffset + align(offsetsStart + starts.byteLength), outputs);
    keep(header.literals, { columns: Uint8Array.from(header.columns), width, table, starts, ends });
  } catch {
    // Not a whole automaton (a RangeError for a short file, a SyntaxError for a damaged header).
  }
}

/**
 * Built with typed arrays only, over the characters the literals use: the automaton of a few
 * hundred signal literals has thousands of states, and a map per state or a column for each of the
 * 128 ASCII characters made building it (touching megabytes of fresh memory) cost more than
 * matching a small repository.
 */
function build(literals: readonly string[]): Automaton {
  const ascii = literals.map((literal) => /^[\x00-\x7f]*$/.test(literal));
  const columns = new Uint8Array(ALPHABET);
  let width = 1;
  let maxStates = 1;
  literals.forEach((literal, index) => {
    if (!ascii[index]) return;
    maxStates += literal.length;
    for (let i = 0; i < literal.length; i++) if (columns[literal.charCodeAt(i)] === 0) columns[literal.charCodeAt(i)] = width++;
  });
  // The trie first: a transition to 0 is none, since no transition leads back to the start.
  const table = maxStates <= 0xffff ? new Uint16Array(maxStates * width) : new Int32Array(maxStates * width);
  const depth = new Int32Array(maxStates);
  const parent = new Int32Array(maxStates);
  const via = new Int32Array(maxStates);
  const output: number[][] = [[]];
  literals.forEach((literal, index) => {
    if (!ascii[index]) return;
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const column = columns[literal.charCodeAt(i)]!;
      let target = table[state * width + column]!;
      if (target === 0) {
        target = output.length;
        output.push([]);
        table[state * width + column] = target;
        depth[target] = depth[state]! + 1;
        parent[target] = state;
        via[target] = column;
      }
      state = target;
    }
    output[state]!.push(index);
  });
  const states = output.length;

  // By increasing depth: a state's failure state is shallower, so its row and outputs are final
  // before they are copied. A missing transition takes the failure state's.
  const byDepth = Array.from({ length: states - 1 }, (_, i) => i + 1).sort((a, b) => depth[a]! - depth[b]! || a - b);
  const fail = new Int32Array(states);
  for (const state of byDepth) {
    const from = parent[state]!;
    const failState = from === 0 ? 0 : table[fail[from]! * width + via[state]!]!;
    fail[state] = failState;
    // Outputs are never changed once built: a state with none of its own shares its failure state's.
    if (output[failState]!.length > 0) output[state] = output[state]!.length > 0 ? [...output[state]!, ...output[failState]!] : output[failState]!;
    const row = state * width;
    const failRow = failState * width;
    for (let column = 1; column < width; column++) if (table[row + column] === 0) table[row + column] = table[failRow + column]!;
  }
  const starts = new Int32Array(states + 1);
  output.forEach((found, state) => (starts[state + 1] = starts[state]! + found.length));
  return { columns, width, table: table.subarray(0, states * width), starts, ends: Int32Array.from(output.flat()) };
}

/**
 * Finds which of many literal strings occur in a text, in one pass over the text (Aho–Corasick).
 * Testing each literal with `includes` rereads the text once per literal, which for a few hundred
 * signal literals and tens of thousands of files dominates a scan.
 *
 * The automaton is compiled into a dense transition table over the literals' characters, so each
 * character costs two array reads. A character no literal contains, or one outside ASCII, cannot
 * continue any literal, so it returns to the start; a literal containing one outside ASCII is never
 * reported (callers pass ASCII literals).
 */
export class LiteralSearch {
  private readonly columns: Uint8Array;
  private readonly width: number;
  private readonly table: Uint16Array | Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(literals: readonly string[]) {
    ({ columns: this.columns, width: this.width, table: this.table, starts: this.starts, ends: this.ends } = automaton(literals));
  }

  /** Calls `onHit` with each literal's index and the offset just after it, for every occurrence in the text, in order. */
  forEachHit(text: string, onHit: (literal: number, end: number) => void): void {
    const { columns, width, table, starts, ends } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = code < ALPHABET ? table[state * width + columns[code]!]! : 0;
      for (let at = starts[state]!, end = starts[state + 1]!; at < end; at++) onHit(ends[at]!, i + 1);
    }
  }

  /** The indexes of the literals that occur in the text. */
  foundIn(text: string): Set<number> {
    const found = new Set<number>();
    this.forEachHit(text, (index) => found.add(index));
    return found;
  }
}
