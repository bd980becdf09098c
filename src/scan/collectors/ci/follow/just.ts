import { posix } from 'node:path';
import type { FileContent } from '../../../collector.js';
import { scriptLine, unquote, type ScriptLine } from '../shell.js';
import { programName } from '../wrappers.js';
import { scriptTarget, type Follower, type Target } from './follower.js';
import { candidatePaths, repoPath, type RepoFiles } from './repo-files.js';

/*
 * just: `just test` runs the `test` recipe of the nearest justfile, after the recipes it depends
 * on; recipes written in another language (a `#!/usr/bin/env python` body) are not shell.
 */

const JUSTFILE_NAMES = ['justfile', 'Justfile', 'JUSTFILE', '.justfile'];
const MAX_DEPENDENCY_DEPTH = 10;

interface Recipe {
  dependencies: string[];
  body: ScriptLine[];
}

interface Justfile {
  recipes: Map<string, Recipe>;
  aliases: Map<string, string>;
  first: string | undefined;
}

/** `name params: dependencies`; `name := value` is an assignment. */
const RECIPE = /^@?([A-Za-z_][\w-]*)(?=[\s:])[^:]*:(?!=)(.*)$/;
const ALIAS = /^alias\s+([\w-]+)\s*:=\s*([\w-]+)/;
const SHELL_SHEBANG = /^#!\s*\S*\b(?:env\s+)?(?:ba|z|da)?sh\b/;

function parseJustfile(file: FileContent): Justfile {
  const recipes = new Map<string, Recipe>();
  const aliases = new Map<string, string>();
  let first: string | undefined;
  const lines = file.lines();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s/.test(line) || line.startsWith('#') || line.startsWith('[')) continue;
    const alias = ALIAS.exec(line);
    if (alias) {
      aliases.set(alias[1]!, alias[2]!);
      continue;
    }
    const recipe = RECIPE.exec(line);
    if (!recipe || /^(?:set|export|import|mod)\b/.test(line)) continue;
    // Dependencies: `test: build (lint "src") && notify`.
    const dependencies = [...recipe[2]!.replace(/#.*$/, '').matchAll(/\(?\s*([A-Za-z_][\w-]*)/g)].map((match) => match[1]!);
    const body: ScriptLine[] = [];
    while (i + 1 < lines.length && (/^\s+\S/.test(lines[i + 1]!) || lines[i + 1]!.trim() === '')) {
      i++;
      if (lines[i]!.trim()) body.push(scriptLine(lines[i]!.trim().replace(/^[@-]+/, ''), i + 1));
    }
    const shell = !body[0]?.text.startsWith('#!') || SHELL_SHEBANG.test(body[0].text);
    recipes.set(recipe[1]!, { dependencies, body: shell ? body : [] });
    first ??= recipe[1]!;
  }
  return { recipes, aliases, first };
}

export const just: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    if (programName(words[0]?.text ?? '') !== 'just') return null;
    let directory = cwd;
    let file: string | undefined;
    const names: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const word = unquote(words[i]!.text);
      if (word === '-f' || word === '--justfile') file = unquote(words[++i]?.text ?? '');
      else if (word === '-d' || word === '--working-directory') directory = repoPath(cwd, unquote(words[++i]?.text ?? '')) ?? cwd;
      else if (!word.startsWith('-')) names.push(word);
    }
    const path = file ? candidatePaths(cwd, file).find((candidate) => repo.has(candidate)) : repo.findUp(directory, JUSTFILE_NAMES);
    const justfile = path ? repo.parse(path, 'just', parseJustfile) : null;
    if (!path || !justfile) return null;
    const root = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const resolve = (name: string) => justfile.aliases.get(name) ?? name;
    // `just test -k slow`: after the recipe come its arguments, unless they name recipes too.
    const recipes = names.map(resolve).filter((name, i) => i === 0 || justfile.recipes.has(name));
    const wanted = recipes.length > 0 ? recipes : justfile.recipes.has('default') ? ['default'] : justfile.first ? [justfile.first] : [];
    if (wanted.length === 0 || !justfile.recipes.has(wanted[0]!)) return null;
    const targets: Target[] = [];
    const seen = new Set<string>();
    const visit = (name: string, depth: number) => {
      const recipe = justfile.recipes.get(resolve(name));
      if (!recipe || seen.has(name) || depth > MAX_DEPENDENCY_DEPTH) return;
      seen.add(name);
      for (const dependency of recipe.dependencies) visit(dependency, depth + 1);
      targets.push(scriptTarget(`just:${path}#${name}`, path, [{ cwd: directory === cwd ? root : directory, lines: recipe.body }]));
    };
    for (const name of wanted) visit(name, 0);
    return targets;
  },
};
