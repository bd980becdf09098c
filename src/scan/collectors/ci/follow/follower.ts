import type { Command, Script } from '../draft.js';
import type { Word } from '../shell.js';
import type { RepoFiles } from './repo-files.js';

/**
 * A definition a command runs, found in the repository: a shell script, a Makefile target, a
 * task of a task runner, a package script. What it runs is given as scripts and commands, each
 * with the directory it runs in, for the classifier to read as it reads a pipeline's own.
 */
export interface Target {
  /** Names the definition and the directory it runs in, for reading it once and stopping at cycles. */
  key: string;
  path: string;
  scripts: Script[];
  commands: Command[];
  /**
   * The caller's own words the definition runs as a command: a wrapper script given a command as
   * its arguments (`./scripts/develop.sh make test`, which runs `docker run … "$@"`).
   */
  forwarded?: Word[];
}

/**
 * One kind of runner: given a command and the directory it runs in, the definitions it runs, or
 * null when the command is not this runner's or its definition is not in the repository (then
 * the command's own words are all there is to classify).
 */
export interface Follower {
  follow(words: readonly Word[], cwd: string, repo: RepoFiles): Target[] | null;
}

/** A target whose body is shell lines. */
export function scriptTarget(key: string, path: string, scripts: Script[]): Target {
  return { key, path, scripts, commands: [] };
}

/** The words after a runner's options: `make -C dir -j4 test` → its targets. */
export interface Parsed {
  options: Map<string, string>;
  rest: Word[];
}

/**
 * Options of a command line, up to its first other word: `withValue` options take the next word
 * (or `=value`); the rest are flags. Combined short flags are kept whole.
 */
export function parseOptions(words: readonly Word[], withValue: ReadonlySet<string>): Parsed {
  const options = new Map<string, string>();
  let i = 0;
  while (i < words.length && words[i]!.text.startsWith('-') && words[i]!.text !== '--') {
    const word = words[i]!.text;
    const equals = word.indexOf('=');
    if (equals > 0 && word.startsWith('--')) options.set(word.slice(0, equals), word.slice(equals + 1));
    else if (withValue.has(word)) options.set(word, words[++i]?.text ?? '');
    else if (/^-[A-Za-z]\S/.test(word) && withValue.has(word.slice(0, 2))) options.set(word.slice(0, 2), word.slice(2));
    else options.set(word, '');
    i++;
  }
  if (words[i]?.text === '--') i++;
  return { options, rest: words.slice(i) };
}

/** The value of the first of several spellings of an option. */
export function optionValue(parsed: Parsed, ...names: string[]): string | undefined {
  for (const name of names) if (parsed.options.has(name)) return parsed.options.get(name);
  return undefined;
}
