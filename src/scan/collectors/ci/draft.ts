import type { CiBreakage, CiStep, CiTrigger } from './facts.js';
import { MANUAL_APPROVAL, NO_INPUTS, normalizeReference, type Inputs } from './reference-patterns.js';
import type { ScriptLine, Word } from './shell.js';

/** A link of a chain being followed: a line and what is written there, in `path` (null: the pipeline file itself). */
export interface Link {
  path: string | null;
  line: number;
  command: string;
}

/** Where a script or reference comes from when another file holds it (an included GitLab file, a composite action): that file, and the links that reach it. */
export interface Source {
  path: string;
  trail: Link[];
}

/** Where a script or command runs (the repository directory, '' for the root), and where its text comes from when not from the pipeline file. */
export interface Place {
  cwd: string;
  source?: Source;
  /**
   * A failure here does not fail the pipeline (GitHub `continue-on-error`, GitLab `allow_failure`,
   * Azure `continueOnError`): what runs here reports, it stops nothing.
   */
  tolerated?: boolean;
}

export const AT_ROOT: Place = { cwd: '' };

/** A shell script the pipeline runs, line by line. */
export interface Script extends Place {
  lines: ScriptLine[];
}

/** A command given as a program and its arguments rather than as a script (Cloud Build's `entrypoint` and `args`). */
export interface Command extends Place {
  words: Word[];
}

/** A reference a step uses (an action, task, orb, pipe, image or plugin), with its settings. */
export interface Use {
  reference: string;
  line: number;
  inputs: Inputs;
  /** The evidence to show, when it is more than the reference (a Jenkins step's whole line). */
  shown?: string;
  source?: Source;
  /** True for an image that commands run in (a Cloud Build builder, a Drone step's image): it does nothing by itself. */
  passive?: boolean;
  /** Its failure does not fail the pipeline, as for a `Place`. */
  tolerated?: boolean;
}

/**
 * What a provider reads from one CI file. It says what the pipeline runs and uses, each with its
 * line, and leaves to the collector what those count as (tests, lint, deploy…); so a later stage
 * can follow a command such as `make test` or `scripts/ci.sh` to what it finally runs.
 */
export interface Draft {
  triggers: CiTrigger[];
  jobs: number;
  scripts: Script[];
  commands: Command[];
  uses: Use[];
  /** Steps the format declares with no command behind them: CodePipeline's Test and Deploy actions, Cloud Build's `images:`. */
  steps: CiStep[];
  environments: string[];
  manualApproval: boolean;
  disabled: boolean;
  /** Why the file could not be read, when it could not: it cannot run either. */
  broken?: CiBreakage;
  /** Other CI files of the repository this one runs (local reusable workflows, Azure templates). */
  calls: string[];
  /** The inputs a job gives a reusable workflow it calls (`with:`), as text: what tells a monorepo's callers apart. */
  callInputs: Array<{ path: string; text: string }>;
  /** How the triggers of the pipelines that run this file combine with its own: Azure ignores a template's `trigger:`. */
  inheritedTriggers: 'add' | 'replace';
}

export function emptyDraft(): Draft {
  return {
    triggers: [],
    jobs: 0,
    scripts: [],
    commands: [],
    uses: [],
    steps: [],
    environments: [],
    manualApproval: false,
    disabled: false,
    calls: [],
    callInputs: [],
    inheritedTriggers: 'add',
  };
}

/** A broken file cannot run: it still shows the team has CI, as a disabled pipeline that says why. */
export function brokenDraft(broken: CiBreakage): Draft {
  return { ...emptyDraft(), disabled: true, broken };
}

export function addEnvironment(draft: Draft, name: string | undefined): void {
  if (name) draft.environments.push(name);
}

/** Scripts read from one place (`scriptsOf` gives them line by line). */
export function addScripts(draft: Draft, scripts: readonly ScriptLine[][], place: Place = AT_ROOT): void {
  for (const lines of scripts) if (lines.length > 0) draft.scripts.push({ ...place, lines });
}

/** A reference a step uses; one that waits for a person (an approval action or task) gates the pipeline. */
export function addReference(draft: Draft, reference: string, line: number, inputs: Inputs = NO_INPUTS, extra: Pick<Use, 'source' | 'passive' | 'tolerated'> = {}): void {
  draft.uses.push({ reference, line, inputs, ...extra });
  if (MANUAL_APPROVAL.test(normalizeReference(reference))) draft.manualApproval = true;
}
