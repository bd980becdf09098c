import { describe, expect, it, vi } from 'vitest';
import { automatonBytes, LiteralSearch } from '../../src/util/aho-corasick.js';

/** The module as a new process loads it: no automaton kept yet. */
async function freshModule(): Promise<typeof import('../../src/util/aho-corasick.js')> {
  vi.resetModules();
  return import('../../src/util/aho-corasick.js');
}

describe('LiteralSearch', () => {
  it('finds every literal that occurs, including overlapping and nested ones', () => {
    const literals = ['he', 'she', 'his', 'hers', 'mlflow.', 'flow', 'x'];
    const search = new LiteralSearch(literals);
    expect([...search.foundIn('ushers use mlflow.log_param')].map((i) => literals[i]).sort()).toEqual(['flow', 'he', 'hers', 'mlflow.', 'she']);
    expect(search.foundIn('nothing here matches... almost')).toEqual(new Set([0]));
    expect(search.foundIn('')).toEqual(new Set());
  });

  it('agrees with includes on random texts', () => {
    const alphabet = 'abc.';
    const random = (length: number, seed: number) => Array.from({ length }, (_, i) => alphabet[(seed * 31 + i * 17 + ((seed * i) % 7)) % alphabet.length]).join('');
    const literals = Array.from({ length: 40 }, (_, i) => random(2 + (i % 4), i + 1));
    const search = new LiteralSearch(literals);
    for (let seed = 0; seed < 200; seed++) {
      const text = random(60, seed * 13 + 5);
      const expected = new Set(literals.flatMap((literal, i) => (text.includes(literal) ? [i] : [])));
      expect(search.foundIn(text)).toEqual(expected);
    }
  });
});

describe('LiteralSearch built again for the same literals', () => {
  it('finds the same, whatever other searches were built in between', () => {
    const literals = ['mlflow', 'wandb.init', 'dvc'];
    const first = new LiteralSearch(literals);
    for (let i = 0; i < 10; i++) new LiteralSearch([`other${i}`, 'mlflow']);
    const again = new LiteralSearch(literals);
    for (const text of ['import mlflow', 'dvc push; wandb.init()', 'nothing']) expect(again.foundIn(text)).toEqual(first.foundIn(text));
    expect(new LiteralSearch(['other3', 'mlflow']).foundIn('other3 mlflow')).toEqual(new Set([0, 1]));
  });
});

describe('LiteralSearch over many literals', () => {
  it('agrees with includes when the automaton has more states than 16 bits can number', () => {
    // 3,000 distinct literals of 25 characters: some 75,000 states.
    const literals = Array.from({ length: 3000 }, (_, i) => `lit${String(i).padStart(4, '0')}_${'abcdefghijklmnopq'.slice(i % 5)}`.padEnd(25, 'z'));
    const search = new LiteralSearch(literals);
    const text = `x ${literals[0]} ${literals[1234]!.slice(0, 20)} ${literals[2999]} é${literals[42]}`;
    expect(search.foundIn(text)).toEqual(new Set([0, 2999, 42]));
  });

  it('restarts on a character no literal contains, and never reports a literal outside ASCII', () => {
    const search = new LiteralSearch(['ab', 'été', 'b_c']);
    expect(search.foundIn('a#b aéb ab b_c été')).toEqual(new Set([0, 2]));
  });
});

describe('an automaton stored as bytes', () => {
  const literals = ['mlflow.', 'flow', 'wandb.init', 'he', 'she', 'hers', 'été'];
  const texts = ['import mlflow; mlflow.log_param(1)', 'ushers wandb.init() flows', 'été mlflow', ''];

  it('finds what the automaton it was stored from finds, for the same literals', async () => {
    const bytes = automatonBytes(literals);
    const fresh = await freshModule();
    fresh.rememberAutomaton(bytes);
    const search = new fresh.LiteralSearch(literals);
    for (const text of texts) expect(search.foundIn(text), text).toEqual(new LiteralSearch(literals).foundIn(text));
    // Other literals get an automaton of their own.
    expect(new fresh.LiteralSearch(['flow', 'mlflow.']).foundIn('mlflow.x')).toEqual(new Set([0, 1]));
  });

  it('is what the search then runs on, not built again', async () => {
    // Stored for 'abc', then relabelled as the automaton of 'xyz': the search for 'xyz' runs the stored table.
    const bytes = automatonBytes(['abc']);
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf('"abc"') + 1;
    bytes.set(new TextEncoder().encode('xyz'), at);
    const fresh = await freshModule();
    fresh.rememberAutomaton(bytes);
    expect(new fresh.LiteralSearch(['xyz']).foundIn('abc')).toEqual(new Set([0]));
  });

  it('is ignored when damaged or cut short: the search is built instead', async () => {
    const bytes = automatonBytes(literals);
    const fresh = await freshModule();
    const damaged = bytes.slice();
    damaged[6] = 0x7b;
    for (const broken of [bytes.slice(0, bytes.length - 8), bytes.slice(0, 3), damaged, new Uint8Array()]) fresh.rememberAutomaton(broken);
    const search = new fresh.LiteralSearch(literals);
    for (const text of texts) expect(search.foundIn(text), text).toEqual(new LiteralSearch(literals).foundIn(text));
  });
});
