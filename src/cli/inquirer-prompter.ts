import { checkbox, input, select, Separator } from '@inquirer/prompts';
import { Chalk } from 'chalk';
import { answerFormat } from '../answers/answer-types.js';
import type { AnswerValue } from '../answers/types.js';
import type { Question } from '../rules/types.js';
import { wrap } from '../util/wrap.js';
import { PromptInterrupted, SKIP, type Prompter, type QuestionPrompt, type Reply } from './prompter.js';

interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number };
}

const SKIP_LABEL = 'Skip for now (it stays unanswered)';
/** The explicit "none" of a multi-choice; no choice value can collide with it (ids are slugs). */
const NONE_VALUE = '\u0000none';
const NONE_LABEL = 'None of these';

/** What a person picks from for a yes/no, choice or multi-choice question, in the words they read. */
function optionsOf(question: Question): Array<{ value: string | boolean; name: string }> {
  if (question.type === 'boolean') return [{ value: true, name: 'Yes' }, { value: false, name: 'No' }];
  return (question.choices ?? []).map((choice) => ({ value: choice.value, name: choice.label }));
}

/** An answer as the person reads it: a choice's label rather than its id, "Yes" rather than true. */
export function answerText(question: Question, value: AnswerValue): string {
  const names = new Map<AnswerValue, string>(optionsOf(question).map((option) => [option.value, option.name]));
  if (Array.isArray(value)) return value.length === 0 ? NONE_LABEL : value.map((item) => names.get(item) ?? item).join('; ');
  return names.get(value) ?? `${value}${question.type === 'number' && question.unit ? ` ${question.unit}` : ''}`;
}

/** A typed number: digits with an optional decimal point; spaces and underscores group digits. */
export function parseNumber(text: string, question: Question): number | string {
  const compact = text.replace(/[\s_]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(compact)) {
    return compact.includes(',') ? 'Use a dot for decimals and no thousands separators, e.g. 250000 or 2.5' : `Expected ${answerFormat(question)}`;
  }
  const value = Number(compact);
  if (question.min !== undefined && value < question.min) return `Must be at least ${question.min}`;
  if (question.max !== undefined && value > question.max) return `Must be at most ${question.max}`;
  return value;
}

/** Ctrl+C in a prompt rejects with inquirer's ExitPromptError; `init` sees it as an interruption. */
async function guard<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') throw new PromptInterrupted();
    throw error;
  }
}

/**
 * Questions in a terminal, with inquirer: a list to pick from, boxes to tick, or a line to type.
 * Enter alone never answers: a list starts on "Skip", Enter with nothing ticked or typed skips,
 * and a suggestion from the scan is shown and marked, never preselected.
 */
export function inquirerPrompter(terminal: Terminal, color: boolean): Prompter {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const context = { input: terminal.input, output: terminal.output };
  const width = () => Math.max(40, Math.min(100, (terminal.output.columns ?? 80) - 4));
  const say = (text: string) => terminal.output.write(`${text}\n`);

  const ask = async ({ question, categoryTitle, position, total, suggestion, ruleIds, decidesScope }: QuestionPrompt): Promise<Reply> => {
    say('');
    say(chalk.bold.cyan(`${position}/${total} · ${categoryTitle}`) + chalk.gray(`  ${question.id} · ${decidesScope ? 'decides which rules apply' : `can settle ${ruleIds.join(', ')}`}`));
    for (const line of wrap(question.help, width())) say(chalk.gray(`  ${line}`));
    if (suggestion) {
      for (const line of wrap(`Suggested from the scan: ${answerText(question, suggestion.value)} (${suggestion.because})`, width())) say(chalk.green(`  ${line}`));
    }
    const suggested = new Set<AnswerValue>(suggestion ? (Array.isArray(suggestion.value) ? suggestion.value : [suggestion.value]) : []);
    const options = optionsOf(question).map((option) => ({ ...option, name: suggested.has(option.value) ? `${option.name} (suggested)` : option.name }));
    switch (question.type) {
      case 'choice':
      case 'boolean':
        return guard(select<Reply>({ message: question.text, choices: [{ value: SKIP, name: SKIP_LABEL }, new Separator(), ...options], default: SKIP, pageSize: 12, loop: true }, context));
      case 'multi': {
        const picked = await guard(
          checkbox<string>(
            {
              message: `${question.text} (space ticks, enter confirms; enter with nothing ticked skips)`,
              choices: [...(options as Array<{ value: string; name: string }>), new Separator(), { value: NONE_VALUE, name: NONE_LABEL }],
              validate: (items) => (items.some((item) => item.value === NONE_VALUE) && items.length > 1 ? `Either "${NONE_LABEL}", or tick answers: not both` : true),
              pageSize: 12,
              loop: true,
            },
            context,
          ),
        );
        if (picked.length === 0) return SKIP;
        return picked.includes(NONE_VALUE) ? [] : picked;
      }
      case 'number': {
        const typed = await guard(
          input(
            {
              message: `${question.text}${question.unit ? ` (${question.unit})` : ''} (enter on an empty line skips)`,
              validate: (text) => text.trim() === '' || typeof parseNumber(text, question) === 'number' || (parseNumber(text, question) as string),
            },
            context,
          ),
        );
        return typed.trim() === '' ? SKIP : (parseNumber(typed, question) as number);
      }
      case 'text': {
        const typed = await guard(input({ message: `${question.text} (enter on an empty line skips)` }, context));
        return typed.trim() === '' ? SKIP : typed.trim();
      }
    }
  };

  return {
    ask,
    choose: (message, choices) => guard(select({ message, choices: [...choices], loop: true }, context)),
    say,
  };
}
