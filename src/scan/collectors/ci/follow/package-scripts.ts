import { posix } from 'node:path';
import type { FileContent } from '../../../collector.js';
import { unquote, type ScriptLine, type Word } from '../shell.js';
import { programName } from '../wrappers.js';
import { scriptTarget, type Follower, type Target } from './follower.js';
import { repoPath, type RepoFiles } from './repo-files.js';
import { TextLines } from './text-lines.js';
import { table } from './values.js';

/*
 * package.json scripts: `npm test`, `npm run lint`, `yarn build`, `pnpm run e2e`, `bun run x`
 * run the script of the nearest package.json, with its `pre` and `post` scripts; `run-s` and
 * `npm-run-all` run several.
 */

/** Commands of the package managers themselves, which `yarn <name>` and `pnpm <name>` run instead of a script. */
const BUILTIN = new Set([
  'install', 'i', 'ci', 'add', 'remove', 'rm', 'uninstall', 'upgrade', 'update', 'up', 'init', 'create', 'publish', 'pack', 'link', 'unlink',
  'login', 'logout', 'info', 'list', 'ls', 'why', 'config', 'cache', 'global', 'dlx', 'exec', 'workspaces', 'workspace', 'set', 'plugin',
  'version', 'bin', 'audit', 'outdated', 'import', 'licenses', 'node', 'constraints', 'npm', 'patch', 'rebuild', 'unplug', 'dedupe', 'explain',
  'store', 'env', 'setup', 'prune', 'fetch', 'deploy', 'server', 'help', 'x', 'build-all', 'prepare', 'doctor',
]);
/** Lifecycle scripts npm runs by their own name. */
const LIFECYCLE = new Set(['test', 't', 'tst', 'start', 'stop', 'restart']);
const RUN_VERBS = new Set(['run', 'run-script', 'rum', 'urn']);
const OPTIONS_WITH_VALUE = new Set(['--prefix', '-C', '--dir', '--cwd']);

interface PackageScripts {
  /** Each script's command line, at its line in package.json. */
  scripts: Map<string, ScriptLine[]>;
}

function parsePackage(file: FileContent): PackageScripts {
  const scripts = new Map<string, ScriptLine[]>();
  const text = new TextLines(file.lines());
  const from = text.key('scripts', 1);
  for (const [name, value] of Object.entries(table(table(JSON.parse(file.text))?.scripts) ?? {})) {
    if (typeof value === 'string') scripts.set(name, text.script(value, text.key(name, from)));
  }
  return { scripts };
}

/** The scripts a command names and the directory it runs in, or null when it runs no script. */
function invocation(words: readonly Word[], cwd: string): { manager: string; names: string[]; directory: string } | null {
  const manager = programName(words[0]?.text ?? '');
  let directory: string | null = cwd;
  const positional: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const text = unquote(words[i]!.text);
    // What follows `--` goes to the script, not to the package manager.
    if (text === '--') break;
    if (!text.startsWith('-')) {
      positional.push(text);
      continue;
    }
    const [option, value] = text.split(/=(.*)/s);
    if (['--workspace', '-w', '--filter', '-F', '--workspaces', '-r', '--recursive'].includes(option!)) return null;
    if (OPTIONS_WITH_VALUE.has(option!)) directory = repoPath(cwd, value ?? unquote(words[++i]?.text ?? ''));
  }
  if (directory === null) return null;
  if (manager === 'run-s' || manager === 'run-p' || manager === 'npm-run-all') return { manager, names: positional, directory };
  if (!['npm', 'yarn', 'pnpm', 'bun'].includes(manager)) return null;
  const [verb = '', script] = positional;
  if (RUN_VERBS.has(verb)) return script ? { manager, names: [script], directory } : null;
  if (manager === 'npm') return LIFECYCLE.has(verb) ? { manager, names: [verb === 't' || verb === 'tst' ? 'test' : verb], directory } : null;
  // `yarn lint`, `pnpm e2e`: a script by its name; `bun test` is bun's own test runner.
  if (manager === 'bun' || verb === '' || BUILTIN.has(verb)) return null;
  return { manager, names: [verb], directory };
}

export const packageScripts: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    const call = invocation(words, cwd);
    if (!call || call.names.length === 0) return null;
    const path = repo.findUp(call.directory, ['package.json']);
    const found = path ? repo.parse(path, 'package-scripts', parsePackage) : null;
    if (!path || !found) return null;
    const root = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    // `run-s lint:*` runs every script under `lint:`.
    const names = call.names.flatMap((name) => (name.endsWith('*') ? [...found.scripts.keys()].filter((key) => key.startsWith(name.slice(0, -1))) : [name]));
    if (names.length === 0 || names.some((name) => !found.scripts.has(name))) return null;
    // pnpm runs no `pre`/`post` scripts unless told to.
    const hooks = call.manager === 'pnpm' ? [''] : ['pre', '', 'post'];
    return names.flatMap((name) =>
      hooks.flatMap((hook): Target[] => {
        const lines = found.scripts.get(`${hook}${name}`);
        return lines ? [scriptTarget(`npm:${path}#${hook}${name}`, path, [{ cwd: root, lines }])] : [];
      }),
    );
  },
};
