import { posix } from 'node:path';
import type { FileContent } from '../../../collector.js';
import { scriptLine, unquote, type ScriptLine } from '../shell.js';
import { programName } from '../wrappers.js';
import { scriptTarget, type Follower, type Target } from './follower.js';
import { callLiterals, decoratedFunctions } from './python-text.js';
import type { RepoFiles } from './repo-files.js';

/*
 * Invoke: `inv test` or `invoke api.test` runs the `test` task of tasks.py (or of the `api`
 * module of a tasks/ package), read as text: the commands are the strings its `c.run(…)` calls
 * pass, after its `pre` tasks.
 */

interface InvokeTask {
  commands: ScriptLine[][];
  /** Tasks of the same module run before and after it (`@task(pre=[clean])`, `@task(clean)`). */
  pre: string[];
  post: string[];
}

const TASK_DECORATOR = /^@(?:invoke\.)?task\b/;
const MAX_DEPENDENCY_DEPTH = 8;

function identifiers(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/\b([A-Za-z_]\w*)\b/g)].map((match) => match[1]!).filter((name) => !['call', 'Call'].includes(name));
}

function parseTasks(file: FileContent): Map<string, InvokeTask> {
  const tasks = new Map<string, InvokeTask>();
  for (const fn of decoratedFunctions(file.lines(), TASK_DECORATOR)) {
    const args = /^@(?:invoke\.)?task\s*\((.*)\)\s*$/s.exec(fn.decorator)?.[1] ?? '';
    const positional = args.split(',').filter((part) => /^\s*[A-Za-z_]\w*\s*$/.test(part)).join(',');
    tasks.set(fn.name, {
      commands: callLiterals(fn.body, fn.receiver, ['run', 'sudo']).flatMap((literals) => literals.slice(0, 1).map(({ value, line }) => [scriptLine(value, line)])),
      pre: [...identifiers(positional), ...identifiers(/\bpre\s*=\s*\[([^\]]*)\]/.exec(args)?.[1])],
      post: identifiers(/\bpost\s*=\s*\[([^\]]*)\]/.exec(args)?.[1]),
    });
  }
  return tasks;
}

export const invoke: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    if (!['invoke', 'inv'].includes(programName(words[0]?.text ?? ''))) return null;
    const names = words.slice(1).map((word) => unquote(word.text)).filter((word) => !word.startsWith('-'));
    const root = repo.findUp(cwd, ['tasks.py', 'tasks/__init__.py']);
    if (!root || names.length === 0) return null;
    const targets: Target[] = [];
    const seen = new Set<string>();
    const visit = (path: string, name: string, depth: number): boolean => {
      const task = repo.parse(path, 'invoke', parseTasks)?.get(name);
      if (!task) return false;
      if (seen.has(`${path}#${name}`) || depth > MAX_DEPENDENCY_DEPTH) return true;
      seen.add(`${path}#${name}`);
      for (const pre of task.pre) visit(path, pre, depth + 1);
      targets.push(scriptTarget(`invoke:${path}#${name}`, path, task.commands.map((lines) => ({ cwd, lines }))));
      for (const post of task.post) visit(path, post, depth + 1);
      return true;
    };
    for (const written of names) {
      // `api.init-poetry-env` is `init_poetry_env` in the `api` module of the tasks package.
      const [module, task] = written.includes('.') ? [written.slice(0, written.lastIndexOf('.')), written.slice(written.lastIndexOf('.') + 1)] : [undefined, written];
      const path = module ? (root.endsWith('__init__.py') ? posix.join(posix.dirname(root), `${module.replace(/\./g, '/')}.py`) : undefined) : root;
      // Words after a task's own options are its arguments: only the first name must be a task.
      if (!(path && repo.has(path) && visit(path, task.replace(/-/g, '_'), 0)) && targets.length === 0) return null;
    }
    return targets;
  },
};
