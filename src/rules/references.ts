import type { CheckKinds } from './checks/index.js';
import type { ReferenceScope } from './checks/kind.js';
import type { Expr, Place } from './expr.js';
import { checksIn, conditionsNamed, questionsRead, type CheckNode } from './walk.js';

/** The names the checks of the packs may refer to, and the kinds of check they may be. */
export type KnownNames = Omit<ReferenceScope, 'refuse'> & { checks: CheckKinds };

/** Refuses a pack: the message at a place in it, pointing at the value there or at its key. */
export type Refuse = (place: Place, message: string, key?: boolean) => never;

/**
 * References inside an expression must resolve, or the rule would silently never pass; each kind
 * of check says what its argument refers to. `scanOnly`, for an expression about the repository
 * alone, says why it may read no answer.
 */
export function checkReferences(expr: Expr, place: Place, known: KnownNames, refuse: Refuse, scanOnly?: string): void {
  for (const check of checksIn(expr, known.checks)) {
    const here = [...place, ...check.place];
    if (scanOnly !== undefined) refuseAnswers(check, here, known, refuse, scanOnly);
    check.kind.references?.(check.arg, { ...known, refuse: (message, at = [], key = false) => refuse([...here, ...at], message, key) });
  }
}

function refuseAnswers(check: CheckNode, here: Place, known: KnownNames, refuse: Refuse, scanOnly: string): void {
  const [question] = questionsRead(check);
  if (question !== undefined) refuse(here, `${scanOnly}: it cannot read answers (question ${question})`, true);
  for (const id of conditionsNamed(check)) {
    const read = questionThrough(id, known);
    if (read !== undefined) refuse(here, `${scanOnly}: it cannot read answers (condition ${id} reads question ${read})`);
  }
}

/** The first question a named condition reads, directly or through the conditions it names. */
function questionThrough(id: string, known: KnownNames): string | undefined {
  const named = known.conditions.get(id);
  if (named === undefined) return undefined;
  for (const check of checksIn(named, known.checks, known.conditions, [], new Set([id]))) {
    const [question] = questionsRead(check);
    if (question !== undefined) return question;
  }
  return undefined;
}

/** The names of the conditions an expression uses directly. */
export function conditionsUsed(expr: Expr, checks: CheckKinds): string[] {
  return [...checksIn(expr, checks)].flatMap(conditionsNamed);
}
