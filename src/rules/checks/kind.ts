import type { z } from 'zod';
import type { PathContext } from '../../scan/facts.js';
import type { EvalContext, Outcome } from '../context.js';
import type { Expr, Place } from '../expr.js';
import type { Question, SignalDefinition } from '../types.js';

/** What the reference shows about a check kind (docs/checks.md, generated). */
export interface CheckDoc {
  /** What the check holds for, in a sentence or two of Markdown. */
  summary: string;
  /** Expressions using the kind, as a pack writes them; each must load with the built-in packs. */
  examples: string[];
}

/**
 * What a kind writes its argument schema with: zod and the pieces kinds share. A kind receives it
 * rather than importing zod, so that zod loads only when a schema is built (a pack not checked at
 * build time, the docs), never for an audit with the built-in packs.
 */
export interface SchemaKit {
  z: typeof z;
  /** Text that is not empty. */
  text: z.ZodType<string>;
  /** A value, or a non-empty list of them: `file: Dockerfile` or `file: [Dockerfile, Containerfile]`. */
  oneOrMany<T extends z.ZodType>(item: T): z.ZodUnion<[T, z.ZodArray<T>]>;
  /** A sub-expression, for the kinds that combine others: the pack schema's `expr`. */
  expression: z.ZodType<Expr>;
  /** `in:`, where the paths that count lie (`project` alone when it is not given). */
  pathContexts: z.ZodType<PathContext[]>;
}

/** The type of the argument a kind's schema describes. */
export type ArgumentOf<Schema extends (kit: SchemaKit) => z.ZodType> = z.infer<ReturnType<Schema>>;

/** The names a check may refer to when its pack loads, and how to refuse the pack. */
export interface ReferenceScope {
  questions: ReadonlyMap<string, Question>;
  signals: ReadonlyMap<string, SignalDefinition>;
  conditions: ReadonlyMap<string, Expr>;
  /** The top-level keys of Facts. */
  factRoots: readonly string[];
  /** Whether a value can be the answer to the question, or one item of it for a list answer. */
  fitsAnswer(value: unknown, question: Question): boolean;
  /** Refuses the pack with file, line and column: at a place inside the check's argument, or at its key. */
  refuse(message: string, at?: Place, key?: boolean): never;
}

/**
 * One kind of check: the unit a rule's expression is built of. Its argument schema is the one
 * definition of what a pack may write under its key: the argument's type, its part of the pack's
 * JSON Schema and its documentation all come from it. A plugin's kinds have the same shape as the
 * built-in ones. (A `CheckKind` without type parameters is any kind, the registry's element.)
 */
export interface CheckKind<Name extends string = string, Arg = unknown> {
  name: Name;
  argument(kit: SchemaKit): z.ZodType<Arg>;
  doc: CheckDoc;
  /** `part` evaluates a sub-expression, for the kinds that combine others. */
  evaluate(arg: Arg, ctx: EvalContext, part: (expr: Expr) => Outcome): Outcome;
  /** The sub-expressions of a combining kind, each with its place under the kind's key. */
  parts?(arg: Arg): Array<{ expr: Expr; at: Place }>;
  /** The named conditions (a pack's `conditions:`) the check uses. */
  conditions?(arg: Arg): string[];
  /** The questions the check reads. */
  questions?(arg: Arg): string[];
  /** Checks, when its pack loads, that the names in the argument resolve and its values can occur. */
  references?(arg: Arg, scope: ReferenceScope): void;
}

/** Declares a check kind; its argument's type comes from its schema. */
export function defineCheck<const Name extends string, Arg>(kind: CheckKind<Name, Arg>): CheckKind<Name, Arg> {
  return kind;
}
