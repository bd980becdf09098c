import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { FileContent } from '../../../collector.js';
import { expandBraces } from '../../../../util/glob.js';
import { scriptLine, unquote, type ScriptLine, type Word } from '../shell.js';
import { programName } from '../wrappers.js';
import type { Follower, Target } from './follower.js';
import { candidatePaths, type RepoFiles } from './repo-files.js';
import { TextLines } from './text-lines.js';
import { at, strings, table } from './values.js';

/*
 * tox: `tox -e lint` runs the commands of the `lint` environment (`[testenv:lint]`, or the base
 * `[testenv]`), and a bare `tox` those of its `envlist`; read from tox.ini, setup.cfg, tox.toml
 * or pyproject.toml (`[tool.tox]`, its `legacy_tox_ini` included).
 */

const CONFIG_FILES = ['tox.ini', 'tox.toml', 'setup.cfg', 'pyproject.toml'];
/** `py{39,310}-django{4,5}` expands quickly: a few dozen environments are plenty to read. */
const MAX_ENVIRONMENTS = 50;

interface Command {
  /** A tox.ini command line (factor conditions and substitutions resolved later), or a tox.toml argument list. */
  line?: ScriptLine;
  words?: Word[];
}

interface ToxConfig {
  envList: string[];
  /** Commands by environment: '' is the base environment every other one inherits. */
  environments: Map<string, Command[]>;
}

/** `key = value` of an ini section, with its indented continuation lines, each at its line. */
function iniSections(lines: readonly string[], firstLine: number): Map<string, Map<string, Array<{ text: string; line: number }>>> {
  const sections = new Map<string, Map<string, Array<{ text: string; line: number }>>>();
  let section: Map<string, Array<{ text: string; line: number }>> | undefined;
  let value: Array<{ text: string; line: number }> | undefined;
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    const header = /^\[([^\]]+)\]\s*$/.exec(raw.trim());
    if (header && !/^\s/.test(raw)) {
      section = new Map();
      sections.set(header[1]!.trim(), section);
      value = undefined;
    } else if (/^\s*[#;]/.test(raw) || raw.trim() === '') {
      return;
    } else if (/^\s/.test(raw) && value) {
      value.push({ text: raw.trim(), line });
    } else {
      const pair = /^([\w.-]+)\s*[=:]\s*(.*)$/.exec(raw);
      value = pair && section ? [] : undefined;
      if (pair && section && value) {
        section.set(pair[1]!, value);
        if (pair[2]!.trim()) value.push({ text: pair[2]!.trim(), line });
      }
    }
  });
  return sections;
}

/** Environment names of an `envlist`, its braces expanded: `py{311,312}, lint` → py311, py312, lint. */
function environmentNames(written: readonly string[]): string[] {
  const names: string[] = [];
  for (const text of written) {
    let depth = 0;
    let current = '';
    for (const c of `${text},`) {
      if (c === '{') depth++;
      if (c === '}') depth--;
      if ((c === ',' || c === '\n') && depth === 0) {
        if (current.trim()) names.push(...expandBraces(current.trim()));
        current = '';
      } else current += c;
    }
  }
  return names.slice(0, MAX_ENVIRONMENTS);
}

function fromIni(lines: readonly string[], firstLine: number, prefix: string): ToxConfig {
  const sections = iniSections(lines, firstLine);
  const core = sections.get(prefix === 'tox:' ? 'tox:tox' : 'tox');
  const envList = environmentNames((core?.get('envlist') ?? core?.get('env_list') ?? []).map((entry) => entry.text));
  const environments = new Map<string, Command[]>();
  for (const [name, values] of sections) {
    const env = name === 'testenv' ? '' : name.startsWith('testenv:') ? name.slice('testenv:'.length) : undefined;
    if (env === undefined) continue;
    const commands = [...(values.get('commands_pre') ?? []), ...(values.get('commands') ?? [])];
    environments.set(env, commands.map((entry) => ({ line: scriptLine(entry.text, entry.line) })));
  }
  return { envList, environments };
}

function fromToml(file: FileContent, root: Record<string, unknown>, path: readonly string[]): ToxConfig {
  const text = new TextLines(file.lines());
  const environments = new Map<string, Command[]>();
  const commandsOf = (env: unknown, header: readonly string[]): Command[] => {
    const from = text.header(header) || 1;
    return [...(at(env, 'commands_pre') as unknown[] | undefined ?? []), ...(at(env, 'commands') as unknown[] | undefined ?? [])]
      .map(strings)
      .filter((words) => words.length > 0)
      .map((words) => {
        const line = text.script(JSON.stringify(words[0]).slice(1, -1), from)[0]?.line ?? from;
        return { words: words.map((word) => ({ text: word, line })) };
      });
  };
  environments.set('', commandsOf(root.env_run_base, [...path, 'env_run_base']));
  for (const [name, env] of Object.entries(table(root.env) ?? {})) environments.set(name, commandsOf(env, [...path, 'env', name]));
  return { envList: environmentNames(strings(root.env_list)), environments };
}

function parseTox(file: FileContent): ToxConfig | null {
  if (file.path.endsWith('.ini')) return fromIni(file.lines(), 1, '');
  if (file.path.endsWith('setup.cfg')) return /^\[tox:tox\]/m.test(file.text) ? fromIni(file.lines(), 1, 'tox:') : null;
  const parsed = parseToml(file.text);
  const root = file.path.endsWith('tox.toml') ? parsed : table(at(parsed, 'tool', 'tox'));
  if (!root) return null;
  const legacy = root.legacy_tox_ini;
  if (typeof legacy === 'string') {
    // TOML drops the line break right after an opening `"""`: the value starts on the next line.
    const key = new TextLines(file.lines()).key('legacy_tox_ini', 1);
    const opensBlock = /(?:"""|''')\s*$/.test(file.lines()[key - 1] ?? '');
    return fromIni(legacy.split(/\r?\n/), opensBlock ? key + 1 : key, '');
  }
  return fromToml(file, root, file.path.endsWith('tox.toml') ? [] : ['tool', 'tox']);
}

/** `py311,lint: pytest` runs only in environments with one of those factors (`-`-joined factors must all be there). */
function conditionHolds(condition: string, env: string): boolean {
  const factors = new Set(env.split('-'));
  return condition.split(',').some((alternative) =>
    alternative.split('-').every((factor) => (factor.startsWith('!') ? !factors.has(factor.slice(1)) : factors.has(factor))),
  );
}

const CONDITION = /^(!?[\w.]+(?:[-,]!?[\w.]+)*):\s+/;

/** tox's substitutions, as far as they matter to what runs: `{envpython}` is python, `{posargs:tests}` its default. */
function substituted(text: string): string {
  return text.replace(/\{([^{}]*)\}/g, (_match, inner: string) => {
    if (inner === 'envpython') return 'python';
    if (/^(?:envbindir|envdir|toxinidir|toxworkdir|envsitepackagesdir|envtmpdir)$/.test(inner)) return '.';
    const posargs = /^posargs(?::(.*))?$/.exec(inner);
    return posargs ? (posargs[1] ?? '') : '';
  });
}

function environmentCommands(config: ToxConfig, env: string, cwd: string): Pick<Target, 'scripts' | 'commands'> {
  const own = config.environments.get(env);
  const commands = own && own.length > 0 ? own : (config.environments.get('') ?? []);
  const scripts: Target['scripts'] = [];
  const argv: Target['commands'] = [];
  for (const command of commands) {
    if (command.words) argv.push({ cwd, words: command.words.map((word) => ({ ...word, text: substituted(word.text) })).filter((word) => word.text !== '') });
    if (!command.line) continue;
    const condition = CONDITION.exec(command.line.text);
    if (condition && !conditionHolds(condition[1]!, env)) continue;
    const text = substituted(condition ? command.line.text.slice(condition[0].length) : command.line.text);
    scripts.push({ cwd, lines: [{ ...command.line, text: text.replace(/^-\s*/, '') }] });
  }
  return { scripts, commands: argv };
}

export const tox: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    if (programName(words[0]?.text ?? '') !== 'tox') return null;
    const envs: string[] = [];
    let file: string | undefined;
    for (let i = 1; i < words.length; i++) {
      const [word, attached] = unquote(words[i]!.text).split(/=(.*)/s) as [string, string | undefined];
      if (word === '--') break;
      if (word === '-e' || word === '--env' || word === '--envlist') envs.push(...environmentNames([attached ?? unquote(words[++i]?.text ?? '')]));
      else if (word === '-c' || word === '--conf' || word === '--configfile') file = attached ?? unquote(words[++i]?.text ?? '');
      else if (['-m', '--labels', '-f', '--factors', '-p', '--parallel', '-x', '--override', '--root', '--workdir'].includes(word) && attached === undefined) i++;
    }
    const paths = file ? candidatePaths(cwd, file) : CONFIG_FILES.map((name) => (cwd ? `${cwd}/${name}` : name));
    let path: string | undefined;
    let config: ToxConfig | null = null;
    for (const candidate of paths.filter((name) => repo.has(name))) {
      config = repo.parse(candidate, 'tox', parseTox);
      path = candidate;
      if (config) break;
    }
    if (!config || !path) return null;
    const directory = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const chosen = envs.length > 0 && !envs.includes('ALL') ? envs : config.envList.length > 0 ? config.envList : [''];
    return [...new Set(chosen)].map((env) => ({ key: `tox:${path}#${env}`, path: path!, ...environmentCommands(config!, env, directory) }));
  },
};
