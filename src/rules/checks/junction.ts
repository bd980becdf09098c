import type { Outcome } from '../context.js';
import type { Expr } from '../expr.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z, expression }: SchemaKit) => z.array(expression).min(1);

declare module '../expr.js' {
  interface CheckArguments {
    all: ArgumentOf<typeof argument>;
    any: ArgumentOf<typeof argument>;
  }
}

/**
 * Kleene logic: `all` is false as soon as one part is false, `any` true as soon as one is true;
 * otherwise an unknown part makes the whole unknown. The evidence kept is what decided the value.
 */
function junction(parts: Outcome[], decisive: boolean): Outcome {
  const deciding = parts.filter((part) => part.value === decisive);
  if (deciding.length > 0) return { value: decisive, evidence: deciding.flatMap((part) => part.evidence) };
  const unknown = parts.filter((part) => part.value === null);
  if (unknown.length > 0) return { value: null, evidence: parts.flatMap((part) => part.evidence) };
  return { value: !decisive, evidence: parts.flatMap((part) => part.evidence) };
}

const parts = (exprs: Expr[]) => exprs.map((expr, i) => ({ expr, at: [i] }));

/**
 * A named condition is a premise (the project trains a model), not what the rule is about: its line
 * goes after the other parts' evidence, so that a report's first line of evidence shows the practice.
 */
const premisesLast = (exprs: Expr[]) => [...exprs.filter((expr) => !('condition' in expr)), ...exprs.filter((expr) => 'condition' in expr)];

export const all = defineCheck({
  name: 'all',
  argument,
  doc: {
    summary: 'Every part holds. False as soon as one part is false; otherwise unknown while a part is unknown.',
    examples: ['all: [{ file: Dockerfile }, { ci: { runs: docker-build } }]'],
  },
  evaluate: (exprs, _ctx, part) => junction(premisesLast(exprs).map(part), false),
  parts,
});

export const any = defineCheck({
  name: 'any',
  argument,
  doc: {
    summary: 'One part holds. True as soon as one part is true; otherwise unknown while a part is unknown.',
    examples: ['any: [{ dependency: mlflow }, { import: wandb }]'],
  },
  evaluate: (exprs, _ctx, part) => junction(exprs.map(part), true),
  parts,
});
