import type { Facts } from '../../scan/facts.js';
import type { Evidence } from '../finding.js';
import { didYouMean } from '../../util/suggest.js';
import { alternatives } from './evidence.js';
import { FACT_WORDS } from './fact-words.js';
import { type ArgumentOf, defineCheck, type SchemaKit } from './kind.js';

const argument = ({ z }: SchemaKit) =>
  z
    .strictObject({
      path: z
        .string()
        .regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/)
        .describe('A dotted path into the facts (`scale-audit scan . --json` prints them), e.g. notebooks.notebookShare or git.topAuthorShare12m.'),
      exists: z.boolean().optional().describe('true: the value is present and not empty; false: it is absent or empty.'),
      equals: z.unknown().optional().describe('The value equals this one.'),
      in: z.array(z.unknown()).min(1).optional().describe('The value is one of these.'),
      gte: z.number().optional().describe('The number (a list: its length) is at least this.'),
      lte: z.number().optional().describe('The number (a list: its length) is at most this.'),
      gt: z.number().optional().describe('The number (a list: its length) is more than this.'),
      lt: z.number().optional().describe('The number (a list: its length) is less than this.'),
    })
    .meta({ minProperties: 2 });

declare module '../expr.js' {
  interface CheckArguments {
    fact: ArgumentOf<typeof argument>;
  }
}

/**
 * The value at a dotted path in Facts. `absent` names the first part of the path that is null
 * (`git` outside a repository): a fact about something that does not exist is false, not unknown.
 */
function factValue(facts: Facts, path: string): { value: unknown; absent: string | null } {
  let value: unknown = facts;
  const keys = path.split('.');
  for (const [i, key] of keys.entries()) {
    if (value === null && i > 0) return { value: undefined, absent: keys.slice(0, i).join('.') };
    if (value === null || typeof value !== 'object') return { value: undefined, absent: null };
    value = (value as Record<string, unknown>)[key];
  }
  return { value, absent: null };
}

/** An item of a fact list by what identifies it to a reader: its path, or its name. */
function itemName(item: unknown): string {
  if (item && typeof item === 'object') {
    const record = item as Record<string, unknown>;
    const name = record.path ?? record.name ?? record.id;
    if (typeof name === 'string') return name;
  }
  return typeof item === 'string' ? item : JSON.stringify(item);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const shown = value.slice(0, 5).map(itemName).join(', ');
    return value.length > 5 ? `${shown} and ${value.length - 5} more` : shown;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (value && typeof value === 'object') return itemName(value);
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The value as a reader is told it: in words where the path has them, else `path = value`. */
function said(path: string, value: unknown): string {
  const words = FACT_WORDS[path];
  return words ? words.say(value, describe) : `${path} = ${describe(value)}`;
}

/** The items of a list fact that say where they are, as evidence found there (the first few), when the path has words for one item. */
function locatedItems(path: string, value: unknown): Evidence[] {
  const item = FACT_WORDS[path]?.item;
  if (!item || !Array.isArray(value)) return [];
  return value
    .filter((entry): entry is Record<string, unknown> & { path: string; line: number } => typeof entry?.path === 'string' && typeof entry?.line === 'number')
    .slice(0, MAX_LOCATED)
    .map((entry) => ({ kind: 'found', path: entry.path, line: entry.line, detail: item(entry) }));
}

const MAX_LOCATED = 5;

/** What was expected, in words: "needs at least 2", "needs less than 50%". */
function needs(path: string, expectations: ReadonlyArray<[string, number]>): string {
  const bound = (value: number) => (FACT_WORDS[path]?.share ? `${Math.round(value * 100)}%` : String(value));
  return `needs ${expectations.map(([op, value]) => `${OPERATOR_WORDS[op]} ${bound(value)}`).join(' and ')}`;
}

const OPERATOR_WORDS: Record<string, string> = { '≥': 'at least', '≤': 'at most', '>': 'more than', '<': 'less than' };

export const fact = defineCheck({
  name: 'fact',
  argument,
  doc: {
    summary:
      'A value of the scan compares as given: present or absent, equal to a value or one of several, or within numeric bounds (a list compares by its length). A path through something absent (`git` outside a repository) holds only for `exists: false`; a bound on a value that is not a number is unknown.',
    examples: ['fact: { path: notebooks.notebookShare, lt: 0.5 }', 'fact: { path: git.contributors, gte: 2 }'],
  },
  evaluate(arg, ctx) {
    const { value, absent } = factValue(ctx.facts, arg.path);
    if (absent !== null) {
      const holds = arg.exists === false;
      return { value: holds, evidence: [{ kind: 'fact', detail: absent === 'git' ? 'not a git repository' : FACT_WORDS[arg.path] ? said(arg.path, undefined) : `${absent} is absent` }] };
    }
    const comparisons: Array<[string, number | undefined, (a: number, b: number) => boolean]> = [
      ['≥', arg.gte, (a, b) => a >= b],
      ['≤', arg.lte, (a, b) => a <= b],
      ['>', arg.gt, (a, b) => a > b],
      ['<', arg.lt, (a, b) => a < b],
    ];
    const present = value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
    if (arg.exists !== undefined) {
      const empty = FACT_WORDS[arg.path] ? said(arg.path, value) : `${arg.path} is empty or absent`;
      const located = present ? locatedItems(arg.path, value) : [];
      return { value: present === arg.exists, evidence: located.length > 0 ? located : [{ kind: 'fact', detail: present ? said(arg.path, value) : empty }] };
    }
    if (arg.equals !== undefined || arg.in !== undefined) {
      const expected = arg.in ?? [arg.equals];
      const holds = expected.some((option) => JSON.stringify(value) === JSON.stringify(option));
      return {
        value: holds,
        evidence: [{ kind: 'fact', detail: `${said(arg.path, value)}${holds ? '' : ` (needs ${alternatives([...new Set(expected.map((option) => FACT_WORDS[arg.path]?.need?.(option) ?? describe(option)))])})`}` }],
      };
    }
    const numeric = Array.isArray(value) ? value.length : value;
    if (typeof numeric !== 'number') {
      return { value: null, evidence: [{ kind: 'fact', detail: `${arg.path} is not known` }] };
    }
    const failed = comparisons.filter(([, bound, holds]) => bound !== undefined && !holds(numeric, bound));
    const expectations = comparisons.filter(([, bound]) => bound !== undefined).map(([op, bound]): [string, number] => [op, bound!]);
    return {
      value: failed.length === 0,
      evidence: [{ kind: 'fact', detail: `${said(arg.path, FACT_WORDS[arg.path] ? value : numeric)}${failed.length === 0 ? '' : ` (${needs(arg.path, expectations)})`}` }],
    };
  },
  references(arg, scope) {
    const root = arg.path.split('.')[0]!;
    if (!scope.factRoots.includes(root)) {
      scope.refuse(`unknown fact "${root}"${didYouMean(root, scope.factRoots)}; facts start with one of: ${scope.factRoots.join(', ')}`, ['path']);
    }
  },
});
