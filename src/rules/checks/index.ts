import type { Expr } from '../expr.js';
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

// Each kind's module adds its argument's type to `CheckArguments` (expr.ts). Re-exported as types,
// so that the published declarations load those additions wherever the registry's types are used.
export type { all, any, not, file, dependency, importCheck, signal, ci, dockerfile, k8s, iac, secret, fact, answer, condition };

/** The check kinds a run knows, by name: the built-in ones and those of the plugins it loaded. */
export type CheckKinds = ReadonlyMap<string, CheckKind>;

export const BUILTIN_CHECKS: CheckKinds = new Map(CHECK_KINDS.map((kind) => [kind.name, kind]));

/** The built-in kinds and the given ones (a plugin's), whose names the plugin loader has checked are new. */
export function checkKindsWith(extra: readonly CheckKind[]): CheckKinds {
  return extra.length === 0 ? BUILTIN_CHECKS : new Map([...BUILTIN_CHECKS, ...extra.map((kind) => [kind.name, kind] as const)]);
}

/** The kind an expression is made of, and its argument. */
export function checkOf(expr: Expr, kinds: CheckKinds): { kind: CheckKind; arg: unknown } {
  // An expression is an object of one key, the check's name; walked for every rule of every audit,
  // it is read without building the list of its entries.
  for (const name in expr) {
    const kind = kinds.get(name);
    // Packs are validated against the schema generated from the same kinds, so only code can get here.
    if (!kind) throw new Error(`unknown check kind "${name}"`);
    return { kind, arg: (expr as Record<string, unknown>)[name] };
  }
  throw new Error('a check expression without a check');
}
