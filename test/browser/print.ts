import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../src/answers/types.js';
import type { Report } from '../../src/report/types.js';
import { DESKTOP, noBrowser, useBrowser, withReport, writeArtifact } from '../helpers/browser.js';
import { printedPages } from '../helpers/pdf.js';
import { reportFromFiles } from '../helpers/report.js';
import { notebook, requirements } from '../helpers/repo-snippets.js';
import { builtinRules } from '../helpers/rule-tester.js';
import { richHtml } from './reports.js';
import { renderHtml } from '../helpers/html.js';

/*
 * The executive report is what a steering committee prints: at most a dozen A4 pages for any
 * repository, and no page left near-empty by a forced or avoided break. The reports here are the
 * longest the rules can make: a proof of concept with every question open (the most questions),
 * and the same one answered with the first or the last choice of every question (the longest
 * roadmaps, some 70 items), besides the branded example with a cover and a logo.
 */
const MAX_PAGES = 12;
/** Every page but the last is drawn at least this far down: a page that is not is a wasted sheet. */
const MIN_FILL = 0.5;

const poc = {
  'notebooks/01-train.ipynb': notebook('import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\ndf = pd.read_csv("data/customers.csv")', 'count 1000'),
  'requirements.txt': requirements('pandas', 'scikit-learn'),
  ...Object.fromEntries(Array.from({ length: 96 }, (_, i) => [`src/churn/step_${i}.py`, `import pandas as pd\n\ndef step_${i}(df):\n    return df\n`])),
};

/** An answer to every question: its first or its last choice, no or yes, the smallest number. */
function answerAll(pick: 'first' | 'last'): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const question of builtinRules.questions) {
    const values = question.choices?.map((choice) => choice.value) ?? [];
    const chosen = pick === 'first' ? values[0] : values.at(-1);
    if (question.type === 'choice') answers[question.id] = chosen!;
    else if (question.type === 'multi') answers[question.id] = [chosen!];
    else if (question.type === 'boolean') answers[question.id] = pick === 'last';
    else if (question.type === 'number') answers[question.id] = Math.max(question.min ?? 1, 1);
    else answers[question.id] = 'To be decided';
  }
  return answers;
}

const longest: Array<[string, Report]> = [
  ['every question open', await reportFromFiles(poc, { name: 'churn' })],
  ['every first choice', await reportFromFiles(poc, { name: 'churn', answers: answerAll('first') })],
  ['every last choice', await reportFromFiles(poc, { name: 'churn', answers: answerAll('last') })],
];

describe.skipIf(noBrowser)('the printed report', () => {
  const browser = useBrowser();
  /** Each page printed once: the full report's test compares with the executive one printed before it. */
  const printed = new Map<string, Promise<Buffer>>();
  const print = (html: string) => {
    if (!printed.has(html)) printed.set(html, withReport(browser(), DESKTOP, html, ({ page }) => page.pdf({ format: 'A4' })));
    return printed.get(html)!;
  };

  it('makes long roadmaps and many open questions: the cases below are the worst the rules allow', () => {
    const items = (report: Report) => report.roadmap.phases.reduce((n, phase) => n + phase.items.length, 0);
    expect(Math.max(...longest.map(([, report]) => items(report)))).toBeGreaterThan(60);
    expect(Math.max(...longest.map(([, report]) => report.questions.length))).toBeGreaterThan(50);
  });

  it.each([...longest.map(([name, report]) => [name, renderHtml(report)] as const), ['the branded example', richHtml] as const])(
    'prints the executive report with %s on at most 12 A4 pages, none of them near-empty',
    async (name, html) => {
      const pdf = await print(html);
      await writeArtifact(`report-${name.replace(/\W+/g, '-')}.pdf`, pdf);
      const pages = printedPages(pdf);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.length).toBeLessThanOrEqual(MAX_PAGES);
      pages.slice(0, -1).forEach((page, i) => expect(page.fill, `page ${i + 1} of ${pages.length}`).toBeGreaterThan(MIN_FILL));
    },
  );

  it('prints every finding and the appendix with --detail full, still without near-empty pages', async () => {
    const [, report] = longest[2]!;
    const executive = printedPages(await print(renderHtml(report)));
    const pdf = await print(renderHtml(report, { logo: null, detail: 'full' }));
    await writeArtifact('report-full.pdf', pdf);
    const pages = printedPages(pdf);
    expect(pages.length).toBeGreaterThan(executive.length * 3);
    pages.slice(0, -1).forEach((page, i) => expect(page.fill, `page ${i + 1} of ${pages.length}`).toBeGreaterThan(MIN_FILL));
  });
});
