/** The format version an answers file declares (`version: 1`). */
export const ANSWERS_FORMAT_VERSION = 1;

export type AnswerValue = string | number | boolean | string[];

export interface Answer {
  value: AnswerValue;
  /** 1-based line of the answer in the answers file. */
  line: number;
}

export interface Answers {
  /** The answers file as the user named it, or null when none was given. */
  path: string | null;
  values: Record<string, Answer>;
}

export const NO_ANSWERS: Answers = { path: null, values: {} };

/** Where `init` writes answers, and where `audit` looks for them, in the audited directory. */
export const DEFAULT_ANSWERS_FILE = 'scale-audit.answers.yaml';
