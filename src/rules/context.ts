import type { Answers } from '../answers/types.js';
import type { Facts } from '../scan/facts.js';
import type { FileIndex } from './file-index.js';
import type { ExprScope } from './scope.js';
import type { Evidence } from './finding.js';
import type { SignalDefinition } from './types.js';

/** Three-valued truth: null means "cannot tell" (an unanswered question, an unknown fact). */
export type Truth = boolean | null;

export interface Outcome {
  value: Truth;
  evidence: Evidence[];
}

/** What expressions are evaluated against, and what their names resolve to. */
export interface EvalContext extends ExprScope {
  facts: Facts;
  answers: Answers;
  files: FileIndex;
  signals: ReadonlyMap<string, SignalDefinition>;
  /** The named conditions a profile settles, with their value and why (`conditions` leaves them out). */
  settled?: ReadonlyMap<string, Outcome>;
  /** Questions whose answers the repository contradicts, for the rule being evaluated: they hold no value. */
  overruled?: ReadonlySet<string>;
}
