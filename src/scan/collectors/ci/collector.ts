import { compareStrings } from '../../../util/compare.js';
import type { Collector } from '../../collector.js';
import { redactSecrets } from '../../secret-patterns.js';
import { draftSteps } from './classify.js';
import { brokenDraft, type Draft } from './draft.js';
import type { CiFacts, CiPipeline, CiProvider, CiStep, CiTrigger } from './facts.js';
import { CiFileTable, type CiProviderDefinition } from './provider.js';

/*
 * From CI files to the CI slice: each file is read by the provider that recognises it, its steps
 * classified, and its triggers completed with those of the pipelines that call it.
 */

const MAX_COMMAND_LENGTH = 120;

/** Redacted before shortening, so a secret cut in half is still recognised. */
function shownCommand(command: string): string {
  const redacted = redactSecrets(command.trim());
  return redacted.length <= MAX_COMMAND_LENGTH ? redacted : `${redacted.slice(0, MAX_COMMAND_LENGTH - 1)}…`;
}

function finalSteps(steps: readonly CiStep[]): CiStep[] {
  const unique = new Map<string, CiStep>();
  for (const step of steps) {
    const shown = { kind: step.kind, command: shownCommand(step.command), line: step.line };
    unique.set(`${shown.line}\u0000${shown.kind}\u0000${shown.command}`, shown);
  }
  return [...unique.values()].sort((a, b) => a.line - b.line || compareStrings(a.kind, b.kind) || compareStrings(a.command, b.command));
}

const TRIGGER_ORDER: CiTrigger[] = ['push', 'pull_request', 'tag', 'schedule', 'manual', 'other'];

interface PipelineRecord {
  path: string;
  definition: CiProviderDefinition;
  draft: Draft;
  /** What the draft's scripts, commands and references count as. */
  steps: CiStep[];
}

/** A pipeline calls files of its own provider, and of those its provider says it runs. */
function runsFilesOf(caller: CiProviderDefinition, callee: CiProvider | undefined): boolean {
  return callee !== undefined && (callee === caller.provider || (caller.runs ?? []).includes(callee));
}

/**
 * A reusable workflow or an Azure template runs whenever a pipeline that calls it runs, so it
 * takes on its callers' triggers (through chains of calls). Azure ignores a template's own
 * `trigger:`; a GitHub reusable workflow keeps its own triggers too.
 */
function effectiveTriggers(records: readonly PipelineRecord[]): Map<string, Set<CiTrigger>> {
  const byPath = new Map(records.map((record) => [record.path, record]));
  const callers = new Map<string, PipelineRecord[]>();
  for (const record of records) {
    for (const callee of new Set(record.draft.calls)) {
      if (callee === record.path || !runsFilesOf(record.definition, byPath.get(callee)?.definition.provider)) continue;
      callers.set(callee, [...(callers.get(callee) ?? []), record]);
    }
  }
  const triggers = new Map(
    records.map(({ path, draft }) => [path, new Set(draft.inheritedTriggers === 'replace' && callers.has(path) ? [] : draft.triggers)] as const),
  );
  for (let changed = true, round = 0; changed && round <= records.length; round++) {
    changed = false;
    for (const [callee, calling] of callers) {
      const into = triggers.get(callee)!;
      for (const caller of calling.filter((record) => !record.draft.disabled)) {
        for (const trigger of triggers.get(caller.path)!) {
          if (into.has(trigger)) continue;
          into.add(trigger);
          changed = true;
        }
      }
    }
  }
  return triggers;
}

function toPipeline({ path, definition, draft, steps }: PipelineRecord, triggers: ReadonlySet<CiTrigger>): CiPipeline {
  return {
    path,
    provider: definition.provider,
    triggers: TRIGGER_ORDER.filter((trigger) => triggers.has(trigger)),
    disabled: draft.disabled,
    jobs: draft.jobs,
    steps: finalSteps(steps),
    environments: [...new Set(draft.environments)].sort(compareStrings),
    manualApproval: draft.manualApproval,
  };
}

/**
 * The CI collector, for the providers given: for every CI configuration file, what its pipeline
 * runs (steps classified by kind, each with the line that proves it), on which triggers, and
 * whether it can run at all. Rules then ask questions such as "does an enabled pipeline triggered
 * on pull requests run the tests?" and show the step's line as evidence.
 */
export function collectPipelines(providers: readonly CiProviderDefinition[]): Collector<CiFacts> {
  const table = new CiFileTable(providers);
  const records: PipelineRecord[] = [];
  return {
    wants: (path) => table.candidates(path).length > 0,
    visit(file, warn) {
      const definition = table.providerOf(file);
      if (!definition) return;
      let draft: Draft;
      let steps: CiStep[];
      try {
        draft = definition.read(file, warn);
        steps = draftSteps(draft);
      } catch (error) {
        // Untrusted files can be shaped in ways no parser anticipates; one must not stop the scan.
        warn({ path: file.path, message: `could not read CI file: ${error instanceof Error ? error.message : String(error)}` });
        draft = brokenDraft();
        steps = [];
      }
      records.push({ path: file.path, definition, draft, steps });
    },
    finish() {
      const triggers = effectiveTriggers(records);
      const pipelines = records.map((record) => toPipeline(record, triggers.get(record.path)!)).sort((a, b) => compareStrings(a.path, b.path));
      const providers = [...new Set(pipelines.map((pipeline) => pipeline.provider))].sort(compareStrings);
      return { providers, pipelines };
    },
  };
}
