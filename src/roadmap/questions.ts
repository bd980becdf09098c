import type { Answers } from '../answers/types.js';
import type { Finding } from '../rules/finding.js';
import type { Question } from '../rules/types.js';
import { SEVERITY_WEIGHTS } from '../score/score.js';
import { compareStrings } from '../util/compare.js';

export interface OpenQuestion {
  id: string;
  category: string;
  text: string;
  help: string;
  type: Question['type'];
  choices: string[];
  /** Rules left unknown, or held at partial, for want of this answer. */
  ruleIds: string[];
  /** How much answering could move the score: the severity weight of those rules, halved for a partial. */
  impact: number;
}

/**
 * The unanswered questions that leave rules unknown, or that could lift a partial result, those
 * that could move the score most first. This is what the report tells a user to answer next.
 */
export function openQuestions(findings: readonly Finding[], questions: readonly Question[], answers: Answers): OpenQuestion[] {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const open = new Map<string, OpenQuestion>();
  for (const finding of findings) {
    if (finding.status !== 'unknown' && finding.status !== 'partial') continue;
    for (const id of finding.questions) {
      const question = byId.get(id);
      if (!question || answers.values[id]) continue;
      let entry = open.get(id);
      if (!entry) {
        entry = {
          id,
          category: question.category,
          text: question.text,
          help: question.help,
          type: question.type,
          choices: question.choices?.map((choice) => choice.value) ?? [],
          ruleIds: [],
          impact: 0,
        };
        open.set(id, entry);
      }
      entry.ruleIds.push(finding.ruleId);
      entry.impact += SEVERITY_WEIGHTS[finding.severity] * (finding.status === 'partial' ? 0.5 : 1);
    }
  }
  return [...open.values()].sort((a, b) => b.impact - a.impact || compareStrings(a.id, b.id));
}
