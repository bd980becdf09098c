import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { FileContent } from '../../../collector.js';
import { scriptLine, unquote, type ScriptLine, type Word } from '../shell.js';
import { programName } from '../wrappers.js';
import { scriptTarget, type Follower, type Target } from './follower.js';
import { repoPath, type RepoFiles } from './repo-files.js';
import { TextLines } from './text-lines.js';
import { at, strings, table } from './values.js';

/*
 * mise tasks: `mise run test` (or `mise r`, `mise test`) runs `[tasks.test]` of the nearest
 * mise.toml, after the tasks it `depends` on, or a file task kept in `mise-tasks/`.
 */

const CONFIG_NAMES = ['mise.toml', '.mise.toml', 'mise/config.toml', '.mise/config.toml', '.config/mise.toml', '.config/mise/config.toml'];
const FILE_TASK_DIRECTORIES = ['mise-tasks', '.mise-tasks', 'mise/tasks', '.mise/tasks', '.config/mise/tasks'];
/** mise's own commands, which `mise <name>` runs instead of a task. */
const MISE_COMMANDS = new Set([
  'activate', 'alias', 'backends', 'bin-paths', 'cache', 'completion', 'config', 'cfg', 'deactivate', 'doctor', 'dr', 'en', 'env', 'exec', 'x',
  'fmt', 'generate', 'implode', 'install', 'i', 'install-into', 'latest', 'link', 'ls', 'list', 'ls-remote', 'outdated', 'plugins', 'p', 'prune',
  'registry', 'reshim', 'self-update', 'set', 'settings', 'shell', 'sh', 'sync', 'tasks', 't', 'tool', 'trust', 'uninstall', 'unset', 'unuse',
  'upgrade', 'up', 'usage', 'use', 'u', 'version', 'watch', 'w', 'where', 'which', 'search', 'lock', 'mcp', 'edit', 'test-tool',
]);
const MAX_DEPENDENCY_DEPTH = 10;

interface MiseTask {
  /** Each `run` command, line by line in the config file. */
  run: ScriptLine[][];
  depends: string[];
  dir: string | undefined;
  aliases: string[];
}

function parseMise(file: FileContent): Map<string, MiseTask> {
  const tasks = new Map<string, MiseTask>();
  const text = new TextLines(file.lines());
  for (const [name, value] of Object.entries(table(at(parseToml(file.text), 'tasks')) ?? {})) {
    const spec = table(value);
    const header = text.header(['tasks', name]);
    const from = spec && header ? text.key('run', header) : text.key(name, text.header(['tasks']));
    tasks.set(name, {
      run: strings(spec ? spec.run : value).map((run) => text.script(run, from)),
      depends: strings(spec?.depends),
      dir: typeof spec?.dir === 'string' ? spec.dir : undefined,
      aliases: strings(spec?.alias),
    });
  }
  return tasks;
}

/** The directory a config file configures: `.config/mise/config.toml` configures the directory above `.config`. */
function configRoot(path: string): string {
  const name = [...CONFIG_NAMES].sort((a, b) => b.length - a.length).find((candidate) => path === candidate || path.endsWith(`/${candidate}`))!;
  return path.slice(0, Math.max(0, path.length - name.length - 1));
}

/** The task names a command runs: `mise run lint ::: test`, `mise r test -- -x`, `mise test`. */
function taskNames(words: readonly Word[]): { names: string[]; directory: string | undefined } | null {
  let i = 1;
  let directory: string | undefined;
  while (i < words.length && words[i]!.text.startsWith('-')) {
    const option = words[i]!.text;
    if (option === '-C' || option === '--cd') directory = unquote(words[++i]?.text ?? '');
    i++;
  }
  const verb = words[i]?.text;
  if (verb === 'run' || verb === 'r') i++;
  else if (verb === 'tasks' && words[i + 1]?.text === 'run') i += 2;
  else if (verb === undefined || MISE_COMMANDS.has(verb)) return null;
  const names: string[] = [];
  for (let next = true; i < words.length; i++) {
    const word = unquote(words[i]!.text);
    if (word === '--') break;
    if (word === ':::') next = true;
    else if (next && !word.startsWith('-')) {
      names.push(word);
      next = false;
    }
  }
  return { names, directory };
}

export const mise: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    if (programName(words[0]?.text ?? '') !== 'mise') return null;
    const call = taskNames(words);
    if (!call || call.names.length === 0) return null;
    const directory = call.directory ? repoPath(cwd, call.directory) : cwd;
    if (directory === null) return null;
    const config = repo.findUp(directory, CONFIG_NAMES);
    const tasks = (config && repo.parse(config, 'mise', parseMise)) || new Map<string, MiseTask>();
    const root = config ? configRoot(config) : directory;
    const seen = new Set<string>();
    const targets: Target[] = [];
    const visit = (written: string, depth: number): boolean => {
      // `depends = ["check:*"]` runs every task under `check:`.
      if (written.endsWith('*')) return [...tasks.keys()].filter((name) => name.startsWith(written.slice(0, -1))).every((name) => visit(name, depth));
      const name = tasks.has(written) ? written : ([...tasks].find(([, task]) => task.aliases.includes(written))?.[0] ?? written);
      if (seen.has(name) || depth > MAX_DEPENDENCY_DEPTH) return true;
      seen.add(name);
      const task = tasks.get(name);
      if (task && config) {
        for (const dependency of task.depends) visit(dependency.split(/\s+/)[0]!, depth + 1);
        const taskDirectory = task.dir ? (repoPath(root, task.dir) ?? root) : root;
        targets.push(scriptTarget(`mise:${config}#${name}`, config, task.run.map((lines) => ({ cwd: taskDirectory, lines }))));
        return true;
      }
      // A file task: `mise-tasks/test` or, for `test:unit`, `mise-tasks/test/unit`.
      const path = FILE_TASK_DIRECTORIES.map((dir) => posix.join(root, dir, name.replace(/:/g, '/'))).find((candidate) => repo.has(candidate));
      const file = path ? repo.read(path) : null;
      if (!path || !file) return false;
      targets.push(scriptTarget(`mise:${path}`, path, [{ cwd: root, lines: file.lines().map((line, i) => scriptLine(line, i + 1)) }]));
      return true;
    };
    return call.names.every((name) => visit(name, 0)) ? targets : null;
  },
};
