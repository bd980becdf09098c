import { didYouMean } from '../../util/suggest.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z }: SchemaKit) => z.string().min(1);

declare module '../expr.js' {
  interface CheckArguments {
    condition: ArgumentOf<typeof argument>;
  }
}

export const condition = defineCheck({
  name: 'condition',
  argument,
  doc: {
    summary:
      'A named condition holds: an expression a pack declares under `conditions:` (with an id, a description and `when:`), which rules of any pack can share, such as the built-in `trains-own-model` that keeps training rules away from applications that only call a hosted LLM or load a model trained elsewhere. A profile can settle a condition: it then holds or not for every rule, with the profile\'s reason as the evidence.',
    examples: ['condition: trains-own-model'],
  },
  evaluate(id, ctx, part) {
    const settled = ctx.settled?.get(id);
    if (settled) return settled;
    const named = ctx.conditions.get(id);
    if (!named) throw new Error(`unknown condition "${id}"`);
    // A condition is a premise: one line says why it holds (or not). All its matches would push
    // aside the evidence the rule is about (training code listed under data validation).
    const outcome = part(named);
    return { ...outcome, evidence: outcome.evidence.slice(0, 1) };
  },
  conditions: (id) => [id],
  references(id, scope) {
    if (!scope.conditions.has(id)) scope.refuse(`unknown condition "${id}"${didYouMean(id, scope.conditions.keys())}`);
  },
});
