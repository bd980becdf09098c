import { posix } from 'node:path';
import type { FileContent } from '../../../collector.js';
import { unquote, type Word } from '../shell.js';
import { programName } from '../wrappers.js';
import type { Follower, Target } from './follower.js';
import { callLiterals, decoratedFunctions } from './python-text.js';
import { candidatePaths, type RepoFiles } from './repo-files.js';

/*
 * nox: `nox -s tests` runs the `tests` session of noxfile.py, read as text: the string arguments
 * of its `session.run(…)` calls are the commands, and `session.notify(…)` runs another session.
 */

interface Session {
  name: string;
  commands: Word[][];
  notify: string[];
  tags: string[];
  /** `default=False` keeps a session out of a bare `nox`. */
  byDefault: boolean;
}

interface Noxfile {
  sessions: Map<string, Session>;
  /** `nox.options.sessions = [...]`: what a bare `nox` runs. */
  defaults: string[] | undefined;
}

const SESSION_DECORATOR = /^@(?:nox\.)?session\b/;
const DEFAULT_SESSIONS = /^nox\.options\.sessions\s*=\s*\[([^\]]*)\]/m;

function quotedNames(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/["']([^"']+)["']/g)].map((match) => match[1]!);
}

function parseNoxfile(file: FileContent): Noxfile {
  const sessions = new Map<string, Session>();
  for (const fn of decoratedFunctions(file.lines(), SESSION_DECORATOR)) {
    const name = /\bname\s*=\s*["']([^"']+)["']/.exec(fn.decorator)?.[1] ?? fn.name;
    sessions.set(name, {
      name,
      commands: callLiterals(fn.body, fn.receiver, ['run', 'run_always', 'run_install']).map((literals) => literals.map(({ value, line }) => ({ text: value, line }))),
      notify: callLiterals(fn.body, fn.receiver, ['notify']).flatMap((literals) => literals.slice(0, 1).map(({ value }) => value)),
      tags: quotedNames(/\btags\s*=\s*\[([^\]]*)\]/.exec(fn.decorator)?.[1]),
      byDefault: !/\bdefault\s*=\s*False\b/.test(fn.decorator),
    });
  }
  const defaults = DEFAULT_SESSIONS.exec(file.text);
  return { sessions, defaults: defaults ? quotedNames(defaults[1]) : undefined };
}

/** `nox -s lint tests`, `nox --session=tests-3.11`, `nox -t ci`, `nox -f ci/noxfile.py`. */
function invocation(words: readonly Word[]): { sessions: string[]; tags: string[]; file: string } {
  const sessions: string[] = [];
  const tags: string[] = [];
  let file = 'noxfile.py';
  let into: string[] | undefined;
  for (let i = 1; i < words.length; i++) {
    const [word, attached] = unquote(words[i]!.text).split(/=(.*)/s) as [string, string | undefined];
    if (word === '--') break;
    if (['-s', '-e', '--session', '--sessions'].includes(word)) into = sessions;
    else if (['-t', '--tag', '--tags'].includes(word)) into = tags;
    else if (['-f', '--noxfile'].includes(word)) {
      file = attached ?? unquote(words[++i]?.text ?? '');
      into = undefined;
      continue;
    } else if (word.startsWith('-')) {
      into = undefined;
      if (['-p', '--python', '-k', '--keywords', '--default-venv-backend', '-db', '--force-python', '-P'].includes(word) && attached === undefined) i++;
      continue;
    } else {
      into?.push(...word.split(','));
      continue;
    }
    if (attached) into.push(...attached.split(','));
  }
  return { sessions, tags, file };
}

export const nox: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    if (programName(words[0]?.text ?? '') !== 'nox') return null;
    const call = invocation(words);
    const path = candidatePaths(cwd, call.file).find((candidate) => repo.has(candidate));
    const noxfile = path ? repo.parse(path, 'nox', parseNoxfile) : null;
    if (!path || !noxfile) return null;
    const directory = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const all = [...noxfile.sessions.values()];
    // `tests-3.11` and `tests(django='4.2')` are parametrised runs of `tests`.
    const named = call.sessions.map((name) => name.replace(/\(.*$/, '')).map((name) => (noxfile.sessions.has(name) ? name : name.replace(/-[\w.]+$/, '')));
    const chosen =
      named.length > 0
        ? named
        : call.tags.length > 0
          ? all.filter((session) => session.tags.some((tag) => call.tags.includes(tag))).map((session) => session.name)
          : (noxfile.defaults ?? all.filter((session) => session.byDefault).map((session) => session.name));
    if (chosen.length === 0 || chosen.some((name) => !noxfile.sessions.has(name))) return null;
    const targets: Target[] = [];
    const seen = new Set<string>();
    const visit = (name: string) => {
      const session = noxfile.sessions.get(name);
      if (!session || seen.has(name)) return;
      seen.add(name);
      targets.push({ key: `nox:${path}#${name}`, path, scripts: [], commands: session.commands.map((command) => ({ cwd: directory, words: command })) });
      session.notify.forEach(visit);
    };
    chosen.forEach(visit);
    return targets;
  },
};
