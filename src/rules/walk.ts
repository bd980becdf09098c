import { checkOf, type CheckKinds } from './checks/index.js';
import type { CheckKind } from './checks/kind.js';
import type { Expr, Place } from './expr.js';

/** One check inside an expression. */
export interface CheckNode {
  kind: CheckKind;
  arg: unknown;
  /** From the expression to the check's key, the way the pack writes it: `['all', 1, 'file']`. */
  place: Place;
}

/**
 * Every check in an expression, each before its parts, in the order the pack writes them. Given the
 * packs' named conditions, the walk also enters each condition the expression names, once.
 */
export function* checksIn(expr: Expr, checks: CheckKinds, conditions?: ReadonlyMap<string, Expr>, place: Place = [], entered: Set<string> = new Set()): Generator<CheckNode> {
  const { kind, arg } = checkOf(expr, checks);
  const here = [...place, kind.name];
  yield { kind, arg, place: here };
  for (const part of kind.parts?.(arg) ?? []) yield* checksIn(part.expr, checks, conditions, [...here, ...part.at], entered);
  if (!conditions) return;
  for (const id of kind.conditions?.(arg) ?? []) {
    const named = conditions.get(id);
    if (named === undefined || entered.has(id)) continue;
    entered.add(id);
    yield* checksIn(named, checks, conditions, here, entered);
  }
}

/** The questions a check reads itself. */
export function questionsRead(node: CheckNode): string[] {
  return node.kind.questions?.(node.arg) ?? [];
}

/** The named conditions a check uses itself. */
export function conditionsNamed(node: CheckNode): string[] {
  return node.kind.conditions?.(node.arg) ?? [];
}
