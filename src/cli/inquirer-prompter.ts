import { checkbox, input, select, Separator } from '@inquirer/prompts';
import { Chalk } from 'chalk';
import { answerFormat } from '../answers/answer-format.js';
import type { AnswerValue } from '../answers/types.js';
import type { Question } from '../rules/types.js';
import { wrap } from '../util/wrap.js';
import { PromptInterrupted, SKIP, type Prompter, type QuestionPrompt, type Reply } from './prompter.js';

interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { columns?: number };
}

const SKIP_LABEL = 'Skip for now (it stays unanswered)';
/** A list answer that includes this is a skip; no choice value can collide with it (ids are slugs). */
const SKIP_VALUE = '\u0000skip';

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

/** Questions in a terminal, with inquirer: a list to pick from, boxes to tick, or a line to type. */
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
      const value = Array.isArray(suggestion.value) ? suggestion.value.join(', ') : String(suggestion.value);
      for (const line of wrap(`Suggested from the scan: ${value} (${suggestion.because})`, width())) say(chalk.green(`  ${line}`));
    }
    switch (question.type) {
      case 'choice':
      case 'boolean': {
        const choices = question.type === 'boolean' ? [{ value: true, name: 'Yes' }, { value: false, name: 'No' }] : question.choices!.map((choice) => ({ value: choice.value as AnswerValue, name: choice.label }));
        return guard(select<Reply>({ message: question.text, choices: [...choices, new Separator(), { value: SKIP, name: SKIP_LABEL }], default: suggestion?.value, pageSize: 12, loop: false }, context));
      }
      case 'multi': {
        const chosen = new Set(Array.isArray(suggestion?.value) ? suggestion.value : []);
        const picked = await guard(
          checkbox<string>(
            {
              message: `${question.text} (space ticks, enter confirms; none ticked means none of them)`,
              choices: [...question.choices!.map((choice) => ({ value: choice.value, name: choice.label, checked: chosen.has(choice.value) })), new Separator(), { value: SKIP_VALUE, name: SKIP_LABEL }],
              validate: (items) => (items.some((item) => item.value === SKIP_VALUE) && items.length > 1 ? 'Either skip, or tick answers: not both' : true),
              pageSize: 12,
              loop: false,
            },
            context,
          ),
        );
        return picked.includes(SKIP_VALUE) ? SKIP : picked;
      }
      case 'number': {
        const typed = await guard(
          input(
            {
              message: `${question.text}${question.unit ? ` (${question.unit})` : ''}`,
              default: suggestion ? String(suggestion.value) : undefined,
              validate: (text) => text.trim() === '' || typeof parseNumber(text, question) === 'number' || (parseNumber(text, question) as string),
            },
            context,
          ),
        );
        return typed.trim() === '' ? SKIP : (parseNumber(typed, question) as number);
      }
      case 'text': {
        const typed = await guard(input({ message: `${question.text} (enter on an empty line skips)`, default: suggestion ? String(suggestion.value) : undefined }, context));
        return typed.trim() === '' ? SKIP : typed.trim();
      }
    }
  };

  return {
    ask,
    choose: (message, choices) => guard(select({ message, choices: [...choices] }, context)),
    say,
  };
}
