import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/answers/load.js';
import { EXIT_INTERRUPTED, initCommand, type InitFlags } from '../../src/cli/commands/init.js';
import { DEFAULT_ANSWERS_FILE } from '../../src/answers/types.js';
import type { CliIO } from '../../src/cli/io.js';
import { PromptInterrupted, SKIP, type Prompter, type QuestionPrompt, type Reply } from '../../src/cli/prompter.js';
import type { Report } from '../../src/report/types.js';
import { cli, fixture } from '../helpers/cli.js';
import { inputError } from '../helpers/input-error.js';
import { builtinRules } from '../helpers/rule-tester.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A person at a terminal, scripted: the reply to each question id (a skip for any other), the
 * choices to make when asked what to do with an existing file, and when to press Ctrl+C.
 */
class ScriptedPerson implements Prompter {
  readonly prompts: QuestionPrompt[] = [];
  readonly said: string[] = [];
  readonly choices: string[] = [];

  constructor(
    private readonly replies: Record<string, Reply> = {},
    private readonly options: { choose?: string[]; interruptAt?: number } = {},
  ) {}

  async ask(prompt: QuestionPrompt): Promise<Reply> {
    if (this.prompts.length === this.options.interruptAt) throw new PromptInterrupted();
    this.prompts.push(prompt);
    return prompt.question.id in this.replies ? this.replies[prompt.question.id]! : SKIP;
  }

  async choose<T extends string>(message: string): Promise<T> {
    this.choices.push(message);
    const choice = this.options.choose?.shift();
    if (!choice) throw new Error(`unexpected choice: ${message}`);
    return choice as T;
  }

  say(text: string): void {
    this.said.push(text);
  }

  get asked(): string[] {
    return this.prompts.map((prompt) => prompt.question.id);
  }
}

function io(person?: Prompter): CliIO & { errors: string[] } {
  const errors: string[] = [];
  return {
    stdout: { write: () => true },
    stderr: { write: (text: string) => errors.push(text) },
    env: {},
    now: () => new Date('2026-11-23T12:00:00Z'),
    errors,
    ...(person ? { prompter: async () => person } : {}),
  };
}

const flags = (extra: Partial<InitFlags> = {}): InitFlags => ({ rules: [], ...extra });
const service = await fixture('ml-service', { git: true });

/** A fresh copy of the service, so that each test has its own answers file. */
async function repository(): Promise<{ dir: string; file: string }> {
  const dir = await fixture('ml-service', { git: true });
  return { dir, file: join(dir, DEFAULT_ANSWERS_FILE) };
}

const load = (file: string) => loadAnswers(file, builtinRules.questions);

describe('init in a terminal', () => {
  it('asks only what can change a finding: scope first, then by category, most consequential first', async () => {
    const { dir } = await repository();
    const person = new ScriptedPerson();
    expect(await initCommand(dir, flags(), io(person))).toBe(0);
    const asked = person.prompts;
    // The service keeps its infrastructure as Terraform, so cost visibility is read there, never asked.
    expect(person.asked).not.toContain('roi.cost-visibility');
    expect(person.asked.length).toBeLessThan(builtinRules.questions.length);
    // Questions that decide whether rules apply come first.
    const scope = asked.filter((prompt) => prompt.decidesScope).length;
    expect(scope).toBeGreaterThan(0);
    expect(asked.slice(0, scope).every((prompt) => prompt.decidesScope)).toBe(true);
    // Then each category in one run, its questions by impact.
    const runs = asked.slice(scope).map((prompt) => prompt.categoryTitle).filter((title, i, all) => title !== all[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    // Progress: 1/n, 2/n... (skipping opens and settles nothing, so n holds still).
    expect(asked.map((prompt) => prompt.position)).toEqual(asked.map((_, i) => i + 1));
    expect(new Set(asked.map((prompt) => prompt.total))).toEqual(new Set([asked.length]));
    // Skipped questions are written blank and marked, with their help, to fill in later.
    const text = await readFile(join(dir, DEFAULT_ANSWERS_FILE), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=https:\/\/scale-audit\.dev\/schemas\/answers\.schema\.json\n/);
    expect(text).toMatch(/\n {2}infrastructure\.serving-mode: # skipped\n/);
    expect(Object.keys((await load(join(dir, DEFAULT_ANSWERS_FILE))).values)).toEqual([]);
    // Nothing was answered, and the summary says so.
    expect(person.said).toContain(`Saved 0 answers in ${join(dir, DEFAULT_ANSWERS_FILE)}; skipped ${asked.length} (left blank).`);
  });

  it('chooses the next question again after each answer: an answer can settle others', async () => {
    const { dir } = await repository();
    const minimal = new ScriptedPerson({ 'governance.eu-ai-act-risk': 'minimal' });
    await initCommand(dir, flags({ force: true }), io(minimal));
    expect(minimal.asked[0]).toBe('governance.eu-ai-act-risk');
    // High-risk obligations do not apply to a minimal-risk system: their questions are never asked.
    expect(minimal.asked).not.toContain('governance.ai-act-role');
    const high = new ScriptedPerson({ 'governance.eu-ai-act-risk': 'high' });
    await initCommand(dir, flags({ force: true }), io(high));
    expect(high.asked).toContain('governance.ai-act-role');
  });

  it('offers the default the scan suggests, with the reason', async () => {
    const { dir } = await repository();
    const person = new ScriptedPerson();
    await initCommand(dir, flags(), io(person));
    const serving = person.prompts.find((prompt) => prompt.question.id === 'infrastructure.serving-mode')!;
    expect(serving.suggestion).toEqual({ value: 'online', because: 'the repository serves the model behind an API or a model server' });
  });

  it('saves after every answer, so that Ctrl+C loses nothing; a rerun asks only what is still open', async () => {
    const { dir, file } = await repository();
    const replies = { 'governance.eu-ai-act-risk': 'limited', 'governance.ai-interaction': 'no-direct-exposure', 'data.arrival': 'periodic' } as const;
    const first = new ScriptedPerson(replies, { interruptAt: 3 });
    const stopped = io(first);
    expect(await initCommand(dir, flags(), stopped)).toBe(EXIT_INTERRUPTED);
    expect(first.said.at(-1)).toMatch(/^\nStopped\. Saved 3 answers in .*scale-audit\.answers\.yaml; not asked \d+\. Run the same command again/);
    expect(Object.keys((await load(file)).values).sort()).toEqual(Object.keys(replies).sort());

    const second = new ScriptedPerson({}, { choose: ['resume'] });
    expect(await initCommand(dir, flags(), io(second))).toBe(0);
    expect(second.choices[0]).toMatch(/already holds 3 answers/);
    for (const id of Object.keys(replies)) expect(second.asked).not.toContain(id);
    expect(second.asked.length).toBeGreaterThan(0);
    expect((await load(file)).values['data.arrival']?.value).toBe('periodic');
  });

  it('after Ctrl+C counts what was saved, skipped and not asked, never a skip as an answer', async () => {
    const { dir, file } = await repository();
    const person = new ScriptedPerson({ 'governance.eu-ai-act-risk': 'limited' }, { interruptAt: 3 });
    expect(await initCommand(dir, flags(), io(person))).toBe(EXIT_INTERRUPTED);
    const total = person.prompts[2]!.total;
    expect(person.said.at(-1)).toBe(`\nStopped. Saved 1 answer in ${file}; skipped 2 (left blank); not asked ${total - 3}. Run the same command again and choose Continue to go on where you left off.`);
    expect(Object.keys((await load(file)).values)).toEqual(['governance.eu-ai-act-risk']);
  });

  it('continues with questions never shown; skipped ones are asked again only on request', async () => {
    const { dir, file } = await repository();
    const first = new ScriptedPerson({ 'governance.eu-ai-act-risk': 'limited' }, { interruptAt: 4 });
    await initCommand(dir, flags(), io(first));
    const skipped = first.asked.slice(1);
    expect(skipped).toHaveLength(3);

    const resume = new ScriptedPerson({}, { choose: ['resume'], interruptAt: 2 });
    await initCommand(dir, flags(), io(resume));
    expect(resume.choices[0]).toBe(`${file} already holds 1 answer and 3 skipped questions. What now?`);
    expect(resume.asked).toHaveLength(2);
    for (const id of [...skipped, 'governance.eu-ai-act-risk']) expect(resume.asked).not.toContain(id);
    expect(resume.prompts.map((prompt) => prompt.position)).toEqual([1, 2]);

    const review = new ScriptedPerson({}, { choose: ['review'], interruptAt: 1 });
    await initCommand(dir, flags(), io(review));
    expect(review.choices[0]).toMatch(/already holds 1 answer and 5 skipped questions/);
    expect(skipped).toContain(review.asked[0]);
  });

  it("keeps the user's comments and order when it continues a file", async () => {
    const { dir, file } = await repository();
    const mine = [
      '# Answers for the churn service, agreed with Ana on 2 Nov.',
      'version: 1',
      'answers:',
      '  # Scope',
      '  infrastructure.serving-mode: online   # the scoring API, not the nightly batch',
      '',
      '  # Filled in by the finance team',
      '  roi.poc-cost: 60000',
      '  roi.currency:',
      '',
    ].join('\n');
    await writeFile(file, mine);
    const person = new ScriptedPerson({ 'roi.currency': 'EUR', 'governance.eu-ai-act-risk': 'minimal' }, { choose: ['resume'] });
    await initCommand(dir, flags(), io(person));
    const text = await readFile(file, 'utf8');
    // Everything the user wrote is still there, in the same order; the blank answer was filled in place.
    expect(text.startsWith(mine.replace('  roi.currency:\n', '  roi.currency: EUR\n').replace('online   #', 'online #').trimEnd())).toBe(true);
    expect(text.indexOf('governance.eu-ai-act-risk: minimal')).toBeGreaterThan(text.indexOf('roi.currency: EUR'));
    expect(person.asked).not.toContain('infrastructure.serving-mode');
  });

  it('never replaces an existing file without asking: cancel leaves it, start over replaces it', async () => {
    const { dir, file } = await repository();
    await writeFile(file, 'version: 1\nanswers:\n  roi.currency: EUR\n');
    const cancel = new ScriptedPerson({}, { choose: ['cancel'] });
    expect(await initCommand(dir, flags(), io(cancel))).toBe(0);
    expect(await readFile(file, 'utf8')).toBe('version: 1\nanswers:\n  roi.currency: EUR\n');
    expect(cancel.prompts).toEqual([]);

    const over = new ScriptedPerson({ 'governance.eu-ai-act-risk': 'limited' }, { choose: ['replace'], interruptAt: 1 });
    await initCommand(dir, flags(), io(over));
    const values = (await load(file)).values;
    expect(Object.keys(values)).toEqual(['governance.eu-ai-act-risk']);
  });

  it('replaces an existing file without asking only with --force', async () => {
    const { dir, file } = await repository();
    await writeFile(file, 'version: 1\nanswers:\n  roi.currency: EUR\n');
    const person = new ScriptedPerson({}, { interruptAt: 1 });
    await initCommand(dir, flags({ force: true }), io(person));
    expect(person.choices).toEqual([]);
    expect((await load(file)).values['roi.currency']).toBeUndefined();
  });

  it('says nothing changed when stopped before the first answer', async () => {
    const { dir, file } = await repository();
    const person = new ScriptedPerson({}, { interruptAt: 0 });
    expect(await initCommand(dir, flags(), io(person))).toBe(EXIT_INTERRUPTED);
    expect(person.said.at(-1)).toMatch(/Nothing changed/);
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('writes JSON when the answers file is named .json', async () => {
    const dir = await tempDir();
    const file = join(dir, 'answers.json');
    await initCommand(service, flags({ answers: file }), io(new ScriptedPerson({ 'governance.eu-ai-act-risk': 'high', 'roi.poc-cost': 50000 })));
    const content = JSON.parse(await readFile(file, 'utf8')) as { version: number; answers: Record<string, unknown> };
    expect(content.version).toBe(1);
    expect(content.answers).toMatchObject({ 'governance.eu-ai-act-risk': 'high', 'roi.poc-cost': 50000 });
    expect((await load(file)).values['roi.poc-cost']?.value).toBe(50000);
  });

  it('reports every answer given with its type, as the loader reads it back', async () => {
    const dir = await tempDir();
    const file = join(dir, 'answers.yaml');
    const replies: Record<string, Reply> = {
      'governance.eu-ai-act-risk': 'limited',
      'roi.poc-cost': 50000,
      'team.roles': ['modelling', 'ml-engineering'],
      'roi.sponsor-name': 'Anna Schmidt: COO',
      'governance.fairness-review': false,
    };
    const person = new ScriptedPerson({ ...replies, 'security.personal-data': 'personal' });
    await initCommand(service, flags({ answers: file }), io(person));
    const values = (await load(file)).values;
    for (const [id, value] of Object.entries(replies)) if (person.asked.includes(id)) expect(values[id]?.value, id).toEqual(value);
    expect(person.asked).toContain('team.roles');
    expect(person.said.join('\n')).toMatch(/Readiness \d+ → \d+, confidence \d+% → \d+%/);
  });
});

describe('init without a terminal, or with --template', () => {
  it('writes a commented template of every question, with blank answers the loader accepts', async () => {
    const dir = await tempDir();
    const file = join(dir, 'answers.yaml');
    const out = io();
    expect(await initCommand(service, flags({ answers: file }), out)).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=https:\/\/scale-audit\.dev\/schemas\/answers\.schema\.json\n/);
    for (const question of builtinRules.questions) expect(text).toContain(`\n  ${question.id}:\n`);
    expect(text).toContain('#   Answer: a number ≥ 0, in currency per year.');
    expect(text).toMatch(/# {5}limited +Limited risk/);
    expect(Object.keys((await load(file)).values)).toEqual([]);
    expect(out.errors.join('')).toMatch(/a template of \d+ questions to fill in \(no terminal to ask in\)/);
  });

  it('writes the template with --template even in a terminal, asking nothing', async () => {
    const dir = await tempDir();
    const person = new ScriptedPerson();
    expect(await initCommand(service, flags({ answers: join(dir, 'a.yaml'), template: true }), io(person))).toBe(0);
    expect(person.prompts).toEqual([]);
  });

  it('refuses to replace an existing file without --force', async () => {
    const dir = await tempDir({ 'answers.yaml': 'version: 1\nanswers:\n  roi.currency: EUR\n' });
    const file = join(dir, 'answers.yaml');
    const error = await inputError(initCommand(service, flags({ answers: file }), io()));
    expect(error.message).toBe(
      `${file} already exists, so nothing was written; without a terminal init can only write a blank template: run init in a terminal to continue answering, fill the file in an editor, or pass --force to replace it with a blank template`,
    );
    expect(await readFile(file, 'utf8')).toBe('version: 1\nanswers:\n  roi.currency: EUR\n');
    expect(await initCommand(service, flags({ answers: file, force: true }), io())).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/roi\.currency:\n/);
  });
});

describe('init reports mistakes before it asks anything', () => {
  it.each([
    ['an unknown question', 'version: 1\nanswers:\n  team.ownrs: both\n', /answers\.yaml:3:3: unknown question "team\.ownrs" \(did you mean "team\.owners"\?\)/],
    ['a wrong type', 'version: 1\nanswers:\n  roi.poc-cost: lots\n', /answers\.yaml:3:17: roi\.poc-cost: expected a number, got "lots"/],
    ['a missing version', 'answers:\n  roi.currency: EUR\n', /answers\.yaml:1:1: missing "version"/],
    ['malformed YAML', 'version: 1\nanswers: [\n', /answers\.yaml:3:1: invalid YAML/],
  ])('in an existing answers file: %s', async (_name, text, message) => {
    const dir = await tempDir({ 'answers.yaml': text });
    const person = new ScriptedPerson({}, { choose: ['resume'] });
    const error = await inputError(initCommand(service, flags({ answers: join(dir, 'answers.yaml') }), io(person)));
    expect(error.describe()).toMatch(message);
    expect(person.prompts).toEqual([]);
    expect(person.choices).toEqual([]);
  });

  it.each([
    ['a directory that does not exist', '/nonexistent/repo', {}, /no such directory: \/nonexistent\/repo/],
    ['a JSON template', service, { template: true, answers: '/tmp/answers.json' }, /a template explains each question in comments, which JSON cannot hold/],
    ['an unknown rule pack', service, { rules: ['/nonexistent/pack.yaml'] }, /rule pack not found/],
  ])('%s', async (_name, path, extra, message) => {
    const error = await inputError(initCommand(path, flags(extra as Partial<InitFlags>), io(new ScriptedPerson())));
    expect(error.describe()).toMatch(message);
  });
});

describe('the built CLI', () => {
  it('writes a template without a terminal, refuses to overwrite it, and the audit reads it', async () => {
    const { dir, file } = await repository();
    const first = await cli(['init', dir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/wrote .*scale-audit\.answers\.yaml, a template of \d+ questions to fill in \(no terminal to ask in\)/);
    const again = await cli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already exists, so nothing was written; without a terminal .*pass --force/);
    expect(again.stderr).not.toMatch(/wrote/);
    // Filled in by hand, the template is an answers file like any other.
    await writeFile(file, (await readFile(file, 'utf8')).replace('\n  roi.currency:\n', '\n  roi.currency: EUR\n').replace('\n  roi.poc-cost:\n', '\n  roi.poc-cost: 40000\n'));
    const audit = await cli([dir, '--answers', file, '--format', 'json']);
    expect(audit.code, audit.stderr).toBe(0);
    const report = JSON.parse(audit.stdout) as Report;
    expect(report.business.figures.find((figure) => figure.id === 'production-budget')).toMatchObject({ value: { min: 120000, max: 200000 } });
    expect(report.business.currency).toBe('EUR');
  });

  it('prints the answers schema, and names the schemas it knows', async () => {
    const printed = await cli(['schema', 'answers']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(await readFile(new URL('../../schemas/answers.schema.json', import.meta.url), 'utf8')));
    const list = await cli(['schema']);
    expect(list.stdout).toMatch(/^answers +an answers file/m);
    const unknown = await cli(['schema', 'answer']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown schema "answer" \(did you mean "answers"\?\)/);
  });

  it('takes business assumptions from a file, and reports a bad one with its line', async () => {
    const dir = await tempDir({
      'answers.yaml': 'version: 1\nanswers:\n  roi.poc-cost: 40000\n',
      'assumptions.yaml': 'version: 1\nassumptions:\n  production-budget-multiplier: { min: 2, max: 4, source: Our last three projects }\n',
      'bad.yaml': 'version: 1\nassumptions:\n  production-budget-multiplier: { min: 4, max: 2 }\n',
    });
    const result = await cli([service, '--answers', join(dir, 'answers.yaml'), '--assumptions', join(dir, 'assumptions.yaml'), '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const budget = (JSON.parse(result.stdout) as Report).business.figures.find((figure) => figure.id === 'production-budget')!;
    // 40,000 × 2 = 80,000 and 40,000 × 4 = 160,000
    expect(budget.value).toEqual({ min: 80000, max: 160000 });
    expect(budget.assumptions[0]).toMatchObject({ text: 'Taking a proof of concept to production costs 2 to 4 times what the proof of concept cost.', source: 'Our last three projects' });
    const bad = await cli([service, '--assumptions', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:3:\d+: production-budget-multiplier: min \(4\) is above max \(2\)/);
  });
});
