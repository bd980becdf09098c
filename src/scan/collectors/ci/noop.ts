import { unquote, type Word } from './shell.js';
import { programName } from './wrappers.js';

/*
 * Commands that check nothing: printing, sleeping, exiting with success, moving around. A
 * pipeline whose every command is one of these (thirty jobs of `echo ok`) runs nothing.
 */

const PRINTING = new Set(['echo', 'printf', 'true', ':', 'sleep', 'date', 'pwd', 'whoami', 'hostname', 'uname', 'printenv', 'ls', 'cat', 'tree', 'df', 'free', 'nproc', 'id', 'wait']);
/** Shell settings that change nothing by themselves. */
const SETTINGS = new Set(['set', 'export', 'unset', 'cd', 'pushd', 'popd', 'shopt', 'umask', 'alias', 'trap', 'env', 'declare', 'local', 'readonly']);
/** `python --version`, `pip list`, `node -v`: tools asked who they are. */
const VERSION_QUERY = /^(?:--version|-V|-v|version|--help|-h|list|freeze)$/;
/** Python's test runners and linters read a lone `-v` as `--verbose`: `pytest -v` runs the tests. */
const VERBOSE_V = new Set(['pytest', 'py.test', 'flake8', 'pylint', 'mypy', 'black', 'isort', 'ruff', 'bandit', 'tox', 'nox', 'nosetests', 'nose2', 'behave']);
const ASSIGNMENT = /^[A-Za-z_]\w*=/;

export function isNoop(words: readonly Word[]): boolean {
  const [first, ...rest] = words.map((word) => unquote(word.text));
  if (first === undefined) return true;
  if (ASSIGNMENT.test(first)) return rest.length === 0;
  if (PRINTING.has(first) || SETTINGS.has(first)) return true;
  if (first === 'exit' || first === 'return') return rest.length === 0 || rest[0] === '0';
  if (rest.length !== 1 || !VERSION_QUERY.test(rest[0]!)) return false;
  return rest[0] !== '-v' || !VERBOSE_V.has(programName(first));
}
