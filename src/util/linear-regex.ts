import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import { literalAlternatives, requiredLiterals } from './regex-literals.js';

/**
 * A regular expression that runs in time linear in its input, whoever wrote it: RE2 semantics
 * (re2js, a pure-JavaScript port of RE2: no backtracking, so no pattern can take more than linear
 * time). Patterns that need backtracking (lookaround, backreferences) are refused when compiled.
 * re2js takes a noticeable time to load, so it is loaded only when a pattern needs it: the built-in
 * packs' patterns run in JavaScript's own engine and are proven linear by a test instead
 * (test/hostile/scan-content.test.ts).
 */
export interface LinearRegex {
  /** The offset of the first match at or after `from`, or -1. */
  find(text: string, from?: number): number;
}

let re2: typeof RE2JS | undefined;
function engine(): typeof RE2JS {
  re2 ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS;
  return re2;
}

/** Compiles a pattern with RE2 semantics; throws an Error whose message says what is unsupported. */
export function compileLinear(pattern: string): LinearRegex {
  let compiled: RE2JS;
  try {
    compiled = engine().compile(pattern);
  } catch (error) {
    throw new Error(describe(error, pattern));
  }
  return {
    find(text, from = 0) {
      const matcher = compiled.matcher(text);
      return matcher.find(from) ? matcher.start() : -1;
    },
  };
}

function describe(error: unknown, pattern: string): string {
  const message = (error as Error).message.replace(/^error parsing regexp: /, '');
  if (/\(\?[=!]|\(\?<[=!]/.test(pattern) || /\\[1-9]/.test(pattern)) {
    return `${message}: lookaround and backreferences need backtracking, which can take more than linear time on a repository's files; write the pattern without them`;
  }
  return message;
}

/**
 * A built-in pattern in JavaScript's engine, with the same interface. Compiling a pattern costs more
 * than a small repository's searches with it, and most patterns are alternations of which a line
 * can match only the few whose literals it holds: an alternation is searched as its alternatives
 * (the first match of the whole starts where the earliest of theirs does), each compiled on the
 * first search of a text holding one of its literals; the alternatives without a literal are one
 * pattern, which every search runs. The packs' tests have proven every built-in pattern compiles.
 *
 * A scan searches a line again past each match it does not count: each alternative's last answer
 * for the line is kept while it still holds (a match at or after the new start, or none from an
 * earlier start), so that an alternative whose match lies far ahead is not searched for it again
 * from every position, which would take time growing with the square of the line.
 */
export function compileNative(pattern: string): LinearRegex {
  let parts: Part[] | undefined;
  let line: string | undefined;
  // For each part, for `line`: where its search started (-1: it cannot match the line), and where it found a match (-1: none).
  let searchedFrom: number[] = [];
  let found: number[] = [];
  return {
    find(text, from = 0) {
      parts ??= partsOf(pattern);
      if (text !== line) {
        line = text;
        searchedFrom = parts.map((part) => (mayHold(text, part.literals) ? Infinity : -1));
        found = parts.map(() => -1);
      }
      let first = -1;
      // Index loops: this one runs for every candidate line, mostly in code V8 does not optimise,
      // where `for…of` allocates an iterator and a result per step.
      for (let i = 0; i < parts.length; i++) {
        if (searchedFrom[i] === -1) continue;
        if (from < searchedFrom[i]! || (found[i]! >= 0 && found[i]! < from)) {
          const part = parts[i]!;
          part.regex ??= new RegExp(part.source, 'g');
          part.regex.lastIndex = from;
          searchedFrom[i] = from;
          found[i] = part.regex.exec(text)?.index ?? -1;
        }
        const at = found[i]!;
        if (at >= 0 && (first < 0 || at < first)) first = at;
      }
      return first;
    },
  };
}

/** Some alternatives of a pattern, as one pattern, and the literals one of which a text must hold for it to match (null: any text may). */
interface Part {
  source: string;
  literals: readonly string[] | null;
  regex?: RegExp;
}

function partsOf(pattern: string): Part[] {
  const gated: Part[] = [];
  const open: string[] = [];
  for (const [source, literals] of literalAlternatives(pattern) ?? [[pattern, requiredLiterals(pattern)] as const]) {
    if (literals === null) open.push(source);
    else gated.push({ source, literals });
  }
  return open.length > 0 ? [{ source: open.join('|'), literals: null }, ...gated] : gated;
}

function mayHold(text: string, literals: readonly string[] | null): boolean {
  if (literals === null) return true;
  for (let i = 0; i < literals.length; i++) if (text.includes(literals[i]!)) return true;
  return false;
}
