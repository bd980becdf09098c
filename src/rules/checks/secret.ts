import type { Evidence } from '../finding.js';
import { capped, contextWords, DEFAULT_CONTEXTS } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z, pathContexts }: SchemaKit) => z.strictObject({ in: pathContexts.optional() });

declare module '../expr.js' {
  interface CheckArguments {
    secret: ArgumentOf<typeof argument>;
  }
}

export const secret = defineCheck({
  name: 'secret',
  argument,
  doc: {
    summary: 'A credential pattern (a cloud key, a token, a private key…) matched in the files; its evidence is the problem itself, redacted.',
    examples: ['secret: {}', 'secret: { in: [project, test] }'],
  },
  evaluate(arg, ctx) {
    const contexts = arg.in ?? DEFAULT_CONTEXTS;
    const found = ctx.facts.secrets.findings.filter((f) => contexts.includes(f.context));
    if (found.length > 0) {
      return {
        value: true,
        evidence: capped(
          // A credential in the code is the problem itself, wherever the rule uses this check.
          found.map((f) => ({ kind: 'found', path: f.path, line: f.line, detail: `${f.kind}: ${f.redacted}`, problem: true })),
          'suspected secrets',
        ),
      };
    }
    const elsewhere = ctx.facts.secrets.findings.filter((f) => !contexts.includes(f.context));
    return {
      value: false,
      evidence: [
        { kind: 'missing', detail: `no credential pattern${contextWords(contexts)} in ${ctx.facts.secrets.filesScanned} files scanned` },
        ...elsewhere.slice(0, 3).map((f): Evidence => ({
          kind: 'found',
          counted: false,
          path: f.path,
          line: f.line,
          detail: `not counted: ${f.kind} ${f.redacted} is in ${f.context} code`,
        })),
      ],
    };
  },
});
