import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

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
 * A built-in pattern in JavaScript's engine, with the same interface. It is built on its first
 * search: a small repository's files hold the literals of fewer than half the built-in signals, and
 * the packs' tests have proven every built-in pattern compiles.
 */
export function compileNative(pattern: string): LinearRegex {
  let regex: RegExp | undefined;
  return {
    find(text, from = 0) {
      regex ??= new RegExp(pattern, 'g');
      regex.lastIndex = from;
      const match = regex.exec(text);
      return match ? match.index : -1;
    },
  };
}
