import { posix } from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import type { FileContent } from '../../../collector.js';
import { unquote, type ScriptLine } from '../shell.js';
import { programName } from '../wrappers.js';
import { child, entries, items, resolved, scriptsOf, text, yamlDocuments, type Yaml } from '../yaml.js';
import { scriptTarget, type Follower, type Target } from './follower.js';
import { repoPath, type RepoFiles } from './repo-files.js';

/*
 * Task (taskfile.dev): `task test` runs `tasks.test` of the nearest Taskfile.yml, after its
 * `deps`, and the tasks its `cmds` call.
 */

const TASKFILE_NAMES = ['Taskfile.yml', 'taskfile.yml', 'Taskfile.yaml', 'taskfile.yaml', 'Taskfile.dist.yml', 'taskfile.dist.yml', 'Taskfile.dist.yaml', 'taskfile.dist.yaml'];
const MAX_DEPENDENCY_DEPTH = 10;

interface Task {
  /** Shell commands, each with its lines; a `task:` call names another task instead. */
  steps: Array<ScriptLine[] | { task: string }>;
  deps: string[];
  dir: string | undefined;
}

function taskCall(y: Yaml, node: unknown): string | undefined {
  return text(y, child(y, node, 'task'));
}

function parseTaskfile(file: FileContent): Map<string, Task> {
  const docs = yamlDocuments(file.text);
  const tasks = new Map<string, Task>();
  if (!Array.isArray(docs) || docs.length === 0) return tasks;
  const y = docs[0]!;
  for (const { key, value } of entries(y, child(y, y.doc.contents, 'tasks'))) {
    const node = resolved(y, value);
    // Short forms: `build: go build` and `build: [go generate, go build]`.
    const cmds = isMap(node) ? (child(y, node, 'cmds') ?? child(y, node, 'cmd')) : node;
    const list = isSeq(resolved(y, cmds)) ? items(y, cmds) : [cmds];
    const steps = list.flatMap((cmd): Task['steps'] => {
      const called = taskCall(y, cmd);
      if (called) return [{ task: called }];
      const command = isScalar(cmd) ? cmd : child(y, cmd, 'cmd');
      return scriptsOf(y, command);
    });
    const deps = items(y, child(y, node, 'deps')).flatMap((dep) => {
      const name = text(y, dep) ?? taskCall(y, dep);
      return name ? [name] : [];
    });
    tasks.set(key, { steps, deps, dir: isMap(node) ? text(y, child(y, node, 'dir')) : undefined });
  }
  return tasks;
}

export const taskfile: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    if (programName(words[0]?.text ?? '') !== 'task' && programName(words[0]?.text ?? '') !== 'go-task') return null;
    let directory = cwd;
    let file: string | undefined;
    const names: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const word = unquote(words[i]!.text);
      if (word === '--') break;
      if (word === '-d' || word === '--dir') directory = repoPath(cwd, unquote(words[++i]?.text ?? '')) ?? cwd;
      else if (word === '-t' || word === '--taskfile') file = unquote(words[++i]?.text ?? '');
      else if (!word.startsWith('-') && !word.includes('=')) names.push(word);
    }
    const path = file ? (repoPath(directory, file) ?? undefined) : repo.findUp(directory, TASKFILE_NAMES);
    const tasks = path ? repo.parse(path, 'taskfile', parseTaskfile) : null;
    if (!path || !tasks) return null;
    const root = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const targets: Target[] = [];
    const seen = new Set<string>();
    const visit = (name: string, depth: number): boolean => {
      const task = tasks.get(name);
      if (!task) return false;
      if (seen.has(name) || depth > MAX_DEPENDENCY_DEPTH) return true;
      seen.add(name);
      for (const dep of task.deps) visit(dep, depth + 1);
      const taskDirectory = task.dir ? (repoPath(root, task.dir) ?? root) : root;
      const scripts = task.steps.flatMap((step) => {
        if (Array.isArray(step)) return [{ cwd: taskDirectory, lines: step }];
        visit(step.task, depth + 1);
        return [];
      });
      targets.push(scriptTarget(`task:${path}#${name}`, path, scripts));
      return true;
    };
    return (names.length > 0 ? names : ['default']).every((name) => visit(name, 0)) ? targets : null;
  },
};

