import type { CheckArguments, CheckName, Expr } from '../expr.js';
import { answer } from './answer.js';
import { ci } from './ci.js';
import { condition } from './condition.js';
import { dependency } from './dependency.js';
import { dockerfile } from './dockerfile.js';
import { fact } from './fact.js';
import { file } from './file.js';
import { iac } from './iac.js';
import { importCheck } from './import.js';
import { all, any } from './junction.js';
import type { CheckKind } from './kind.js';
import { k8s } from './k8s.js';
import { not } from './not.js';
import { secret } from './secret.js';
import { signal } from './signal.js';

/**
 * Every kind of check a rule's expression can use, in the order the pack schema and the reference
 * list them. A new kind is one module in this folder, added here.
 */
export const CHECK_KINDS: readonly CheckKind[] = [all, any, not, file, dependency, importCheck, signal, ci, dockerfile, k8s, iac, secret, fact, answer, condition];

const BY_NAME = new Map<string, CheckKind>(CHECK_KINDS.map((kind) => [kind.name, kind]));

/** The kind an expression is made of, and its argument. */
export function checkOf(expr: Expr): { kind: CheckKind; arg: CheckArguments[CheckName] } {
  const [name, arg] = Object.entries(expr)[0] as [CheckName, CheckArguments[CheckName]];
  const kind = BY_NAME.get(name);
  // Packs are validated against the schema the registry generates, so only code can get here.
  if (!kind) throw new Error(`unknown check kind "${name}"`);
  return { kind, arg };
}
