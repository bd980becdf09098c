const ALPHABET = 128;

interface Automaton {
  table: Int32Array;
  /** For each state, the literals that end there, including through its failure links. */
  output: number[][];
}

/**
 * Every scan builds the automaton of the rule set's signal literals; a process that scans many
 * times (a test suite, a service embedding the scanner) would build the same one again each time,
 * so the last few are kept. An automaton is never changed once built: sharing it is safe.
 */
const built = new Map<string, Automaton>();
const KEPT = 4;

function automaton(literals: readonly string[]): Automaton {
  const key = literals.join('\u0000');
  let found = built.get(key);
  if (!found) {
    found = build(literals);
    if (built.size >= KEPT) built.delete(built.keys().next().value!);
    built.set(key, found);
  }
  return found;
}

function build(literals: readonly string[]): Automaton {
  const children: Array<Map<number, number>> = [new Map()];
  const output: number[][] = [[]];
  literals.forEach((literal, index) => {
    if (!/^[\x00-\x7f]*$/.test(literal)) return;
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const code = literal.charCodeAt(i);
      let target = children[state]!.get(code);
      if (target === undefined) {
        target = children.length;
        children.push(new Map());
        output.push([]);
        children[state]!.set(code, target);
      }
      state = target;
    }
    output[state]!.push(index);
  });

  // Breadth-first: a state's transitions and outputs are final before its children copy them.
  const table = new Int32Array(children.length * ALPHABET);
  const fail = new Int32Array(children.length);
  const queue: number[] = [];
  for (const [code, child] of children[0]!) {
    table[code] = child;
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    output[state] = [...output[state]!, ...output[fail[state]!]!];
    for (let code = 0; code < ALPHABET; code++) {
      const child = children[state]!.get(code);
      if (child === undefined) {
        table[state * ALPHABET + code] = table[fail[state]! * ALPHABET + code]!;
      } else {
        table[state * ALPHABET + code] = child;
        fail[child] = table[fail[state]! * ALPHABET + code]!;
        queue.push(child);
      }
    }
  }
  return { table, output };
}

/**
 * Finds which of many literal strings occur in a text, in one pass over the text (Aho–Corasick).
 * Testing each literal with `includes` rereads the text once per literal, which for a few hundred
 * signal literals and tens of thousands of files dominates a scan.
 *
 * The automaton is compiled into a dense transition table over ASCII, so each character costs one
 * array read. A character outside ASCII cannot continue any literal, so it returns to the start;
 * a literal containing one is never reported (callers pass ASCII literals).
 */
export class LiteralSearch {
  private readonly table: Int32Array;
  private readonly output: number[][];

  constructor(literals: readonly string[]) {
    ({ table: this.table, output: this.output } = automaton(literals));
  }

  /** Calls `onHit` with each literal's index and the offset just after it, for every occurrence in the text, in order. */
  forEachHit(text: string, onHit: (literal: number, end: number) => void): void {
    const { table, output } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      state = code < ALPHABET ? table[state * ALPHABET + code]! : 0;
      const ends = output[state]!;
      if (ends.length > 0) for (const index of ends) onHit(index, i + 1);
    }
  }

  /** The indexes of the literals that occur in the text. */
  foundIn(text: string): Set<number> {
    const found = new Set<number>();
    this.forEachHit(text, (index) => found.add(index));
    return found;
  }
}
