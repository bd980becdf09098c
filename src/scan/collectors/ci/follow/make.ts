import { posix } from 'node:path';
import type { FileContent } from '../../../collector.js';
import { scriptLine, unquote, type ScriptLine, type Word } from '../shell.js';
import { programName } from '../wrappers.js';
import { scriptTarget, type Follower, type Target } from './follower.js';
import { candidatePaths, repoPath, type RepoFiles } from './repo-files.js';

/*
 * Makefiles, read as text: `make test` runs the recipes of `test` and of its prerequisites, and
 * a recipe's `$(MAKE) other` runs `other` in turn. Variables defined in the Makefile are
 * expanded; everything else of make's language is left alone.
 */

const MAKEFILE_NAMES = ['GNUmakefile', 'makefile', 'Makefile'];
/** `include common.mk`, each included file included at most once, a few levels deep. */
const MAX_INCLUDES = 20;
/** Prerequisite chains deeper than this are not a build, they are a puzzle. */
const MAX_PREREQUISITE_DEPTH = 12;
const MAX_EXPANSION_DEPTH = 5;

interface Rule {
  line: number;
  path: string;
  prerequisites: string[];
  /** Each logical recipe line on its own: make runs every line in a fresh shell. */
  recipe: ScriptLine[][];
}

interface Makefile {
  rules: Map<string, Rule>;
  defaultGoal: string | undefined;
}

const ASSIGNMENT = /^(?:(?:export|override|private)\s+)*([A-Za-z_][\w.-]*)\s*(::?=|:::=|\?=|\+=|!=|=)\s*(.*)$/;
const RULE = /^([^\s#:=][^:=]*)::?(?!=)(.*)$/;
const INCLUDE = /^-?(?:include|sinclude)\s+(.+)$/;
const CONDITIONAL = /^(?:ifeq|ifneq|ifdef|ifndef|else|endif)\b/;
/** A variable that holds the Python interpreter, often set by the environment: `$(PYTHON) -m pytest`. */
const PYTHON_NAME = /^(?:PY|PYTHON\d*(?:_?(?:BIN|EXE|EXEC|CMD|INTERPRETER))?)$/i;

class MakeReader {
  readonly rules = new Map<string, Rule>();
  readonly variables = new Map<string, string>();
  defaultGoal: string | undefined;
  private includes = 0;

  constructor(private readonly repo: RepoFiles) {}

  /** `$(NAME)`, `${NAME}`, `$$` as make expands them; unknown variables are empty, as in make. */
  expand(text: string, depth = 0): string {
    if (depth > MAX_EXPANSION_DEPTH) return text;
    return text
      .replace(/\$\$/g, '\u0000')
      .replace(/\$[({]([A-Za-z_][\w.-]*)[)}]/g, (_match, name: string) => {
        if (name === 'MAKE') return 'make';
        const value = this.variables.get(name);
        if (value !== undefined) return this.expand(value, depth + 1);
        return PYTHON_NAME.test(name) ? 'python' : '';
      })
      .replace(/\u0000/g, '$');
  }

  read(file: FileContent): void {
    const lines = file.lines();
    /** The rules of the last header, and the recipe they share once a recipe line comes. */
    let owners: Rule[] = [];
    let recipe: ScriptLine[][] | undefined;
    let defining = false;
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      if (defining) {
        defining = !/^\s*endef\b/.test(raw);
        continue;
      }
      if (raw.startsWith('\t')) {
        const logical = [scriptLine(this.recipeText(raw.slice(1)), i + 1)];
        while (logical[logical.length - 1]!.joinsNext && i + 1 < lines.length) {
          i++;
          logical.push(scriptLine(this.expand(lines[i]!.replace(/^\t/, '')), i + 1));
        }
        if (owners.length === 0) continue;
        if (!recipe) {
          recipe = [];
          for (const owner of owners) owner.recipe = recipe;
        }
        recipe.push(logical);
        continue;
      }
      // A directive or rule may continue over several lines.
      let text = raw;
      while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]!.trim()}`;
      text = text.replace(/\s+#.*$/, '').trim();
      if (text === '' || text.startsWith('#')) continue;
      if (/^define\b/.test(text)) {
        defining = true;
        continue;
      }
      if (CONDITIONAL.test(text)) continue;
      owners = [];
      recipe = undefined;
      const include = INCLUDE.exec(text);
      const assignment = include ? null : ASSIGNMENT.exec(text);
      const header = include || assignment ? null : RULE.exec(text);
      if (include) this.include(file.path, this.expand(include[1]!));
      else if (assignment) this.assign(assignment[1]!, assignment[2]!, assignment[3]!);
      else if (header) {
        owners = this.addRule(file.path, i + 1, header[1]!.trim(), header[2]!.trim());
        recipe = owners[0]?.recipe.length ? owners[0].recipe : undefined;
      }
    }
  }

  private assign(name: string, operator: string, value: string): void {
    if (name === '.DEFAULT_GOAL') this.defaultGoal = value.trim();
    if (operator === '?=' && this.variables.has(name)) return;
    if (operator === '+=') this.variables.set(name, `${this.variables.get(name) ?? ''} ${value}`.trim());
    else if (operator !== '!=') this.variables.set(name, value.trim());
  }

  /** A rule's header: the rules of its targets (none for a pattern rule or a target-specific variable). */
  private addRule(path: string, line: number, targetText: string, rest: string): Rule[] {
    const targets = this.expand(targetText).split(/\s+/).filter((target) => target && !target.includes('%'));
    // `target: VAR = value` sets a variable for the target; it declares no prerequisite.
    if (targets.length === 0 || ASSIGNMENT.test(rest)) return [];
    const [prerequisitesText = '', inlineRecipe] = rest.split(/;(.*)/s);
    const prerequisites = this.expand(prerequisitesText).replace('|', ' ').split(/\s+/).filter(Boolean);
    const recipe = inlineRecipe?.trim() ? [[scriptLine(this.recipeText(inlineRecipe), line)]] : [];
    return targets.map((target) => {
      let rule = this.rules.get(target);
      if (!rule) {
        rule = { line, path, prerequisites: [], recipe };
        this.rules.set(target, rule);
        if (this.defaultGoal === undefined && !target.startsWith('.')) this.defaultGoal = target;
      } else if (recipe.length > 0) rule.recipe = recipe;
      rule.prerequisites.push(...prerequisites);
      return rule;
    });
  }

  private recipeText(text: string): string {
    return this.expand(text.trim().replace(/^[@+-]+\s*/, ''));
  }

  private include(from: string, names: string): void {
    for (const name of names.split(/\s+/).filter(Boolean)) {
      const glob = posix.normalize(posix.join(posix.dirname(from), name));
      if (glob.startsWith('..') || name.startsWith('/') || name.includes('$')) continue;
      const paths = /[*?[]/.test(name) ? this.repo.matching(glob) : [glob];
      for (const path of paths) {
        if (this.includes >= MAX_INCLUDES) return;
        const file = this.repo.read(path);
        if (!file) continue;
        this.includes++;
        this.read(file);
      }
    }
  }
}

function parseMakefile(file: FileContent, repo: RepoFiles): Makefile {
  const reader = new MakeReader(repo);
  reader.read(file);
  return { rules: reader.rules, defaultGoal: reader.defaultGoal };
}

interface Invocation {
  directory: string;
  file: string | undefined;
  goals: string[];
}

/** `make -C dir -f build.mk -j4 test lint VAR=1`. */
function invocation(words: readonly Word[], cwd: string): Invocation | null {
  let directory = cwd;
  let file: string | undefined;
  const goals: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = unquote(words[i]!.text);
    const [option, attached] = word.startsWith('--') ? word.split(/=(.*)/s) : [word.slice(0, 2), word.slice(2)];
    const value = () => (attached ? attached : unquote(words[++i]?.text ?? ''));
    if (option === '-C' || option === '--directory') {
      const dir = repoPath(directory, value());
      if (dir === null) return null;
      directory = dir;
    } else if (option === '-f' || option === '--file' || option === '--makefile') file = value();
    else if (option === '-j' && !attached && /^\d+$/.test(words[i + 1]?.text ?? '')) i++;
    else if (word.startsWith('-') || /^[A-Za-z_][\w.-]*=/.test(word)) continue;
    else goals.push(word);
  }
  return { directory, file, goals };
}

/** The targets a goal runs: its prerequisites' first (depth first, each once), then its own recipe. */
function goalTargets(makefile: Makefile, goal: string, directory: string, seen: Set<string>, depth = 0): Target[] {
  const rule = makefile.rules.get(goal);
  if (!rule || seen.has(goal) || depth > MAX_PREREQUISITE_DEPTH) return [];
  seen.add(goal);
  const before = rule.prerequisites.flatMap((prerequisite) => goalTargets(makefile, prerequisite, directory, seen, depth + 1));
  const own = rule.recipe.length > 0 ? [scriptTarget(`make:${rule.path}#${goal}@${directory}`, rule.path, rule.recipe.map((lines) => ({ cwd: directory, lines })))] : [];
  return [...before, ...own];
}

export const make: Follower = {
  follow(words, cwd, repo) {
    if (!/^(?:g|mingw32-)?make$/.test(programName(words[0]?.text ?? ''))) return null;
    const call = invocation(words, cwd);
    if (!call) return null;
    const path = call.file ? candidatePaths(call.directory, call.file).find((candidate) => repo.has(candidate)) : repo.findIn(call.directory, MAKEFILE_NAMES);
    const makefile = path ? repo.parse(path, 'make', (file) => parseMakefile(file, repo)) : null;
    if (!makefile) return null;
    const goals = call.goals.length > 0 ? call.goals : makefile.defaultGoal ? [makefile.defaultGoal] : [];
    // A goal that is no rule (a file to build, a pattern) leaves the command to be read by its words.
    if (goals.some((goal) => !makefile.rules.has(goal))) return null;
    const seen = new Set<string>();
    return goals.flatMap((goal) => goalTargets(makefile, goal, call.directory, seen));
  },
};
