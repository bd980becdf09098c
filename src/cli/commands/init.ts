import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openAnswersDocument, newAnswersDocument, type AnswersDocument } from '../../answers/document.js';
import { loadAnswers } from '../../answers/load.js';
import { DEFAULT_ANSWERS_FILE } from '../../answers/types.js';
import { nextQuestion, rankCategories, scopeQuestions, suggestionFor, type QuestionOrder } from '../../answers/questionnaire.js';
import { answersTemplate, type TemplateTarget } from '../../answers/template.js';
import type { Answers } from '../../answers/types.js';
import { evalContext, evaluate } from '../../rules/evaluate.js';
import { loadRuleSet, type LoadedRuleSet } from '../../rules/load.js';
import { openQuestions } from '../../roadmap/questions.js';
import { scoreFindings, type Summary } from '../../score/score.js';
import type { Facts } from '../../scan/facts.js';
import { scan } from '../../scan/scan.js';
import { InputError } from '../../util/errors.js';
import { auditDate, type CliIO } from '../io.js';
import { PromptInterrupted, SKIP, type Prompter } from '../prompter.js';
import { writeOutputs } from '../write-outputs.js';

/** Where `init` keeps the answers unless told otherwise: in the audited directory. */

/** The shell's code for a run stopped with Ctrl+C; the answers given so far are saved. */
export const EXIT_INTERRUPTED = 130;

export interface InitFlags {
  answers?: string;
  template?: boolean;
  force?: boolean;
  rules: string[];
}

async function requireDirectory(path: string): Promise<void> {
  const stats = await stat(path).catch(() => null);
  if (!stats) throw new InputError(`no such directory: ${path}`);
  if (!stats.isDirectory()) throw new InputError(`not a directory: ${path}`);
}

async function readIfExists(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new InputError(`cannot read answers file: ${error.code ?? error.message}`, file);
  });
}

/** Without a person to ask (no terminal) or with --template: every question, commented, for an editor. */
async function writeTemplate(ruleSet: LoadedRuleSet, target: TemplateTarget, existing: string | null, flags: InitFlags, io: CliIO): Promise<number> {
  if (target.file.toLowerCase().endsWith('.json')) throw new InputError('a template explains each question in comments, which JSON cannot hold: name a .yaml file', target.file);
  const why = flags.template ? '' : ' (no terminal to ask in, so init wrote a template)';
  if (existing !== null && !flags.force) {
    throw new InputError(`${target.file} already exists${why}; pass --force to replace it with a blank template, or run init in a terminal to answer what is still open`);
  }
  await writeOutputs([{ path: target.file, content: answersTemplate(ruleSet.questions, ruleSet.categories, target) }]);
  io.stderr.write(`scale-audit: wrote ${target.file}, a template of ${ruleSet.questions.length} questions${why}. Fill it in, then run: scale-audit ${target.path} --answers ${target.file}\n`);
  return 0;
}

interface Session {
  ruleSet: LoadedRuleSet;
  facts: Facts;
  target: TemplateTarget;
  document: AnswersDocument;
  prompter: Prompter;
}

/** How far the questionnaire got: kept up to date as it goes, so that an interruption can say. */
interface Progress {
  asked: number;
  skipped: number;
}

/**
 * Asks, one at a time, the open questions that can still change a finding, and saves the file after
 * every answer, so that stopping loses nothing. Returns the answers as saved.
 */
async function interview({ ruleSet, facts, target, document, prompter }: Session, start: Answers, progress: Progress): Promise<Answers> {
  const titles = new Map(ruleSet.categories.map((category) => [category.id, category.title]));
  const questions = new Map(ruleSet.questions.map((question) => [question.id, question]));
  const asked = new Set<string>();
  const scope = scopeQuestions(ruleSet);
  const packOrder = new Map(ruleSet.questions.map((question, i) => [question.id, i]));
  let answers = start;
  let order: QuestionOrder | null = null;
  for (;;) {
    const open = openQuestions(evaluate(ruleSet, facts, answers), ruleSet.questions, answers);
    order ??= { ranking: rankCategories(open, ruleSet.categories), scope, packOrder };
    const next = nextQuestion(open, asked, order);
    if (!next) return answers;
    const question = questions.get(next.id)!;
    const reply = await prompter.ask({
      question,
      categoryTitle: titles.get(question.category) ?? question.category,
      position: asked.size + 1,
      total: asked.size + open.filter((candidate) => !asked.has(candidate.id)).length,
      suggestion: suggestionFor(question, evalContext(ruleSet, facts, answers)),
      ruleIds: next.ruleIds,
      decidesScope: scope.has(question.id),
    });
    asked.add(question.id);
    document.set(question, reply === SKIP ? null : reply);
    await writeOutputs([{ path: target.file, content: document.toString() }]);
    progress.asked += 1;
    if (reply === SKIP) progress.skipped += 1;
    // Read back what was written: the loader checks it, and gives each answer its line.
    answers = await loadAnswers(target.file, ruleSet.questions);
  }
}

function summaryOf(ruleSet: LoadedRuleSet, facts: Facts, answers: Answers): Summary {
  return scoreFindings(evaluate(ruleSet, facts, answers), ruleSet.categories).summary;
}

const scoreText = (summary: Summary) => (summary.score === null ? 'n/a' : String(summary.score));
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What to do with an answers file that exists: continue it, replace it, or leave it. */
async function decide(prompter: Prompter, file: string, previous: Answers | null, force: boolean): Promise<'new' | 'resume' | 'replace' | 'cancel'> {
  if (!previous) return 'new';
  if (force) return 'replace';
  return prompter.choose(`${file} already holds ${plural(Object.keys(previous.values).length, 'answer')}. What now?`, [
    { value: 'resume', name: 'Continue: ask only what is still unanswered, keeping the file, its comments and order' },
    { value: 'replace', name: 'Start over: replace the file' },
    { value: 'cancel', name: 'Cancel: change nothing' },
  ] as const);
}

export async function initCommand(path: string, flags: InitFlags, io: CliIO): Promise<number> {
  await requireDirectory(path);
  const target: TemplateTarget = { path, file: flags.answers ?? join(path, DEFAULT_ANSWERS_FILE) };
  const ruleSet = await loadRuleSet(flags.rules);
  const existing = await readIfExists(target.file);
  if (flags.template || !io.prompter) return writeTemplate(ruleSet, target, existing, flags, io);

  // An existing file must be valid before anything is asked: its mistakes are reported with their line.
  const previous = existing === null ? null : await loadAnswers(target.file, ruleSet.questions);
  const prompter = await io.prompter();
  const progress: Progress = { asked: 0, skipped: 0 };
  try {
    const choice = await decide(prompter, target.file, previous, flags.force === true);
    if (choice === 'cancel') {
      prompter.say('Nothing changed.');
      return 0;
    }
    const resume = choice === 'resume' && previous !== null && existing !== null;
    const start: Answers = resume ? previous : { path: target.file, values: {} };
    const document = resume ? openAnswersDocument(target.file, existing) : newAnswersDocument(target);

    prompter.say(`Scanning ${path} to ask only what the repository cannot show…`);
    const facts = await scan(path, { signals: ruleSet.signals, now: auditDate(io) });
    const answers = await interview({ ruleSet, facts, target, document, prompter }, start, progress);
    if (progress.asked === 0) {
      prompter.say('Nothing to ask: the repository and the answers already settle every rule an answer could change.');
      return 0;
    }
    const [before, after] = [summaryOf(ruleSet, facts, start), summaryOf(ruleSet, facts, answers)];
    prompter.say('');
    prompter.say(`Saved ${plural(progress.asked - progress.skipped, 'answer')}${progress.skipped ? ` (${progress.skipped} skipped, left blank)` : ''} in ${target.file}.`);
    prompter.say(`Readiness ${scoreText(before)} → ${scoreText(after)}, confidence ${before.confidence}% → ${after.confidence}%.`);
    prompter.say(`Next: scale-audit ${path} --answers ${target.file}`);
    return 0;
  } catch (error) {
    if (!(error instanceof PromptInterrupted)) throw error;
    prompter.say(
      progress.asked > 0
        ? `\nStopped. ${plural(progress.asked, 'answer')} saved in ${target.file} (skipped ones left blank); run the same command again to continue where you left off.`
        : '\nStopped. Nothing changed.',
    );
    return EXIT_INTERRUPTED;
  }
}
