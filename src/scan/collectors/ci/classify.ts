import { posix } from 'node:path';
import { leadingLiterals, requiredLiterals } from '../../../util/regex-literals.js';
import { COMMAND_PATTERNS } from './command-patterns.js';
import type { Draft, Link, Place, Use } from './draft.js';
import type { CiHop, CiStep, CiStepKind } from './facts.js';
import type { Follower, Target } from './follow/follower.js';
import { repoPath, type RepoFiles } from './follow/repo-files.js';
import { isNoop } from './noop.js';
import { NO_INPUTS, normalizeReference, REFERENCE_PATTERNS, reusableWorkflowKinds, SETUP_REFERENCE, type Inputs } from './reference-patterns.js';
import { hereDocuments, logicalLines, scriptLine, simpleCommands, unquote, withoutKeywords, wordsText, type HereDocument, type ScriptLine, type SimpleCommand, type Word } from './shell.js';
import { pythonCommands } from './follow/python-text.js';
import { commandForms, containerCommands, hereDocumentReader, programName, pythonArgument, shellArgument } from './wrappers.js';

/*
 * What a pipeline's steps do: each command it runs and each reference it uses, classified by the
 * pattern tables, with the line that proves it. Commands that run other commands are looked
 * through (`bash -c "…"`, `docker run … pytest`), and commands that run a definition kept in the
 * repository (a script, a Makefile target, a task) are followed into it, the chain kept as evidence.
 */

/** `sh -c "…"` inside `docker run … sh -c "…"` inside a script is as deep as real scripts go. */
const MAX_NESTING = 3;
/** `ci.yml → scripts/ci.sh → make test → tox → pytest` is four; past eight a chain explains nothing. */
const MAX_FOLLOW_DEPTH = 8;
/** Definitions read per scan: each is read once whatever calls it, so this bounds the work on a hostile repository. */
const MAX_TARGETS = 2000;

/** A kind of step found, with the chain of places that shows it: the first in the pipeline file, the last the command that counts. */
interface Found {
  kind: CiStepKind;
  links: Link[];
  /** Its failure fails nothing (`continue-on-error`, `|| true`). */
  tolerated?: boolean;
}

/** What a command, script or definition does: the steps it shows, and whether it does anything at all (not only `echo ok`). */
interface Outcome {
  found: Found[];
  active: boolean;
}

const NOTHING: Outcome = { found: [], active: false };
/** A definition that cannot be read (a cycle, past the limits): it may do anything, it shows nothing. */
const OPAQUE: Outcome = { found: [], active: true };

/** Where words are read: in which file (null: the pipeline's own), from which directory, reached through which links. */
interface Where {
  path: string | null;
  cwd: string;
  trail: Link[];
  depth: number;
}

function whereOf(place: Place): Where {
  return { path: place.source?.path ?? null, cwd: place.cwd, trail: place.source?.trail ?? [], depth: 0 };
}

/** Each kind is kept once: the first place that shows it, unless a later one's failure counts and the first's does not. */
function replacesKept(item: Found, byKind: ReadonlyMap<CiStepKind, Found>): boolean {
  const kept = byKind.get(item.kind);
  return !kept || (kept.tolerated === true && !item.tolerated);
}

/** Each kind once: what a definition does, whatever calls it, stays small. */
function firstOfEachKind(found: readonly Found[]): Found[] {
  const byKind = new Map<CiStepKind, Found>();
  for (const item of found) if (replacesKept(item, byKind)) byKind.set(item.kind, item);
  return [...byKind.values()];
}

/** What runs where a failure fails nothing: every step it shows is tolerated. */
function tolerated(outcome: Outcome): Outcome {
  return { ...outcome, found: outcome.found.map((item) => ({ ...item, tolerated: true })) };
}

const SWALLOWS = new Set(['true', ':']);
const REPORTS = new Set(['echo', 'printf']);

/** `-o report.json`, `--output=bandit.sarif`, `> audit.txt`: the command writes what it found to a file. */
const WRITES_REPORT = /^(?:-o|--output(?:-file)?|--report|--json-output|--sarif-output)(?:=|$)|^>{1,2}/;

/**
 * `bandit -r src || true`, `|| exit 0`, `|| :`, or a last `|| echo "scan failed"`: the command run
 * when the one before fails succeeds, so that failure fails nothing. `|| exit 1` passes it on, and a
 * command that writes its findings to a file leaves them to what reads the file (a later check that
 * exits on high-severity findings, an upload to code scanning).
 */
function swallowsFailure(commands: readonly SimpleCommand[], index: number): boolean {
  const failing = commands[index - 1];
  if (!failing?.orElse || failing.words.some((word) => WRITES_REPORT.test(word.text))) return false;
  const fallback = withoutKeywords(commands[index]?.words ?? []);
  const program = fallback[0]?.text;
  if (program === undefined) return false;
  if (SWALLOWS.has(program)) return true;
  if (program === 'exit') return (fallback[1]?.text ?? '0') === '0';
  return REPORTS.has(program) && index === commands.length - 1;
}

function merged(outcomes: readonly Outcome[]): Outcome {
  return { found: outcomes.flatMap((outcome) => outcome.found), active: outcomes.some((outcome) => outcome.active) };
}

function referenceKinds(reference: string, inputs: Inputs): CiStepKind[] {
  const key = normalizeReference(reference);
  return [...REFERENCE_PATTERNS.filter(({ regex, when }) => regex.test(key) && (when?.(inputs) ?? true)).map(({ kind }) => kind), ...reusableWorkflowKinds(key, inputs)];
}

/**
 * The literals each command pattern needs, worked out on the first command rather than on every
 * one: by then the rule packs have loaded the build's record of them (scripts/cache-packs.mjs).
 */
let patternLiterals: Array<readonly string[] | null> | undefined;
/** The texts a command must start with for each pattern, read for the patterns a command's literals let through. */
const patternStarts: Array<readonly string[] | null | undefined> = [];

/** The kinds one command's words match, each with the line of the word that shows it. */
function matchCommand(words: readonly Word[]): Array<{ kind: CiStepKind; line: number }> {
  const starts: number[] = [];
  let text = '';
  words.forEach((word, i) => {
    starts.push(text ? text.length + 1 : 0);
    const shown = i === 0 ? programName(word.text) : word.text;
    text = text ? `${text} ${shown}` : shown;
  });
  const lineAt = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return words[i]?.line ?? 0;
  };
  patternLiterals ??= COMMAND_PATTERNS.map(({ regex }) => requiredLiterals(regex.source));
  return COMMAND_PATTERNS.flatMap(({ kind, regex }, index) => {
    // Compiling a pattern costs more than the rest of its use: one no command could match is skipped
    // uncompiled, for lack of the text it needs somewhere (`mage` is in `docker build image.tag`) or at its start.
    const literals = patternLiterals![index];
    if (literals && !literals.some((literal) => text.includes(literal))) return [];
    if (patternStarts[index] === undefined) patternStarts[index] = leadingLiterals(regex.source);
    const starts = patternStarts[index];
    if (starts && !starts.some((start) => text.startsWith(start))) return [];
    const match = regex.exec(text);
    if (!match) return [];
    return [{ kind, line: lineAt(match.indices?.[1]?.[0] ?? match.index) }];
  });
}

/** `cd "$(dirname "$0")"`, `cd "${BASH_SOURCE%/*}"/..`: the directory of the script being read. */
const SCRIPT_DIRECTORY = /^"?\$(?:\(\s*dirname\s+"?\$(?:0|\{?BASH_SOURCE(?:\[0\])?\}?)"?\s*\)|\{(?:0|BASH_SOURCE(?:\[0\])?)%\/\*\})"?/;

function changedDirectory(file: string | null, cwd: string, written: string): string {
  const own = file ? SCRIPT_DIRECTORY.exec(written) : null;
  if (own) return repoPath(posix.dirname(file!), written.slice(own[0].length).replace(/^\//, '') || '.') ?? cwd;
  return repoPath(cwd, written) ?? cwd;
}

const ASSIGNMENT = /^([A-Za-z_]\w*)=(.+)$/s;
const VARIABLE = /\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g;
const WHOLE_VARIABLE = /^\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)$/;

/**
 * The text with the variables the script assigned put in (`scripts/${SCRIPT}` → `scripts/launch_api_tests.sh`);
 * a variable it never set, or one written with an operator (`${NAME//-/_}`), stays as written.
 */
function withVariables(text: string, variables: ReadonlyMap<string, Word>): string {
  return variables.size === 0 || !text.includes('$') ? text : text.replace(VARIABLE, (written, braced?: string, bare?: string) => variables.get(braced ?? bare!)?.text ?? written);
}

/** The words with the script's variables put in, but for words in single quotes, which the shell leaves alone. */
function resolvedWords(words: readonly Word[], variables: ReadonlyMap<string, Word>): readonly Word[] {
  if (variables.size === 0) return words;
  return words.map((word) => (word.text.startsWith("'") ? word : { text: withVariables(word.text, variables), line: word.line }));
}

/** `command="python -m pytest tests"` on its own: a variable the script may run later. */
function assignment(words: readonly Word[]): { name: string; value: Word } | null {
  const match = words.length === 1 ? ASSIGNMENT.exec(words[0]!.text) : null;
  return match ? { name: match[1]!, value: { text: unquote(match[2]!), line: words[0]!.line } } : null;
}

/**
 * A command kept in a variable of the same script and run from it: `eval "$command"`, `$CMD -x`.
 * Only variables assigned a value in the script are put back, once each (one pass over the text).
 */
function storedCommand(words: readonly Word[], variables: ReadonlyMap<string, Word>): Word | null {
  if (variables.size === 0 || words.length === 0) return null;
  const evaluated = words[0]!.text === 'eval';
  const run = evaluated ? words.slice(1) : words;
  // `${PREFIX}pytest` runs pytest, whatever the prefix: only a program that is a whole variable is one kept.
  if (!evaluated && !WHOLE_VARIABLE.test(unquote(run[0]?.text ?? ''))) return null;
  let line = 0;
  const text = run
    .map((word) => unquote(word.text))
    .join(' ')
    .replace(VARIABLE, (written, braced?: string, bare?: string) => {
      const value = variables.get(braced ?? bare!);
      if (!value) return written;
      line ||= value.line;
      return value.text;
    });
  return line > 0 ? { text, line } : null;
}

/** `git remote add space https://huggingface.co/spaces/…`: a remote the script adds, by name. */
function addedRemote(words: readonly Word[]): { name: string; url: Word } | null {
  if (words[0]?.text !== 'git' || words[1]?.text !== 'remote' || (words[2]?.text !== 'add' && words[2]?.text !== 'set-url')) return null;
  const [name, url] = words.slice(3).filter((word) => !word.text.startsWith('-'));
  return name && url ? { name: unquote(name.text), url } : null;
}

/** `git push space main` with the URL of the remote the script added as `space`: where a push goes says what it does. */
function withRemotes(words: readonly Word[], remotes: ReadonlyMap<string, Word>): readonly Word[] {
  if (remotes.size === 0 || words[0]?.text !== 'git' || words[1]?.text !== 'push') return words;
  return words.map((word) => {
    const url = remotes.get(unquote(word.text));
    return url ? { text: url.text, line: word.line } : word;
  });
}

function toHop(link: Link): CiHop {
  return { path: link.path ?? '', line: link.line, command: link.command };
}

/**
 * Classifies the drafts of one scan. Definitions in the repository are read once each (whatever
 * calls them and however often), and what they do is kept for the next caller.
 */
export class Classifier {
  private readonly outcomes = new Map<string, Outcome | 'reading'>();

  /**
   * `elsewhere`: whether a script the pipeline sets to run in that directory (a job's working
   * directory, from the repository's top), or an action given that folder to work on, works on
   * another project of a monorepo than the audited one, and so shows nothing for it. A `cd` inside a script is no such sign: it may enter a fresh
   * clone or a build folder of the same name.
   */
  constructor(
    private readonly repo: RepoFiles,
    private readonly followers: readonly Follower[],
    private readonly elsewhere?: (cwd: string) => boolean,
  ) {}

  /** Every step a draft shows, and whether it runs anything that is not a no-op. */
  draft(draft: Draft): { steps: CiStep[]; active: boolean } {
    const here = (place: Place) => !this.elsewhere?.(place.cwd);
    // An action given a folder to work on (`context: ./services/web`) works there.
    const usedHere = (use: Use) => {
      const written = use.inputs.get('context') ?? use.inputs.get('working-directory');
      const folder = written === undefined ? null : repoPath('', written);
      return folder === null || here({ cwd: folder });
    };
    const outcomes = [
      ...draft.scripts.filter(here).map((script) => [this.script(script.lines, whereOf(script)), script.tolerated] as const),
      ...draft.commands.filter(here).map((command) => [this.command(command.words, whereOf(command)), command.tolerated] as const),
      ...draft.uses.filter(usedHere).map((use) => [this.reference(use), use.tolerated] as const),
    ].map(([outcome, failureTolerated]) => (failureTolerated ? tolerated(outcome) : outcome));
    const all = merged(outcomes);
    const steps = [
      ...draft.steps,
      ...all.found.map(({ kind, links, tolerated: failureTolerated }) => {
        const [first, ...rest] = links;
        return { kind, command: first!.command, line: first!.line, ...(rest.length > 0 ? { via: rest.map(toHop) } : {}), ...(failureTolerated ? { tolerated: true as const } : {}) };
      }),
    ];
    return { steps, active: all.active || draft.steps.length > 0 };
  }

  private reference(use: Use): Outcome {
    const kinds = referenceKinds(use.reference, use.inputs);
    const link: Link = { path: use.source?.path ?? null, line: use.line, command: use.shown ?? use.reference };
    const links = [...(use.source?.trail ?? []), link];
    const active = kinds.length > 0 || !(use.passive || SETUP_REFERENCE.test(normalizeReference(use.reference)));
    return { found: kinds.map((kind) => ({ kind, links })), active };
  }

  /** `shown`: the command to show as evidence when the script is nested in another command (`bash -c "…"`). */
  private script(lines: readonly ScriptLine[], where: Where, shown?: string, nesting = 0): Outcome {
    let cwd = where.cwd;
    const outcomes: Outcome[] = [];
    const variables = new Map<string, Word>();
    const remotes = new Map<string, Word>();
    const { kept, documents } = hereDocuments(lines);
    for (const group of logicalLines(kept)) {
      const commands = simpleCommands(group);
      for (let index = 0; index < commands.length; index++) {
        const written = withoutKeywords(commands[index]!.words);
        const swallowed = swallowsFailure(commands, index + 1);
        const remote = addedRemote(written);
        if (remote) remotes.set(remote.name, remote.url);
        const command = withRemotes(written, remotes);
        // `cd dir && ./run_tests.sh`: what follows runs in dir.
        if (command[0]?.text === 'cd' && command[1]) cwd = changedDirectory(where.path, cwd, command[1].text);
        const assigned = assignment(command);
        // A value is read when it is assigned: `NAME="launch_${NAME}_tests.sh"` builds on the value before.
        if (assigned) variables.set(assigned.name, { text: withVariables(assigned.value.text, variables), line: assigned.value.line });
        const stored = storedCommand(command, variables);
        // The command is shown where its text is written, the assignment, which says more than `eval "$cmd"`.
        const outcome = stored
          ? this.script([scriptLine(stored.text, stored.line)], { ...where, cwd }, shown, nesting + 1)
          : this.command(resolvedWords(command, variables), { ...where, cwd }, shown ?? wordsText(written), nesting);
        outcomes.push(swallowed ? tolerated(outcome) : outcome);
      }
    }
    for (const document of documents) outcomes.push(this.hereDocument(document, { ...where, cwd }, shown, nesting));
    return merged(outcomes);
  }

  /** The steps a here-document fed to Python or a shell shows; its opening command already counts as doing something. */
  private hereDocument({ opener, body }: HereDocument, where: Where, shown: string | undefined, nesting: number): Outcome {
    const reader = hereDocumentReader(opener);
    if (!reader || nesting >= MAX_NESTING) return NOTHING;
    const lines = reader === 'shell' ? body : pythonCommands(body);
    return { found: this.script(lines, where, shown, nesting + 1).found, active: false };
  }

  /** Every kind one simple command runs, each once, with the chain that shows it. */
  private command(words: readonly Word[], where: Where, shown = wordsText(words), nesting = 0): Outcome {
    if (nesting > MAX_NESTING || words.length === 0) return NOTHING;
    const forms = commandForms(words);
    if (isNoop(forms[0]!)) return NOTHING;
    const found = new Map<CiStepKind, Found>();
    const add = (kind: CiStepKind, links: Link[], failureTolerated?: boolean) => {
      const item: Found = { kind, links, ...(failureTolerated ? { tolerated: true } : {}) };
      if (replacesKept(item, found)) found.set(kind, item);
    };
    const linkAt = (line: number): Link[] => [...where.trail, { path: where.path, line, command: shown }];
    let active = true;
    for (const form of forms) {
      const followed = this.follow(form, where);
      if (followed && followed.found.length > 0) {
        for (const item of followed.found) add(item.kind, [...linkAt(words[0]!.line), ...item.links], item.tolerated);
      } else if (followed && !followed.active) {
        // A target or script that only echoes checks nothing, whatever its name says.
        active = false;
      } else {
        for (const { kind, line } of matchCommand(form)) add(kind, linkAt(line));
      }
      const script = shellArgument(form);
      if (script) {
        const nested = this.script([scriptLine(script.text, script.line)], where, shown, nesting + 1);
        for (const item of nested.found) add(item.kind, item.links, item.tolerated);
        active = nested.active;
      }
      // `python -c "import pytest; pytest.main(['tests'])"`: what the code runs; the code itself does something whatever it runs.
      const code = pythonArgument(form);
      if (code) {
        for (const item of this.script(pythonCommands([code]), where, shown, nesting + 1).found) add(item.kind, item.links, item.tolerated);
      }
      for (const container of containerCommands(form)) {
        for (const kind of referenceKinds(container.image.text, NO_INPUTS)) add(kind, linkAt(container.image.line));
        for (const item of this.command(container.command, where, shown, nesting + 1).found) add(item.kind, item.links, item.tolerated);
      }
    }
    return { found: [...found.values()], active };
  }

  /** What the definitions a command runs do, when a follower finds them in the repository. */
  private follow(words: readonly Word[], where: Where): Outcome | null {
    if (where.depth >= MAX_FOLLOW_DEPTH) return null;
    for (const follower of this.followers) {
      const targets = follower.follow(words, where.cwd, this.repo);
      if (targets === null) continue;
      if (targets.length === 0) return null;
      const forwarded = targets.flatMap((target) => (target.forwarded ? [this.forwarded(target.forwarded, where)] : []));
      return merged([...targets.map((target) => this.target(target, where.depth + 1)), ...forwarded]);
    }
    return null;
  }

  /** The command a wrapper runs for its caller: its words are the caller's, already shown, so its chain starts after them. */
  private forwarded(words: readonly Word[], where: Where): Outcome {
    const { found, active } = this.command(words, { ...where, depth: where.depth + 1 });
    return { found: found.map((item) => ({ ...item, links: item.links.slice(1) })), active };
  }

  private target(target: Target, depth: number): Outcome {
    const known = this.outcomes.get(target.key);
    if (known === 'reading') return OPAQUE;
    if (known) return known;
    if (this.outcomes.size >= MAX_TARGETS) return OPAQUE;
    this.outcomes.set(target.key, 'reading');
    const inside = (place: Place): Where => ({ path: target.path, cwd: place.cwd, trail: [], depth });
    const outcome = merged([
      ...target.scripts.map((script) => this.script(script.lines, inside(script))),
      ...target.commands.map((command) => this.command(command.words, inside(command))),
    ]);
    const result = { found: firstOfEachKind(outcome.found), active: outcome.active };
    this.outcomes.set(target.key, result);
    return result;
  }
}
