import { isMap, isScalar, parseDocument, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';
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
  /** Sets an answer; null writes a blank answer marked as skipped, with the question's help as a comment. */
  set(question: Question, value: AnswerValue | null): void;
  /**
   * The questions `init` showed and the person skipped: blank answers marked `# skipped` in YAML,
   * null in JSON. A template's blank answers were never shown, so `init` still asks them.
   */
  skipped(): Set<string>;
  toString(): string;
}

/** The comment that marks a blank YAML answer as shown and skipped; the loader ignores comments. */
const SKIPPED = 'skipped';
const SKIPPED_SUFFIX = ` · ${SKIPPED}`;

/** A comment on an answer's line without the skip mark: the user's own words, if any. */
function ownComment(comment: string | null | undefined): string | undefined {
  if (!comment || comment.trim() === SKIPPED) return undefined;
  return comment.endsWith(SKIPPED_SUFFIX) ? comment.slice(0, -SKIPPED_SUFFIX.length) : comment;
}

/** The comment on an answer's line once it is skipped (marked) or answered (unmarked). */
function skipMark(comment: string | null | undefined, skipped: boolean): string | undefined {
  const own = ownComment(comment);
  if (!skipped) return own;
  return own ? `${own}${SKIPPED_SUFFIX}` : ` ${SKIPPED}`;
}

const isSkippedComment = (comment: string | null | undefined) => Boolean(comment) && ownComment(comment) !== comment;

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
    const node = this.document.createNode(value, { flow: true }) as { comment?: string };
    const pair = map.items.find((item) => isScalar(item.key) && item.key.value === question.id) as Pair<unknown, unknown> | undefined;
    if (!pair) {
      const added = this.document.createPair(question.id, node);
      const key = added.key as { commentBefore?: string; spaceBefore?: boolean };
      // The yaml package puts `#` before each line of a comment; the space after it is the text's.
      key.commentBefore = questionComment(question, value === null).map((line) => (line ? ` ${line}` : '')).join('\n');
      key.spaceBefore = map.items.length > 0;
      node.comment = skipMark(undefined, value === null);
      map.items.push(added);
    } else if (isScalar(pair.value) && isScalar(node)) {
      // The scalar itself is updated, so a comment on its line stays where it was.
      pair.value.value = node.value;
      pair.value.comment = skipMark(pair.value.comment, value === null);
    } else {
      node.comment = skipMark(isScalar(pair.value) ? pair.value.comment : undefined, value === null);
      pair.value = node;
    }
  }

  skipped(): Set<string> {
    const current = this.document.get('answers', true);
    const items = isMap(current) ? current.items : [];
    const skipped = items.filter((item) => isScalar(item.key) && isScalar(item.value) && item.value.value === null && isSkippedComment(item.value.comment));
    return new Set(skipped.map((item) => String((item.key as Scalar).value)));
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

  skipped(): Set<string> {
    return new Set(Object.entries(this.content.answers ?? {}).filter(([, value]) => value === null).map(([id]) => id));
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
