import type { CiStep, CiTrigger } from './facts.js';
import { MANUAL_APPROVAL, NO_INPUTS, normalizeReference, type Inputs } from './reference-patterns.js';
import type { ScriptLine, Word } from './shell.js';

/** A reference a step uses (an action, task, orb, pipe, image or plugin), with its settings. */
export interface Use {
  reference: string;
  line: number;
  inputs: Inputs;
  /** The evidence to show, when it is more than the reference (a Jenkins step's whole line). */
  shown?: string;
}

/**
 * What a provider reads from one CI file. It says what the pipeline runs and uses, each with its
 * line, and leaves to the collector what those count as (tests, lint, deploy…); so a later stage
 * can follow a command such as `make test` or `scripts/ci.sh` to what it finally runs.
 */
export interface Draft {
  triggers: CiTrigger[];
  jobs: number;
  /** Shell scripts the pipeline runs, line by line. */
  scripts: ScriptLine[][];
  /** Commands given as a program and its arguments rather than as a script (Cloud Build's `entrypoint` and `args`). */
  commands: Word[][];
  uses: Use[];
  /** Steps the format declares with no command behind them: CodePipeline's Test and Deploy actions, Cloud Build's `images:`. */
  steps: CiStep[];
  environments: string[];
  manualApproval: boolean;
  disabled: boolean;
  /** Other CI files of the repository this one runs (local reusable workflows, Azure templates). */
  calls: string[];
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
    inheritedTriggers: 'add',
  };
}

/** A broken file cannot run: it still shows the team has CI, as a disabled pipeline. */
export function brokenDraft(): Draft {
  return { ...emptyDraft(), disabled: true };
}

export function addEnvironment(draft: Draft, name: string | undefined): void {
  if (name) draft.environments.push(name);
}

/** A reference a step uses; one that waits for a person (an approval action or task) gates the pipeline. */
export function addReference(draft: Draft, reference: string, line: number, inputs: Inputs = NO_INPUTS): void {
  draft.uses.push({ reference, line, inputs });
  if (MANUAL_APPROVAL.test(normalizeReference(reference))) draft.manualApproval = true;
}
