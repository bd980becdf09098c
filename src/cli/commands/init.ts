import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openAnswersDocument, newAnswersDocument, type AnswersDocument } from '../../answers/document.js';
import { loadAnswers } from '../../answers/load.js';
import { DEFAULT_ANSWERS_FILE } from '../../answers/types.js';
import { nextQuestion, rankCategories, scopeQuestions, suggestionFor, type QuestionOrder } from '../../answers/questionnaire.js';
import { answersTemplate, type TemplateTarget } from '../../answers/template.js';
import type { Answers } from '../../answers/types.js';
import { evaluate } from '../../rules/evaluate.js';
import type { LoadedRuleSet } from '../../rules/load.js';
import { Reevaluation } from '../../rules/reevaluation.js';
import { openQuestions } from '../../roadmap/questions.js';
import { guardRules } from '../../score/guards.js';
import { scoreFindings, type Summary } from '../../score/score.js';
import type { Facts } from '../../scan/facts.js';
import { scan } from '../../scan/scan.js';
import { InputError } from '../../util/errors.js';
import { DOCUMENT_BYTES, readBoundedTextIfExists } from '../../util/read-bounded.js';
import { auditDate, notice, type CliIO } from '../io.js';
import { PromptInterrupted, SKIP, type Prompter } from '../prompter.js';
import { loadRules, type RuleFlags } from '../rule-flags.js';
import { writeOutputs } from '../write-outputs.js';

/** The shell's code for a run stopped with Ctrl+C; the answers given so far are saved. */
export const EXIT_INTERRUPTED = 130;

export interface InitFlags extends RuleFlags {
  answers?: string;
  template?: boolean;
  force?: boolean;
}

async function requireDirectory(path: string): Promise<void> {
  const stats = await stat(path).catch(() => null);
  if (!stats) throw new InputError(`no such directory: ${path}`);
  if (!stats.isDirectory()) throw new InputError(`not a directory: ${path}`);
}

async function readIfExists(file: string): Promise<string | null> {
  return readBoundedTextIfExists(file, { what: 'answers file', maxBytes: DOCUMENT_BYTES });
}

/** Without a person to ask (no terminal) or with --template: every question, commented, for an editor. */
async function writeTemplate(ruleSet: LoadedRuleSet, target: TemplateTarget, existing: string | null, flags: InitFlags, io: CliIO): Promise<number> {
  if (target.file.toLowerCase().endsWith('.json')) throw new InputError('a template explains each question in comments, which JSON cannot hold: name a .yaml file', target.file);
  if (existing !== null && !flags.force) {
    const ways = flags.template
      ? 'pass --force to replace it with a blank template, or name another file with --answers'
      : 'without a terminal init can only write a blank template: run init in a terminal to continue answering, fill the file in an editor, or pass --force to replace it with a blank template';
    throw new InputError(`${target.file} already exists, so nothing was written; ${ways}`);
  }
  await writeOutputs([{ path: target.file, content: answersTemplate(ruleSet.questions, ruleSet.categories, target) }]);
  const why = flags.template ? '' : ' (no terminal to ask in)';
  notice(io, `wrote ${target.file}, a template of ${ruleSet.questions.length} questions to fill in${why}. Then run: scale-audit ${target.path} --answers ${target.file}`);
  return 0;
}

interface Session {
  ruleSet: LoadedRuleSet;
  facts: Facts;
  target: TemplateTarget;
  document: AnswersDocument;
  prompter: Prompter;
  /** Questions shown in an earlier session and skipped there: "Continue" does not ask them again. */
  shownBefore: ReadonlySet<string>;
}

/** What the questionnaire did so far: kept up to date as it goes, so that an interruption can say. */
interface Progress {
  answered: number;
  skipped: number;
  /** Open questions not shown yet, as of the last one asked. */
  notAsked: number;
}

/**
 * Asks, one at a time, the open questions that can still change a finding and were never shown,
 * and saves the file after every reply, so that stopping loses nothing. Returns the answers as saved.
 */
async function interview({ ruleSet, facts, target, document, prompter, shownBefore }: Session, start: Answers, progress: Progress): Promise<Answers> {
  const titles = new Map(ruleSet.categories.map((category) => [category.id, category.title]));
  const questions = new Map(ruleSet.questions.map((question) => [question.id, question]));
  const shown = new Set(shownBefore);
  const scope = scopeQuestions(ruleSet);
  const packOrder = new Map(ruleSet.questions.map((question, i) => [question.id, i]));
  // The facts hold still while the answers change: only the rules an answer can move are evaluated again.
  const rounds = new Reevaluation(ruleSet, facts);
  let answers = start;
  let order: QuestionOrder | null = null;
  for (let position = 1; ; position += 1) {
    const open = openQuestions(rounds.findings(answers), ruleSet.questions, answers);
    order ??= { ranking: rankCategories(open, ruleSet.categories), scope, packOrder };
    progress.notAsked = open.filter((candidate) => !shown.has(candidate.id)).length;
    const next = nextQuestion(open, shown, order);
    if (!next) return answers;
    const question = questions.get(next.id)!;
    const reply = await prompter.ask({
      question,
      categoryTitle: titles.get(question.category) ?? question.category,
      position,
      total: position - 1 + progress.notAsked,
      suggestion: suggestionFor(question, rounds.context(answers)),
      ruleIds: next.ruleIds,
      decidesScope: scope.has(question.id),
    });
    shown.add(question.id);
    document.set(question, reply === SKIP ? null : reply);
    await writeOutputs([{ path: target.file, content: document.toString() }]);
    if (reply === SKIP) progress.skipped += 1;
    else progress.answered += 1;
    // Read back what was written: the loader checks it, and gives each answer its line.
    answers = await loadAnswers(target.file, ruleSet.questions);
  }
}

function summaryOf(ruleSet: LoadedRuleSet, facts: Facts, answers: Answers, guards: ReadonlySet<string>): Summary {
  return scoreFindings(evaluate(ruleSet, facts, answers), ruleSet.categories, guards).summary;
}

const scoreText = (summary: Summary) => (summary.score === null ? 'n/a' : String(summary.score));
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What this session saved, skipped and left unasked, in one sentence. */
function tally(progress: Progress, file: string): string {
  const skipped = progress.skipped ? `; skipped ${progress.skipped} (left blank)` : '';
  const notAsked = progress.notAsked ? `; not asked ${progress.notAsked}` : '';
  return `Saved ${plural(progress.answered, 'answer')} in ${file}${skipped}${notAsked}.`;
}

type Choice = 'new' | 'resume' | 'review' | 'replace' | 'cancel';

/** What to do with an answers file that exists: continue it (with or without the skipped questions), replace it, or leave it. */
async function decide(prompter: Prompter, file: string, previous: Answers | null, skipped: number, force: boolean): Promise<Choice> {
  if (!previous) return 'new';
  if (force) return 'replace';
  const held = `${plural(Object.keys(previous.values).length, 'answer')}${skipped ? ` and ${plural(skipped, 'skipped question')}` : ''}`;
  return prompter.choose<Choice>(`${file} already holds ${held}. What now?`, [
    { value: 'resume', name: `Continue: ask only questions never shown before, keeping the file, its comments and order${skipped ? ' (skipped ones stay blank)' : ''}` },
    ...(skipped ? [{ value: 'review' as const, name: `Continue, and ask the ${plural(skipped, 'skipped question')} again as well` }] : []),
    { value: 'replace', name: 'Start over: replace the file' },
    { value: 'cancel', name: 'Cancel: change nothing' },
  ]);
}

export async function initCommand(path: string, flags: InitFlags, io: CliIO): Promise<number> {
  await requireDirectory(path);
  const target: TemplateTarget = { path, file: flags.answers ?? join(path, DEFAULT_ANSWERS_FILE) };
  const ruleSet = await loadRules(flags);
  const existing = await readIfExists(target.file);
  if (flags.template || !io.prompter) return writeTemplate(ruleSet, target, existing, flags, io);

  // An existing file must be valid before anything is asked: its mistakes are reported with their line.
  const previous = existing === null ? null : await loadAnswers(target.file, ruleSet.questions);
  const opened = existing === null ? null : openAnswersDocument(target.file, existing);
  const skippedBefore = opened?.skipped() ?? new Set<string>();
  const prompter = await io.prompter();
  const progress: Progress = { answered: 0, skipped: 0, notAsked: 0 };
  try {
    const choice = await decide(prompter, target.file, previous, skippedBefore.size, flags.force === true);
    if (choice === 'cancel') {
      prompter.say('Nothing changed.');
      return 0;
    }
    const continued = (choice === 'resume' || choice === 'review') && previous !== null && opened !== null;
    const start: Answers = continued ? previous : { path: target.file, values: {} };
    const document = continued ? opened : newAnswersDocument(target);
    const shownBefore = choice === 'resume' ? skippedBefore : new Set<string>();

    prompter.say(`Scanning ${path} to ask only what the repository cannot show…`);
    const facts = await scan(path, { signals: ruleSet.signals, collectors: ruleSet.collectors, now: auditDate(io) });
    const answers = await interview({ ruleSet, facts, target, document, prompter, shownBefore }, start, progress);
    if (progress.answered + progress.skipped === 0) {
      prompter.say(
        shownBefore.size > 0
          ? 'Nothing new to ask: every open question was shown before. To answer the ones skipped then, run init again and choose to ask them again.'
          : 'Nothing to ask: the repository and the answers already settle every rule an answer could change.',
      );
      return 0;
    }
    const guards = await guardRules(ruleSet, auditDate(io));
    const [before, after] = [summaryOf(ruleSet, facts, start, guards), summaryOf(ruleSet, facts, answers, guards)];
    prompter.say('');
    prompter.say(tally(progress, target.file));
    prompter.say(`Readiness ${scoreText(before)} → ${scoreText(after)}, confidence ${before.confidence}% → ${after.confidence}%.`);
    prompter.say(`Next: scale-audit ${path} --answers ${target.file}`);
    return 0;
  } catch (error) {
    if (!(error instanceof PromptInterrupted)) throw error;
    prompter.say(
      progress.answered + progress.skipped > 0
        ? `\nStopped. ${tally(progress, target.file)} Run the same command again and choose Continue to go on where you left off.`
        : '\nStopped. Nothing changed.',
    );
    return EXIT_INTERRUPTED;
  }
}
