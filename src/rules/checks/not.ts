import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ expression }: SchemaKit): SchemaKit['expression'] => expression;

declare module '../expr.js' {
  interface CheckArguments {
    not: ArgumentOf<typeof argument>;
  }
}

export const not = defineCheck({
  name: 'not',
  argument,
  doc: {
    summary: 'The expression does not hold; unknown stays unknown.',
    examples: ['not: { answer: { id: infrastructure.serving-mode, in: [batch, embedded] } }'],
  },
  evaluate(expr, _ctx, part) {
    const inner = part(expr);
    return { value: inner.value === null ? null : !inner.value, evidence: inner.evidence };
  },
  parts: (expr) => [{ expr, at: [] }],
});
