import type { Answer, Answers, AnswerValue } from '../answers/types.js';
import { NO_ANSWERS } from '../answers/types.js';
import type { Facts } from '../scan/facts.js';
import type { EvalContext } from './context.js';
import { evalContext, evaluateRule } from './evaluate.js';
import type { Finding } from './finding.js';
import type { RuleSet } from './types.js';

/** The answers a rule's evaluation looked at: their ids, or every one when it listed them all. */
type Read = ReadonlySet<string> | 'all';

/** The values, watched: which ids are looked up (read, or tested for), and whether they are listed. */
function watched(values: Answers['values']): { values: Answers['values']; read: () => Read } {
  const ids = new Set<string>();
  let all = false;
  const proxy = new Proxy(values, {
    get(target, id, receiver) {
      if (typeof id === 'string') ids.add(id);
      return Reflect.get(target, id, receiver);
    },
    has(target, id) {
      if (typeof id === 'string') ids.add(id);
      return Reflect.has(target, id);
    },
    getOwnPropertyDescriptor(target, id) {
      if (typeof id === 'string') ids.add(id);
      return Reflect.getOwnPropertyDescriptor(target, id);
    },
    ownKeys(target) {
      all = true;
      return Reflect.ownKeys(target);
    },
  });
  return { values: proxy, read: () => (all ? 'all' : ids) };
}

function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/** The same answer on the same line: what a finding cites of it. */
function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (!a || !b) return a === b;
  return a.line === b.line && sameValue(a.value, b.value);
}

function changed(read: Read, before: Answers, after: Answers): boolean {
  if (read === 'all' || before.path !== after.path) return true;
  for (const id of read) if (!sameAnswer(before.values[id], after.values[id])) return true;
  return false;
}

/**
 * The findings for the same facts as the answers change, as `init` asks one question after
 * another: a rule is evaluated again only when an answer it looked at last time changed, in value
 * or in line (each saved answer can move the lines of those below it), or the file did. What a
 * rule reads is watched as it runs, so a plugin's check kinds are covered as the built-in ones are.
 * `findings(answers)` gives what `evaluate(ruleSet, facts, answers)` gives.
 */
export class Reevaluation {
  /** One context for every round: the file lookups it works out serve them all. */
  private readonly shared: EvalContext;
  private last: { answers: Answers; findings: Finding[]; reads: Read[] } | null = null;

  constructor(
    private readonly ruleSet: RuleSet,
    facts: Facts,
  ) {
    this.shared = evalContext(ruleSet, facts, NO_ANSWERS);
  }

  /** What expressions are evaluated against, with these answers. */
  context(answers: Answers): EvalContext {
    return { ...this.shared, answers };
  }

  findings(answers: Answers): Finding[] {
    const last = this.last;
    const reads: Read[] = [];
    const findings = this.ruleSet.rules.map((rule, i) => {
      if (last && !changed(last.reads[i]!, last.answers, answers)) {
        reads.push(last.reads[i]!);
        return last.findings[i]!;
      }
      const { values, read } = watched(answers.values);
      const finding = evaluateRule(rule, this.context({ path: answers.path, values }));
      reads.push(read());
      return finding;
    });
    this.last = { answers, findings, reads };
    return findings;
  }
}
