import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inquirerPrompter, parseNumber } from '../../src/cli/inquirer-prompter.js';
import { PromptInterrupted, SKIP, type QuestionPrompt } from '../../src/cli/prompter.js';
import type { Question } from '../../src/rules/types.js';

/** A terminal in memory: keys go in, the screen is kept as text without escape codes. */
class Terminal extends Writable {
  readonly input = new PassThrough();
  private screen = '';

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.screen += chunk.toString();
    done();
  }

  /** inquirer pipes into its output and ends it after each prompt; a terminal stays open. */
  override end(): this {
    return this;
  }

  get text(): string {
    return this.screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  }

  /** Types keys once the screen shows `text`, as a person waits to see the prompt. */
  async type(text: string, ...keys: string[]): Promise<void> {
    for (let waited = 0; !this.text.includes(text); waited += 5) {
      if (waited > 2000) throw new Error(`the screen never showed "${text}":\n${this.text}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    for (const key of keys) this.input.write(key);
  }
}

const ENTER = '\r';
const DOWN = '\u001b[B';
const UP = '\u001b[A';
const SPACE = ' ';
const CTRL_C = '\u0003';
const BACKSPACE = '\u007f';

const serving: Question = {
  id: 'infrastructure.serving-mode',
  category: 'infrastructure',
  text: 'How will the model be served?',
  type: 'choice',
  help: 'Decides which rules apply.',
  choices: [
    { value: 'online', label: 'Online: an API' },
    { value: 'batch', label: 'Batch: scheduled jobs' },
  ],
  source: 't',
};
const fte: Question = { id: 'roi.team-fte', category: 'roi', text: 'How many people (FTE)?', type: 'number', help: 'Part-timers count as fractions.', min: 0, unit: 'FTE', source: 't' };
const roles: Question = {
  id: 'team.roles',
  category: 'team',
  text: 'Which responsibilities have a named person?',
  type: 'multi',
  help: 'Tick what applies.',
  choices: [
    { value: 'modelling', label: 'Modelling' },
    { value: 'product', label: 'Product' },
  ],
  source: 't',
};
const owner: Question = { id: 'team.owner-names', category: 'team', text: 'Who are the owners?', type: 'text', help: 'Names and roles.', source: 't' };
const reviewed: Question = { id: 'governance.fairness-review', category: 'governance', text: 'Were groups compared?', type: 'boolean', help: 'Yes or no.', source: 't' };

function prompt(question: Question, extra: Partial<QuestionPrompt> = {}): QuestionPrompt {
  return { question, categoryTitle: 'Infrastructure', position: 2, total: 31, ruleIds: ['infra.autoscaling'], decidesScope: false, ...extra };
}

function setUp() {
  const terminal = new Terminal();
  return { terminal, prompter: inquirerPrompter({ input: terminal.input, output: terminal }, false) };
}

describe('the terminal prompts', () => {
  it('shows progress, the help and the suggestion in words, and picks a choice with the arrow keys', async () => {
    const { terminal, prompter } = setUp();
    const reply = prompter.ask(prompt(serving, { decidesScope: true, suggestion: { value: 'online', because: 'the repository serves an API' } }));
    await terminal.type('Skip for now', DOWN, DOWN, ENTER);
    expect(await reply).toBe('batch');
    expect(terminal.text).toContain('2/31 · Infrastructure  infrastructure.serving-mode · decides which rules apply');
    expect(terminal.text).toContain('Decides which rules apply.');
    // The label a person reads, not the value the file stores.
    expect(terminal.text).toContain('Suggested from the scan: Online: an API (the repository serves an API)');
    expect(terminal.text).toContain('Online: an API (suggested)');
  });

  it('answers nothing when Enter is pressed at once, even with a suggestion', async () => {
    const { terminal, prompter } = setUp();
    const choice = prompter.ask(prompt(serving, { suggestion: { value: 'online', because: 'the repository serves an API' } }));
    await terminal.type('Skip for now', ENTER);
    expect(await choice).toBe(SKIP);
    const yesNo = prompter.ask(prompt(reviewed));
    await terminal.type('Were groups compared?', ENTER);
    expect(await yesNo).toBe(SKIP);
    const several = prompter.ask(prompt(roles, { suggestion: { value: ['modelling'], because: 'a training script' } }));
    await terminal.type('Which responsibilities', ENTER);
    expect(await several).toBe(SKIP);
    expect(terminal.text).toContain('Suggested from the scan: Modelling (a training script)');
  });

  it('wraps around at both ends of a list', async () => {
    const { terminal, prompter } = setUp();
    const last = prompter.ask(prompt(serving));
    await terminal.type('Skip for now', UP, ENTER);
    expect(await last).toBe('batch');
    const back = prompter.ask(prompt(serving));
    await terminal.type('Skip for now', UP, DOWN, ENTER);
    expect(await back).toBe(SKIP);
  });

  it('asks yes or no for a boolean', async () => {
    const { terminal, prompter } = setUp();
    const reply = prompter.ask(prompt(reviewed));
    await terminal.type('Skip for now', DOWN, DOWN, ENTER);
    expect(await reply).toBe(false);
  });

  it('refuses a number it cannot read, and takes it once corrected', async () => {
    const { terminal, prompter } = setUp();
    const reply = prompter.ask(prompt(fte));
    await terminal.type('(FTE)', '2,5', ENTER);
    await terminal.type('Use a dot for decimals', BACKSPACE, BACKSPACE, '.5', ENTER);
    expect(await reply).toBe(2.5);
  });

  it('skips a number or a text left empty', async () => {
    const { terminal, prompter } = setUp();
    const number = prompter.ask(prompt(fte, { suggestion: { value: 3, because: 'three committers' } }));
    await terminal.type('(FTE)', ENTER);
    expect(await number).toBe(SKIP);
    expect(terminal.text).toContain('Suggested from the scan: 3 FTE (three committers)');
    const text = prompter.ask(prompt(owner));
    await terminal.type('empty line skips', ENTER);
    expect(await text).toBe(SKIP);
  });

  it('takes a text as typed, trimmed', async () => {
    const { terminal, prompter } = setUp();
    const reply = prompter.ask(prompt(owner));
    await terminal.type('empty line skips', '  Ana Silva: Head of Retention ', ENTER);
    expect(await reply).toBe('Ana Silva: Head of Retention');
  });

  it('ticks several choices, or "None of these" on its own', async () => {
    const { terminal, prompter } = setUp();
    const both = prompter.ask(prompt(roles));
    await terminal.type('None of these', SPACE, DOWN, SPACE, ENTER);
    expect(await both).toEqual(['modelling', 'product']);
    const none = prompter.ask(prompt(roles));
    // Up from the first choice wraps around to "None of these".
    await terminal.type('None of these', UP, SPACE, ENTER);
    expect(await none).toEqual([]);
    const mixed = prompter.ask(prompt(roles));
    await terminal.type('None of these', SPACE, UP, SPACE, ENTER);
    await terminal.type('Either "None of these", or tick answers', SPACE, ENTER);
    // Un-ticking "None of these" leaves Modelling: the person must choose one or the other.
    expect(await mixed).toEqual(['modelling']);
  });

  it('turns Ctrl+C into an interruption', async () => {
    const { terminal, prompter } = setUp();
    const reply = prompter.ask(prompt(serving));
    await terminal.type('Skip for now', CTRL_C);
    await expect(reply).rejects.toBeInstanceOf(PromptInterrupted);
  });
});

describe('numbers typed at the prompt', () => {
  it.each([
    ['250000', 250000],
    ['250 000', 250000],
    ['250_000', 250000],
    ['2.5', 2.5],
    ['1,000', 'Use a dot for decimals and no thousands separators, e.g. 250000 or 2.5'],
    ['lots', 'Expected a number ≥ 0, in FTE'],
    ['-1', 'Must be at least 0'],
  ])('%s → %s', (text, expected) => {
    expect(parseNumber(text, fte)).toBe(expected);
  });
});
