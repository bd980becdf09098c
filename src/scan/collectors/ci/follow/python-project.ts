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
 * Scripts declared in pyproject.toml: poe tasks (`[tool.poe.tasks]`), PDM scripts
 * (`[tool.pdm.scripts]`), Hatch environment scripts (`[tool.hatch.envs.<env>.scripts]`, or
 * hatch.toml), Rye scripts (`[tool.rye.scripts]`), and the project's own commands
 * (`[project.scripts]`, `[tool.poetry.scripts]`) run through `uv run`, `poetry run`…
 */

/** A script or task: commands it runs, and the other scripts of the same runner it runs. */
interface Script {
  commands: ScriptLine[][];
  refs: string[];
}

type Scripts = Map<string, Script>;

const MAX_DEPENDENCY_DEPTH = 10;
/** PDM's own commands, which `pdm <name>` runs instead of a script. */
const PDM_COMMANDS = new Set([
  'add', 'build', 'cache', 'completion', 'config', 'export', 'fix', 'import', 'info', 'init', 'install', 'list', 'lock', 'outdated', 'publish',
  'remove', 'run', 'search', 'self', 'show', 'sync', 'update', 'use', 'venv', 'python', 'py',
]);

/** Where the definitions of one pyproject table are, to give each command its line. */
class Locator {
  private readonly text: TextLines;
  constructor(file: FileContent) {
    this.text = new TextLines(file.lines());
  }

  /** The line a script's definition starts on: its own table header, or its key in the table. */
  line(tablePath: readonly string[], name: string): number {
    return this.text.header([...tablePath, name]) || this.text.key(name, this.text.header(tablePath) || 1);
  }

  command(value: string, from: number): ScriptLine[] {
    return this.text.script(value, from);
  }
}

/** The first word of a reference with arguments: `test -x` names `test`. */
function refName(text: string): string {
  return text.trim().split(/\s+/)[0] ?? '';
}

/** `package.module:function` as the command that runs it. */
function callCommand(reference: string, line: number): ScriptLine[] {
  const module = reference.split(':')[0]!.trim();
  return /^[\w.]+$/.test(module) ? [scriptLine(`python -m ${module}`, line)] : [];
}

function poeTask(value: unknown, line: number, at: Locator, itemsAreRefs = true): Script {
  if (typeof value === 'string') return { commands: [at.command(value, line)], refs: [] };
  if (Array.isArray(value)) {
    const parts = value.map((item) => (typeof item === 'string' && itemsAreRefs ? { commands: [], refs: [refName(item)] } : poeTask(item, line, at, itemsAreRefs)));
    return { commands: parts.flatMap((part) => part.commands), refs: parts.flatMap((part) => part.refs) };
  }
  const spec = table(value);
  if (!spec) return { commands: [], refs: [] };
  const deps = strings(spec.deps).map(refName);
  const own = [spec.cmd, spec.shell].flatMap((command) => (typeof command === 'string' ? [at.command(command, line)] : []));
  if (typeof spec.script === 'string') own.push(callCommand(spec.script, line));
  const sequence = Array.isArray(spec.sequence) ? poeTask(spec.sequence, line, at, spec.default_item_type !== 'cmd') : { commands: [], refs: [] };
  const ref = typeof spec.ref === 'string' ? [refName(spec.ref)] : [];
  return { commands: [...own, ...sequence.commands], refs: [...deps, ...ref, ...sequence.refs] };
}

function pdmScript(value: unknown, line: number, at: Locator): Script {
  if (typeof value === 'string') return { commands: [at.command(value, line)], refs: [] };
  const spec = table(value);
  if (!spec) return { commands: [], refs: [] };
  const commands = [spec.cmd, spec.shell].flatMap((command) => (typeof command === 'string' ? [at.command(command, line)] : Array.isArray(command) ? [at.command(strings(command).join(' '), line)] : []));
  if (typeof spec.call === 'string') commands.push(callCommand(spec.call, line));
  // A composite item is a script's name (with arguments) or a command: the caller tells them apart.
  for (const item of strings(spec.composite)) commands.push(at.command(item, line));
  return { commands, refs: [] };
}

function ryeScript(value: unknown, line: number, at: Locator): Script {
  if (typeof value === 'string') return { commands: [at.command(value, line)], refs: [] };
  if (Array.isArray(value)) return { commands: [at.command(strings(value).join(' '), line)], refs: [] };
  const spec = table(value);
  if (!spec) return { commands: [], refs: [] };
  const commands = typeof spec.cmd === 'string' || Array.isArray(spec.cmd) ? [at.command(strings(spec.cmd).join(' '), line)] : [];
  if (typeof spec.call === 'string') commands.push(callCommand(spec.call, line));
  return { commands, refs: strings(spec.chain).map(refName) };
}

function scriptsOf(value: unknown, tablePath: readonly string[], at: Locator, read: (value: unknown, line: number, at: Locator) => Script): Scripts {
  const scripts: Scripts = new Map();
  for (const [name, spec] of Object.entries(table(value) ?? {})) {
    if (name !== '_') scripts.set(name, read(spec, at.line(tablePath, name), at));
  }
  return scripts;
}

/** A script whose command starts with another script's name runs that script (Hatch and PDM composites). */
function withCommandRefs(scripts: Scripts): Scripts {
  for (const script of scripts.values()) {
    const refs = script.commands.filter((lines) => scripts.has(refName(lines[0]?.text ?? '')));
    script.refs.push(...refs.map((lines) => refName(lines[0]!.text)));
    script.commands = script.commands.filter((lines) => !refs.includes(lines));
  }
  return scripts;
}

interface ProjectScripts {
  poe: Scripts;
  pdm: Scripts;
  rye: Scripts;
  /** Hatch scripts by environment. */
  hatch: Map<string, Scripts>;
  entryPoints: Scripts;
}

function hatchScripts(envs: unknown, prefix: readonly string[], at: Locator): Map<string, Scripts> {
  const hatch = new Map<string, Scripts>();
  for (const [env, spec] of Object.entries(table(envs) ?? {})) {
    const read = (value: unknown, line: number) => ({ commands: strings(value).map((command) => at.command(command, line)), refs: [] });
    hatch.set(env, withCommandRefs(scriptsOf(table(spec)?.scripts, [...prefix, env, 'scripts'], at, read)));
  }
  return hatch;
}

function parsePyproject(file: FileContent): ProjectScripts {
  const root = parseToml(file.text);
  const at_ = new Locator(file);
  if (file.path.endsWith('hatch.toml')) return { poe: new Map(), pdm: new Map(), rye: new Map(), entryPoints: new Map(), hatch: hatchScripts(root.envs, ['envs'], at_) };
  const entry = (value: unknown, line: number): Script => {
    const reference = typeof value === 'string' ? value : table(value)?.reference;
    return { commands: typeof reference === 'string' ? [callCommand(reference, line)] : [], refs: [] };
  };
  return {
    poe: scriptsOf(at(root, 'tool', 'poe', 'tasks'), ['tool', 'poe', 'tasks'], at_, (value, line, locator) => poeTask(value, line, locator)),
    pdm: withCommandRefs(scriptsOf(at(root, 'tool', 'pdm', 'scripts'), ['tool', 'pdm', 'scripts'], at_, pdmScript)),
    rye: scriptsOf(at(root, 'tool', 'rye', 'scripts'), ['tool', 'rye', 'scripts'], at_, ryeScript),
    hatch: hatchScripts(at(root, 'tool', 'hatch', 'envs'), ['tool', 'hatch', 'envs'], at_),
    entryPoints: new Map([
      ...scriptsOf(at(root, 'project', 'scripts'), ['project', 'scripts'], at_, entry),
      ...scriptsOf(at(root, 'tool', 'poetry', 'scripts'), ['tool', 'poetry', 'scripts'], at_, entry),
    ]),
  };
}

/** The scripts a runner's command names, as targets: each script after the ones it refers to. */
function scriptTargets(kind: string, path: string, scripts: Scripts, names: readonly string[], cwd: string, hooks: boolean): Target[] | null {
  if (names.length === 0 || names.some((name) => !scripts.has(name))) return null;
  const targets: Target[] = [];
  const seen = new Set<string>();
  const visit = (name: string, depth: number) => {
    const script = scripts.get(name);
    if (!script || seen.has(name) || depth > MAX_DEPENDENCY_DEPTH) return;
    seen.add(name);
    if (hooks) visit(`pre_${name}`, depth + 1);
    for (const ref of script.refs) visit(ref, depth + 1);
    targets.push(scriptTarget(`${kind}:${path}#${name}`, path, script.commands.map((lines) => ({ cwd, lines }))));
    if (hooks) visit(`post_${name}`, depth + 1);
  };
  for (const name of names) visit(name, 0);
  return targets;
}

/** The runner, project directory and script a command names, or null. */
function invocation(words: readonly Word[], cwd: string): { runner: keyof ProjectScripts; env: string; name: string; directory: string } | null {
  const texts = words.map((word) => unquote(word.text));
  const program = programName(texts[0] ?? '');
  let i = 1;
  let directory: string | null = cwd;
  let env = 'default';
  const option = (...names: string[]) => {
    while (i < texts.length && texts[i]!.startsWith('-')) {
      const [flag, attached] = texts[i]!.split(/=(.*)/s);
      if (names.includes(flag!)) {
        const value = attached ?? texts[++i] ?? '';
        if (flag === '-e' || flag === '--env') env = value;
        else directory = repoPath(cwd, value);
      }
      i++;
    }
  };
  let runner: keyof ProjectScripts;
  if (program === 'poe' || (program === 'poetry' && texts[1] === 'poe')) {
    i = program === 'poe' ? 1 : 2;
    option('-C', '--directory', '--root');
    runner = 'poe';
  } else if (program === 'pdm') {
    option('-p', '--project');
    if (texts[i] === 'run') i++;
    else if (PDM_COMMANDS.has(texts[i] ?? '')) return null;
    option('-p', '--project');
    runner = 'pdm';
  } else if (program === 'hatch') {
    option('-e', '--env', '-p', '--project');
    if (texts[i] !== 'run') return null;
    i++;
    option('-e', '--env');
    runner = 'hatch';
    const [scoped, script] = (texts[i] ?? '').split(/:(.*)/s);
    if (script) {
      env = scoped!;
      texts[i] = script;
    }
  } else if (program === 'rye' && texts[1] === 'run') {
    i = 2;
    option();
    runner = 'rye';
  } else if (!program.includes('/') && /^[\w.-]+$/.test(program)) {
    // A project's own command (`[project.scripts]`), installed or run through `uv run`.
    return { runner: 'entryPoints', env, name: program, directory: cwd };
  } else return null;
  const name = texts[i];
  return name && directory !== null ? { runner, env, name, directory } : null;
}

export const pythonProjectScripts: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    const call = invocation(words, cwd);
    if (!call) return null;
    const path = call.runner === 'hatch' ? repo.findUp(call.directory, ['hatch.toml', 'pyproject.toml']) : repo.findUp(call.directory, ['pyproject.toml']);
    const project = path ? repo.parse(path, 'python-project', parsePyproject) : null;
    if (!path || !project) return null;
    const scripts = call.runner === 'hatch' ? project.hatch.get(call.env) : project[call.runner];
    if (!scripts || scripts.size === 0) return null;
    const root = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    return scriptTargets(call.runner, path, scripts, [call.name], root, call.runner === 'pdm');
  },
};
