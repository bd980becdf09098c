/**
 * The arguments of the check kinds, by name. The interface is empty here: each check kind's module
 * (src/rules/checks/) adds its own entry, typed from its argument schema, so that the expression
 * type below grows with the registry and is written nowhere else.
 */
export interface CheckArguments {}

export type CheckName = keyof CheckArguments;

/**
 * A check is a boolean expression over Facts and answers, evaluated in three-valued logic:
 * a leaf that depends on an unanswered question is `unknown`, never true or false.
 * An expression object has exactly one key, the name of a check kind, whose value is its argument.
 */
export type Expr = { [K in CheckName]: { [P in K]: CheckArguments[K] } }[CheckName];

/** A place in a pack document: keys and list indexes from its root. */
export type Place = ReadonlyArray<string | number>;
