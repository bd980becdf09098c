import { isMap, isScalar, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import type { Question } from '../rules/types.js';
import { commentBlock, headerLines, questionComment, type TemplateTarget } from './template.js';
import { ANSWERS_FORMAT_VERSION, type AnswerValue } from './types.js';

/**
 * An answers file being filled in by `init`: each answer is written into the user's own file, so
 * their comments, blank lines and order survive. YAML is edited through the `yaml` package's
 * Document API (never re-serialised from plain values); JSON has no comments, so it is rewritten
 * with its keys in their order.
 */
export interface AnswersDocument {
  /** Sets an answer; null writes a blank (skipped) answer, with the question's help as a comment. */
  set(question: Question, value: AnswerValue | null): void;
  toString(): string;
}

const YAML_OUTPUT = { nullStr: '', flowCollectionPadding: false, lineWidth: 0 } as const;

class YamlAnswers implements AnswersDocument {
  constructor(private readonly document: Document.Parsed) {}

  private answersMap(): YAMLMap {
    const current = this.document.get('answers', true);
    if (isMap(current)) return current;
    // `answers:` left empty: give it a mapping, keeping any comment that was on it.
    const map = this.document.createNode({}) as YAMLMap;
    if (isScalar(current) && current.comment) map.commentBefore = current.comment;
    this.document.set('answers', map);
    return map;
  }

  set(question: Question, value: AnswerValue | null): void {
    const map = this.answersMap();
    const node = this.document.createNode(value, { flow: true });
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === question.id) as Pair<unknown, unknown> | undefined;
    if (!pair) {
      const added = this.document.createPair(question.id, node);
      const key = added.key as { commentBefore?: string; spaceBefore?: boolean };
      // The yaml package puts `#` before each line of a comment; the space after it is the text's.
      key.commentBefore = questionComment(question, value === null).map((line) => (line ? ` ${line}` : '')).join('\n');
      key.spaceBefore = map.items.length > 0;
      map.items.push(added);
    } else if (isScalar(pair.value) && isScalar(node)) {
      // The scalar itself is updated, so a comment on its line stays where it was.
      pair.value.value = node.value;
    } else {
      if (isScalar(pair.value) && pair.value.comment) (node as { comment?: string }).comment = pair.value.comment;
      pair.value = node;
    }
  }

  toString(): string {
    return this.document.toString(YAML_OUTPUT);
  }
}

class JsonAnswers implements AnswersDocument {
  constructor(private readonly content: { version: number; answers: Record<string, unknown> | null } & Record<string, unknown>) {}

  set(question: Question, value: AnswerValue | null): void {
    this.content.answers = { ...this.content.answers, [question.id]: value };
  }

  toString(): string {
    return `${JSON.stringify(this.content, null, 2)}\n`;
  }
}

const isJson = (file: string) => file.toLowerCase().endsWith('.json');

/** A new answers file: the header (with the schema reference for editors) and no answers yet. */
export function newAnswersDocument(target: TemplateTarget): AnswersDocument {
  if (isJson(target.file)) return new JsonAnswers({ version: ANSWERS_FORMAT_VERSION, answers: {} });
  return new YamlAnswers(parseDocument(`${commentBlock(headerLines(target), '')}\nversion: ${ANSWERS_FORMAT_VERSION}\nanswers:\n`));
}

/** An existing answers file, already checked by the loader (so it parses and has the right shape). */
export function openAnswersDocument(file: string, text: string): AnswersDocument {
  if (isJson(file)) return new JsonAnswers(JSON.parse(text) as ConstructorParameters<typeof JsonAnswers>[0]);
  return new YamlAnswers(parseDocument(text));
}
