import { baseName } from '../../../util/repo-path.js';
import type { Warn } from '../../location.js';
import { redactSecrets } from '../../secret-patterns.js';
import type { Ecosystem } from './facts.js';
import type { Declaration } from './manifest.js';
import { entriesOf, shorten } from './parse.js';
import {
  describedSpec,
  EDITABLE_OPTION,
  EGG_FRAGMENT,
  HASH_OPTION,
  parseRequirement,
  PATH_OR_URL,
  PINNED_URL,
  REQUIREMENT_OPTION,
  TRAILING_COMMENT,
  type Requirement,
} from './requirement.js';
import type { SourceLines } from './source-lines.js';

/** Words that mark a file, extra or group as serving development rather than the running product. */
const DEV_WORDS: ReadonlySet<string> = new Set([
  'dev', 'devel', 'develop', 'development', 'test', 'tests', 'testing', 'docs', 'doc', 'documentation',
  'lint', 'linting', 'linters', 'typing', 'mypy', 'ci', 'style', 'qa', 'coverage', 'notebook', 'notebooks', 'jupyter',
]);

/**
 * Packages that test, lint, type-check, document, build or run notebooks for the project, never
 * part of what it runs: declared in a runtime file, they are still development dependencies.
 */
const DEV_TOOLS = new RegExp(
  '^(?:' +
    [
      'pytest(?:-[\\w-]+)?', 'coverage', 'tox', 'nox', 'hypothesis', 'mock', 'responses', 'freezegun', 'faker',
      'black', 'isort', 'flake8(?:-[\\w-]+)?', 'pylint', 'mypy', 'ruff', 'pyright', 'autopep8', 'yapf', 'pycodestyle', 'pydocstyle', 'pre-commit', 'bandit', 'safety', 'pip-audit', 'codespell',
      'types-[\\w-]+', 'mkdocs(?:-[\\w-]+)?', 'mkdocstrings(?:-[\\w-]+)?', 'sphinx(?:-[\\w-]+)?', 'pdoc3?',
      'ipykernel', 'ipywidgets', 'ipython', 'jupyter(?:lab)?(?:-[\\w-]+)?', 'notebook', 'nbconvert', 'nbformat', 'nbstripout', 'papermill',
      'pip', 'setuptools', 'setuptools-scm', 'wheel', 'build', 'twine', 'pip-tools',
    ].join('|') +
    ')$',
);

export function isDevTool(name: string): boolean {
  return DEV_TOOLS.test(name);
}

export function isDevName(name: string): boolean {
  return name.toLowerCase().split(/[-_.\s]+/).some((word) => DEV_WORDS.has(word));
}

/** `requirements-dev.txt`, `requirements/test.txt`, `docs/requirements.txt`. */
export function pathSaysDev(path: string): boolean {
  const directories = path.split('/').slice(0, -1);
  const stem = baseName(path).replace(/\.[^.]*$/, '');
  return isDevName(stem) || directories.some((directory) => DEV_WORDS.has(directory.toLowerCase()));
}

const PROJECT_ITSELF = /^\.\/?(?:\[[^\]]*\])?$/;

/** Collects one manifest's declarations, normalising names and warning about what it cannot read. */
export class Declarations {
  readonly list: Declaration[] = [];
  /** A requirements line installs the project itself (`-e .`, `.[extras]`), with the dependencies its metadata declares. */
  installsProject = false;

  constructor(
    private readonly path: string,
    private readonly warn: Warn,
  ) {}

  add(requirement: Requirement, line: number, dev: boolean, ecosystem: Ecosystem = 'pypi'): void {
    const name = normaliseName(requirement.name, ecosystem);
    this.list.push({
      ecosystem,
      name,
      spec: safeSpec(requirement.spec),
      pinned: requirement.pinned,
      dev: dev || (isPython(ecosystem) && isDevTool(name)),
      line,
    });
  }

  /** A PEP 508 string such as `pandas[parquet]>=2.0; python_version >= "3.9"`. */
  requirement(text: string, line: number, dev: boolean): void {
    const requirement = parseRequirement(text);
    if (requirement) this.add(requirement, line, dev);
    else this.unreadable(text, line);
  }

  /** A line of a requirements file: options are skipped, `--hash` pins, `-e URL#egg=name` is named by its egg. */
  requirementLine(text: string, line: number, dev: boolean): void {
    const body = text.replace(TRAILING_COMMENT, '').trim();
    const target = body.replace(EDITABLE_OPTION, '');
    if (target === '' || target.startsWith('-')) return;
    if (PROJECT_ITSELF.test(target)) this.installsProject = true;
    if (PATH_OR_URL.test(target)) {
      const egg = EGG_FRAGMENT.exec(target)?.[1];
      if (egg) this.add({ name: egg, spec: target, pinned: PINNED_URL.test(target) }, line, dev);
      return;
    }
    const optionsAt = target.search(REQUIREMENT_OPTION);
    const requirement = parseRequirement(optionsAt < 0 ? target : target.slice(0, optionsAt));
    if (!requirement) return this.unreadable(body, line);
    const hashed = optionsAt >= 0 && HASH_OPTION.test(target.slice(optionsAt));
    this.add({ ...requirement, pinned: requirement.pinned || hashed }, line, dev);
  }

  /** A TOML array of PEP 508 strings; `anchor` is the line index where its key sits. */
  requirementArray(value: unknown, source: SourceLines, anchor: number, dev: boolean): void {
    if (!Array.isArray(value)) return;
    for (const item of value) {
      // Tables such as `{include-group = "test"}` point at other groups, which are read on their own.
      if (typeof item !== 'string') continue;
      const requirement = parseRequirement(item);
      if (requirement) this.add(requirement, source.lineOf(requirement.name, anchor), dev);
      else this.unreadable(item, anchor + 1);
    }
  }

  /** A TOML table of `name = spec` as Poetry and Pipenv write them; `anchor` is the line index of its header. */
  describedTable(value: unknown, source: SourceLines, anchor: number, dev: boolean, isExact: (version: string) => boolean, ecosystem: Ecosystem = 'pypi'): void {
    for (const [name, described] of entriesOf(value)) {
      // Poetry declares the interpreter among the packages.
      if (name.toLowerCase() === 'python') continue;
      this.add({ name, ...describedSpec(described, isExact) }, source.lineOf(name, anchor), dev, ecosystem);
    }
  }

  unreadable(text: string, line: number): void {
    this.warn({ path: this.path, line, message: `could not read the requirement "${shorten(redactSecrets(text.trim()))}"` });
  }
}

/** The dev tools and PEP 503 names are Python's (conda packages share them). */
function isPython(ecosystem: Ecosystem): boolean {
  return ecosystem === 'pypi' || ecosystem === 'conda';
}

function normaliseName(name: string, ecosystem: Ecosystem): string {
  const lower = name.toLowerCase();
  return isPython(ecosystem) ? lower.replace(/[-_.]+/g, '-') : lower;
}

/** Direct references can carry credentials (`https://user:token@host/...`): never store them. */
function safeSpec(spec: string): string {
  return redactSecrets(spec.trim().replace(/\/\/(?!git@)[^/@\s]+@/g, '//***@'));
}
