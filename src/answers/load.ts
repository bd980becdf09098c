import { z } from 'zod';
import type { Question } from '../rules/types.js';
import { InputError } from '../util/errors.js';
import { DOCUMENT_BYTES, readBoundedText } from '../util/read-bounded.js';
import { didYouMean } from '../util/suggest.js';
import { inputErrorAt, parseYamlSource, positionOf } from '../util/yaml-source.js';
import { ANSWER_TYPES } from './answer-types.js';
import { ANSWERS_FORMAT_VERSION, type Answer, type Answers } from './types.js';

const answersFile = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(ANSWERS_FORMAT_VERSION, { error: `must be ${ANSWERS_FORMAT_VERSION} (the answers format version)` }),
    answers: z.record(z.string(), z.unknown(), { error: 'must be a mapping of question ids to answers' }).nullable(),
  })
  .strict();

/** The wrong answer as the message quotes it: enough to recognise, never a whole pasted document. */
function quoted(value: unknown): string {
  const json = JSON.stringify(value);
  return json.length <= 80 ? json : `${json.slice(0, 79)}…`;
}

/**
 * Reads a questionnaire answers file (YAML or JSON):
 *
 *     version: 1
 *     answers:
 *       team.owner-named: true
 *
 * An empty answer (`key:` with no value) counts as unanswered, so a filled-in template may leave
 * questions blank.
 */
export async function loadAnswers(file: string, questions: readonly Question[]): Promise<Answers> {
  const text = await readBoundedText(file, { what: 'answers file', maxBytes: DOCUMENT_BYTES });
  const source = parseYamlSource(file, text);
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw new InputError('expected a mapping with "version" and "answers"', file, 1, 1);
  }
  const top = answersFile.safeParse(source.value);
  if (!top.success) {
    // A misspelt key explains a "missing" one, so it is reported first.
    const issues = top.error.issues;
    const issue = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      throw inputErrorAt(source, [key], `unknown key "${key}"${didYouMean(key, ['version', 'answers', '$schema'])}; an answers file has "version" and "answers"`, true);
    }
    const key = String(issue.path[0]);
    const missing = !(key in (source.value as object));
    throw inputErrorAt(source, [key], missing ? `missing "${key}"${key === 'version' ? ` (add "version: ${ANSWERS_FORMAT_VERSION}" at the top)` : ''}` : `${key}: ${issue.message}`);
  }

  const byId = new Map(questions.map((question) => [question.id, question]));
  // The file's own keys: the parsed copy leaves out a `__proto__` key rather than report it.
  for (const id of Object.keys((source.value as { answers?: object | null }).answers ?? {})) {
    if (!byId.has(id)) throw inputErrorAt(source, ['answers', id], `unknown question "${id}"${didYouMean(id, byId.keys())}`, true);
  }
  const values: Record<string, Answer> = {};
  for (const [id, raw] of Object.entries(top.data.answers ?? {})) {
    const question = byId.get(id)!;
    if (raw === null || raw === undefined) continue;
    const parsed = ANSWER_TYPES[question.type].schema(z, question).safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw inputErrorAt(source, ['answers', id, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))], `${id}: ${issue.message}, got ${quoted(raw)}`);
    }
    values[id] = { value: parsed.data, line: positionOf(source, ['answers', id]).line };
  }
  return { path: file, values };
}
