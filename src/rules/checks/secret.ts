import type { Evidence } from '../finding.js';
import { counted } from '../../util/plural.js';
import { capped, contextWords, DEFAULT_CONTEXTS } from './evidence.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z, pathContexts }: SchemaKit) =>
  z.strictObject({
    in: pathContexts.optional(),
    source: z
      .enum(['committed', 'store'])
      .optional()
      .describe('committed (default): a credential written in the files; store: a credential the project takes from a secret store by reference (`${{ secrets.X }}`, Jenkins credentials, Secret Manager versions).'),
  });

declare module '../expr.js' {
  interface CheckArguments {
    secret: ArgumentOf<typeof argument>;
  }
}

/** Values that looked like credentials and were judged not to be, shown so a reader can check the judgement. */
const SET_ASIDE_SHOWN = 3;

export const secret = defineCheck({
  name: 'secret',
  argument,
  doc: {
    summary:
      'A credential committed in the files (a cloud key, a token, a private key, a literal password…; its evidence is the problem itself, redacted, with why the value is taken for real), or with `source: store` a credential taken from a secret store by reference.',
    examples: ['secret: {}', 'secret: { in: [project, test] }', 'secret: { source: store }'],
  },
  evaluate(arg, ctx) {
    const contexts = arg.in ?? DEFAULT_CONTEXTS;
    const facts = ctx.facts.secrets;
    if (arg.source === 'store') {
      const stored = facts.stored;
      return stored.length > 0
        ? { value: true, evidence: capped(stored.map((s) => ({ kind: 'found', path: s.path, line: s.line, detail: `${s.name} from ${s.store}` })), 'secret references') }
        : { value: false, evidence: [{ kind: 'missing', detail: 'no reference to a secret store (GitHub Actions secrets, Jenkins credentials, Secret Manager, Key Vault)' }] };
    }
    const found = facts.findings.filter((f) => contexts.includes(f.context));
    if (found.length > 0) {
      return {
        value: true,
        evidence: capped(
          // A credential in the code is the problem itself, wherever the rule uses this check.
          found.map((f) => ({ kind: 'found', path: f.path, line: f.line, detail: `${f.kind}: ${f.redacted}, ${f.why}`, problem: true })),
          'suspected secrets',
        ),
      };
    }
    const elsewhere = facts.findings.filter((f) => !contexts.includes(f.context));
    const setAside = facts.setAside.filter((f) => contexts.includes(f.context));
    return {
      value: false,
      evidence: [
        { kind: 'missing', detail: `no credential${contextWords(contexts)} in ${counted(facts.filesScanned, 'file')} scanned` },
        ...elsewhere.slice(0, 3).map((f): Evidence => ({
          kind: 'found',
          counted: false,
          path: f.path,
          line: f.line,
          detail: `not counted: ${f.kind} ${f.redacted} is in ${f.context} code`,
        })),
        ...setAside.slice(0, SET_ASIDE_SHOWN).map((f): Evidence => ({
          kind: 'found',
          counted: false,
          path: f.path,
          line: f.line,
          detail: `not counted: ${f.redacted} is ${f.why}`,
        })),
      ],
    };
  },
});
