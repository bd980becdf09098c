import { describe, expect, it } from 'vitest';
import type { Answers, AnswerValue } from '../../src/answers/types.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { Reevaluation } from '../../src/rules/reevaluation.js';
import type { Question } from '../../src/rules/types.js';
import { scanFiles } from '../../src/scan/scan.js';
import { notebook, requirements, testWorkflow, trainScript } from '../helpers/repo-snippets.js';
import { builtinRules } from '../helpers/rule-tester.js';

const facts = await scanFiles(
  {
    'notebooks/01-exploration.ipynb': notebook('import pandas as pd\ndf = pd.read_csv("data/customers.csv")', 'count  1000'),
    'src/churn/train.py': trainScript,
    'requirements.txt': requirements('pandas', 'scikit-learn==1.5.2', 'mlflow'),
    '.github/workflows/ci.yml': testWorkflow(),
    'Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "churn.serve"]\n',
    'infra/main.tf': 'resource "aws_s3_bucket" "data" {\n  bucket = "churn-data"\n}\n',
  },
  { signals: builtinRules.signals, now: new Date('2026-11-23T12:00:00Z'), name: 'churn', gitFacts: null },
);

/** A question's first or last choice, no or yes, a number, some text. */
function reply(question: Question, pick: 'first' | 'last'): AnswerValue {
  const values = question.choices?.map((choice) => choice.value) ?? [];
  const chosen = pick === 'first' ? values[0]! : values.at(-1)!;
  if (question.type === 'choice') return chosen;
  if (question.type === 'multi') return [chosen];
  if (question.type === 'boolean') return pick === 'last';
  if (question.type === 'number') return Math.max(question.min ?? 1, 1);
  return 'To be decided';
}

/** Answers as a file holds them: each new one written first, so those given before move a line down. */
function answersFile(path: string, given: Array<[string, AnswerValue]>): Answers {
  return { path, values: Object.fromEntries(given.map(([id, value], i) => [id, { value, line: given.length - i + 1 }])) };
}

describe('evaluating again as the answers change', () => {
  it('gives, after every answer, what evaluating every rule gives: answers added, moved, changed and taken back, and another file', () => {
    const rounds = new Reevaluation(builtinRules, facts);
    const given: Array<[string, AnswerValue]> = [];
    const check = (answers: Answers) => expect(rounds.findings(answers)).toEqual(evaluate(builtinRules, facts, answers));
    check(answersFile('answers.yaml', given));
    for (const question of builtinRules.questions) {
      given.push([question.id, reply(question, 'last')]);
      check(answersFile('answers.yaml', given));
    }
    // Answers changed, several at a time, as a user who edits the file between two runs.
    for (let from = 0; from < given.length; from += 8) {
      for (const entry of given.slice(from, from + 8)) entry[1] = reply(builtinRules.questions.find((question) => question.id === entry[0])!, 'first');
      check(answersFile('answers.yaml', given));
    }
    for (let taken = 1; taken <= 3; taken++) check(answersFile('answers.yaml', given.slice(taken)));
    check(answersFile('other.yaml', given));
    check(answersFile('answers.yaml', []));
  });
});
