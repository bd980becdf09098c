import { COMMAND_PATTERNS } from './command-patterns.js';
import type { Draft } from './draft.js';
import type { CiStep, CiStepKind } from './facts.js';
import { NO_INPUTS, normalizeReference, REFERENCE_PATTERNS, type Inputs } from './reference-patterns.js';
import { logicalLines, scriptLine, simpleCommands, withoutKeywords, wordsText, type ScriptLine, type Word } from './shell.js';
import { commandForms, containerCommand, shellArgument } from './wrappers.js';

/*
 * What a pipeline's steps do: each command it runs and each reference it uses, classified by the
 * pattern tables, with the line that proves it. Commands that run other commands are looked through.
 */

/** `sh -c "…"` inside `docker run … sh -c "…"` inside a script is as deep as real scripts go. */
const MAX_NESTING = 3;

function referenceSteps(reference: string, line: number, inputs: Inputs = NO_INPUTS, shown = reference): CiStep[] {
  const key = normalizeReference(reference);
  return REFERENCE_PATTERNS.filter(({ regex, when }) => regex.test(key) && (when?.(inputs) ?? true)).map(({ kind }) => ({
    kind,
    command: shown,
    line,
  }));
}

/** `shown`: the command to show as evidence when the script is nested in another command (`bash -c "…"`). */
function scriptSteps(lines: readonly ScriptLine[], shown?: string, depth = 0): CiStep[] {
  return logicalLines(lines).flatMap((group) =>
    simpleCommands(group).flatMap((words) => {
      const command = withoutKeywords(words);
      return commandSteps(command, shown ?? wordsText(command), depth);
    }),
  );
}

function matchCommand(words: readonly Word[], shown: string): CiStep[] {
  const starts: number[] = [];
  let text = '';
  for (const word of words) {
    starts.push(text ? text.length + 1 : 0);
    text = text ? `${text} ${word.text}` : word.text;
  }
  const lineAt = (offset: number) => {
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]! <= offset) i++;
    return words[i]?.line ?? 0;
  };
  return COMMAND_PATTERNS.flatMap(({ kind, regex }) => {
    const match = regex.exec(text);
    if (!match) return [];
    const offset = match.indices?.[1]?.[0] ?? match.index;
    return [{ kind, command: shown, line: lineAt(offset) }];
  });
}

/** Every kind one simple command runs, each once, with the line of the word that shows it. */
function commandSteps(words: readonly Word[], shown = wordsText(words), depth = 0): CiStep[] {
  if (depth > MAX_NESTING || words.length === 0) return [];
  const found = new Map<CiStepKind, CiStep>();
  const add = (steps: CiStep[]) => {
    for (const step of steps) if (!found.has(step.kind)) found.set(step.kind, step);
  };
  for (const form of commandForms(words)) {
    add(matchCommand(form, shown));
    const script = shellArgument(form);
    if (script) add(scriptSteps([scriptLine(script.text, script.line)], shown, depth + 1));
    const container = containerCommand(form);
    if (container) {
      add(referenceSteps(container.image.text, container.image.line, NO_INPUTS, shown));
      add(commandSteps(container.command, shown, depth + 1));
    }
  }
  return [...found.values()];
}

/** Every step a draft shows: those its format declares, and what its scripts, commands and references count as. */
export function draftSteps(draft: Draft): CiStep[] {
  return [
    ...draft.steps,
    ...draft.scripts.flatMap((lines) => scriptSteps(lines)),
    ...draft.commands.flatMap((words) => commandSteps(words)),
    ...draft.uses.flatMap((use) => referenceSteps(use.reference, use.line, use.inputs, use.shown)),
  ];
}
