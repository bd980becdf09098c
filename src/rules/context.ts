import type { Answers } from '../answers/types.js';
import type { Facts } from '../scan/facts.js';
import type { Expr } from './expr.js';
import type { FileIndex } from './file-index.js';
import type { Evidence } from './finding.js';
import type { SignalDefinition } from './types.js';

/** Three-valued truth: null means "cannot tell" (an unanswered question, an unknown fact). */
export type Truth = boolean | null;

export interface Outcome {
  value: Truth;
  evidence: Evidence[];
}

/** What expressions are evaluated against. */
export interface EvalContext {
  facts: Facts;
  answers: Answers;
  files: FileIndex;
  signals: ReadonlyMap<string, SignalDefinition>;
  /** The packs' named conditions, by id, but for those a profile settles. */
  conditions: ReadonlyMap<string, Expr>;
  /** The named conditions a profile settles, with their value and why. */
  settled?: ReadonlyMap<string, Outcome>;
  /** Questions whose answers the repository contradicts, for the rule being evaluated: they hold no value. */
  overruled?: ReadonlySet<string>;
}
