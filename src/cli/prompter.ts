import type { AnswerValue } from '../answers/types.js';
import type { Question } from '../rules/types.js';

/** The reply for a question the person chose not to answer now. */
export const SKIP = Symbol('skip');
export type Reply = AnswerValue | typeof SKIP;

/** One question as `init` puts it to a person. */
export interface QuestionPrompt {
  question: Question;
  categoryTitle: string;
  /** 1-based position, and the total so far: answers can open or close other questions. */
  position: number;
  total: number;
  /** A default the scan suggests, and why. */
  suggestion?: { value: AnswerValue; because: string };
  /** The rules whose findings the answer can change. */
  ruleIds: string[];
  /** The answer decides whether rules apply at all, so it comes early. */
  decidesScope: boolean;
}

/**
 * How `init` talks to a person. The terminal implementation uses inquirer
 * (src/cli/inquirer-prompter.ts); tests drive `init` with a scripted one.
 */
export interface Prompter {
  ask(prompt: QuestionPrompt): Promise<Reply>;
  /** One choice among a few, e.g. what to do with an existing answers file. */
  choose<T extends string>(message: string, choices: ReadonlyArray<{ value: T; name: string }>): Promise<T>;
  /** Text between questions: progress and the final summary. */
  say(text: string): void;
}

/** The person stopped the questionnaire (Ctrl+C); what was answered is already saved. */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'PromptInterrupted';
  }
}
