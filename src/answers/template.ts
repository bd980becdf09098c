import type { Category, Question } from '../rules/types.js';
import { printable } from '../util/printable.js';
import { wrap } from '../util/wrap.js';
import { answerFormat } from './answer-types.js';
import { ANSWERS_SCHEMA_URL } from './schema.js';
import { ANSWERS_FORMAT_VERSION } from './types.js';

/** Comment lines are kept to this width, so the file reads well in any editor. */
const WIDTH = 96;

export interface TemplateTarget {
  /** The audited directory as the user named it, for the commands the header shows. */
  path: string;
  /** The answers file as the user named it. */
  file: string;
}

/** The comment block at the top of every answers file scale-audit writes (without `#`). */
export function headerLines(target: TemplateTarget): string[] {
  return [
    `yaml-language-server: $schema=${ANSWERS_SCHEMA_URL}`,
    '',
    'scale-audit questionnaire: what no repository shows (owners, budget, KPIs, regulation).',
    'Answer what you know and leave the rest blank: a blank answer counts as unanswered.',
    `Answer in a terminal:  scale-audit init ${target.path} --answers ${target.file}`,
    `Use the answers:       scale-audit ${target.path} --answers ${target.file}`,
    'Mistakes are reported with their line; a question added in a later version shows up as unanswered.',
  ];
}

/** Comment lines (without `#`) that tell whoever fills the file what a question asks and accepts. */
export function questionComment(question: Question, full: boolean): string[] {
  const lines = wrap(question.text, WIDTH);
  if (!full) return lines;
  lines.push(`  Answer: ${answerFormat(question)}.`);
  const choices = question.choices ?? [];
  const column = Math.max(0, ...choices.map((choice) => choice.value.length));
  for (const choice of choices) {
    const [first = '', ...rest] = wrap(choice.label, WIDTH - column - 6);
    lines.push(`    ${choice.value.padEnd(column)}  ${first}`, ...rest.map((line) => `    ${' '.repeat(column)}  ${line}`));
  }
  lines.push(...wrap(question.help, WIDTH - 2).map((line) => `  ${line}`));
  return lines;
}

/** Comment lines; a line break inside one (a directory named with one) would end the comment and break the YAML. */
export function commentBlock(lines: readonly string[], indent: string): string {
  return lines.map((line) => (line ? `${indent}# ${printable(line)}` : `${indent}#`)).join('\n');
}

/** The heading of a category's questions in the template. */
function categoryHeading(category: Category): string {
  return `── ${category.title} ${'─'.repeat(Math.max(3, WIDTH - category.title.length - 4))}`;
}

/**
 * A commented answers file listing every question, grouped by category in the packs' order, each
 * with its type, its allowed values and its help, and a blank answer: ready to fill in an editor.
 */
export function answersTemplate(questions: readonly Question[], categories: readonly Category[], target: TemplateTarget): string {
  const out = [commentBlock(headerLines(target), ''), `version: ${ANSWERS_FORMAT_VERSION}`, 'answers:'];
  for (const category of categories) {
    const own = questions.filter((question) => question.category === category.id);
    if (own.length === 0) continue;
    out.push('', commentBlock([categoryHeading(category)], '  '));
    for (const question of own) out.push('', commentBlock(questionComment(question, true), '  '), `  ${question.id}:`);
  }
  return `${out.join('\n')}\n`;
}
