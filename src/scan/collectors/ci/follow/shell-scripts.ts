import { scriptLine, unquote, type Word } from '../shell.js';
import { programName, SHELL, SHELL_COMMAND_FLAG } from '../wrappers.js';
import { scriptTarget, type Follower } from './follower.js';
import { candidatePaths, type RepoFiles } from './repo-files.js';

/*
 * Shell scripts kept in the repository and run by path: `./scripts/ci.sh`, `bash scripts/test.sh`,
 * `sh -e run_tests.sh`, `source ci/env.sh`, `scripts/test` (no extension).
 */

/** Extensions of files a shell runs; a path without one is a script when its first line says so, or says nothing. */
const SHELL_EXTENSION = /\.(?:sh|bash|zsh|ksh)$/;
const OTHER_EXTENSION = /\.[A-Za-z]\w*$/;
/** `-n` (noexec), alone or among other single-letter options: `bash -n`, `sh -en`. */
const SHELL_NOEXEC_FLAG = /^-[a-z]*n[a-z]*$/;
const SHELL_SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+(?:-\S+\s+)*)?(?:ba|z|da|k)?sh\b/;

/** The script a command runs and the words that name it: the program itself, or the first argument of a shell or `source`. */
function scriptWord(words: readonly Word[]): Word | undefined {
  const program = unquote(words[0]?.text ?? '');
  if (program === 'source' || program === '.') return words[1];
  if (SHELL.test(program) || SHELL.test(programName(program))) {
    const rest = words.slice(1);
    const first = rest.findIndex((word) => !word.text.startsWith('-'));
    // `bash -c "…"` runs the text, not a file; `bash -n script.sh` only checks its syntax.
    if (rest.slice(0, Math.max(first, 0)).some((word) => SHELL_COMMAND_FLAG.test(word.text) || SHELL_NOEXEC_FLAG.test(word.text)) || first < 0) return undefined;
    return rest[first];
  }
  return program.includes('/') ? words[0] : undefined;
}

/**
 * A line that runs the script's arguments as (the end of) a command: `exec "$@"`, `docker run …
 * "$IMAGE" "$@"`. Loops over them, assignments and messages only read them.
 */
const FORWARDS_ARGUMENTS = /^(?!(?:for|case|set|echo|printf|local|declare|export|readonly|shift|while|if|until)\b|[A-Za-z_]\w*=)\S.*?(?:^|\s)"?\$(?:@|\*|\{@\}|\{\*\})"?\s*(?:$|[;&|)])/;

/**
 * The arguments a script is given, when each is a plain word: a script that runs `tox -e "$1,$2"`
 * called as `ci_entrypoint.sh ci-lint ci-unit` runs `tox -e "ci-lint,ci-unit"`. A variable or a
 * quoted phrase among them says nothing certain, and none is put in.
 */
const PLAIN_ARGUMENT = /^[\w.,:/=+-]+$/;
const POSITIONAL_PARAMETER = /\$(?:([1-9])|\{([1-9])\})/g;

function positional(words: readonly Word[]): string[] {
  const texts = words.map((word) => word.text);
  return texts.length <= 9 && texts.every((text) => PLAIN_ARGUMENT.test(text)) ? texts : [];
}

function withPositional(line: string, given: readonly string[]): string {
  return line.includes('$') ? line.replace(POSITIONAL_PARAMETER, (parameter, bare?: string, braced?: string) => given[Number(bare ?? braced) - 1] ?? parameter) : line;
}

/**
 * A script whose name the step computes (`scripts/launch_${SERVICE}_tests.sh`, one per job of a
 * matrix): each script in the repository whose name fits around the computed parts. The name must
 * keep a few letters of its own, or it would fit every script of the folder.
 */
const COMPUTED_PART = /\$\{\{[^}\n]*\}\}|\$\{[^}\n]*\}|\$[A-Za-z_]\w*/g;
const MIN_KNOWN_NAME = 4;

function computedScripts(cwd: string, written: string, repo: RepoFiles): string[] {
  const text = unquote(written);
  if (!text.includes('$') || text.startsWith('$')) return [];
  const glob = text.replace(COMPUTED_PART, '*');
  const name = glob.slice(glob.lastIndexOf('/') + 1).replace(SHELL_EXTENSION, '');
  if (/[$`?[\]{}]/.test(glob) || name.replace(/\*/g, '').length < MIN_KNOWN_NAME) return [];
  const paths = candidatePaths(cwd, glob.replace(/\*/g, '\u0001')).map((path) => path.replace(/\u0001/g, '*'));
  return [...new Set(paths.flatMap((path) => repo.matching(path)))];
}

function isShellScript(path: string, firstLine: string): boolean {
  if (SHELL_EXTENSION.test(path)) return true;
  if (OTHER_EXTENSION.test(path.slice(path.lastIndexOf('/') + 1))) return false;
  return !firstLine.startsWith('#!') || SHELL_SHEBANG.test(firstLine);
}

export const shellScripts: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    const word = scriptWord(words);
    if (!word) return null;
    const named = candidatePaths(cwd, word.text).find((candidate) => repo.has(candidate));
    const paths = named ? [named] : computedScripts(cwd, word.text, repo);
    const rest = words.slice(words.indexOf(word) + 1);
    const given = positional(rest);
    const targets = paths.flatMap((path) => {
      const file = repo.read(path);
      if (!file || !isShellScript(path, file.lines()[0] ?? '')) return [];
      const lines = file.lines().map((text, i) => scriptLine(given.length > 0 ? withPositional(text, given) : text, i + 1));
      // A script runs in the directory it is called from, not its own.
      const target = scriptTarget(`sh:${path}@${cwd}${given.length > 0 ? `(${given.join(' ')})` : ''}`, path, [{ cwd, lines }]);
      return [rest.length > 0 && lines.some((line) => FORWARDS_ARGUMENTS.test(line.text)) ? { ...target, forwarded: rest } : target];
    });
    return targets.length > 0 ? targets : null;
  },
};
