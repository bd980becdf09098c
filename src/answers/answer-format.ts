import type { Question } from '../rules/types.js';

/**
 * What an answer to the question looks like, in words, for the template and the prompts:
 * "a number ≥ 0, in currency per year", "one of the choices below".
 */
export function answerFormat(question: Question): string {
  switch (question.type) {
    case 'boolean':
      return 'true or false';
    case 'number': {
      const bounds = [question.min !== undefined ? `≥ ${question.min}` : '', question.max !== undefined ? `≤ ${question.max}` : ''].filter(Boolean).join(' and ');
      return `a number${bounds ? ` ${bounds}` : ''}${question.unit ? `, in ${question.unit}` : ''}`;
    }
    case 'choice':
      return 'one of the values below';
    case 'multi': {
      const [first = 'a', second = 'b'] = question.choices?.map((choice) => choice.value) ?? [];
      return `a list of the values below, e.g. [${first}, ${second}]; [] for none of them`;
    }
    case 'text':
      return 'text, in quotes';
  }
}
