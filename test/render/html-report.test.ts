import { describe, expect, it } from 'vitest';
import { EXECUTIVE_ITEMS_PER_PHASE, EXECUTIVE_QUESTIONS, htmlRenderer } from '../../src/render/html.js';
import { fitLabel } from '../../src/render/format.js';
import { categoryChart, roadmapTimeline } from '../../src/render/html-charts.js';
import { logoFromBytes } from '../../src/render/logo.js';
import { schedule } from '../../src/roadmap/schedule.js';
import { inputError } from '../helpers/input-error.js';
import { reportFromFiles } from '../helpers/report.js';
import { tempDir } from '../helpers/temp.js';
import { renderHtml } from '../helpers/html.js';

const poc = await reportFromFiles(
  {
    'notebooks/train.ipynb': JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'code', source: ['import pandas as pd\n', 'from sklearn.linear_model import LogisticRegression\n', 'df = pd.read_csv("data.csv")'], outputs: [] }] }),
    'requirements.txt': 'pandas\nscikit-learn\nmlflow\n',
  },
  { answers: { 'roi.poc-cost': 60000, 'roi.currency': 'EUR', 'roi.team-fte': 2 } },
);
const branded = { ...poc, cover: { title: 'Churn model: readiness review', client: 'Acme Insurance', author: 'Jo Smith' } };
const logo = logoFromBytes(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'), 'logo.svg');

/** The text of the first element carrying `data-field="<name>"`. */
function field(html: string, name: string): string | undefined {
  return new RegExp(`data-field="${name}">([^<]*)<`).exec(html)?.[1];
}

function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('the first screen', () => {
  const html = renderHtml(branded, { logo });

  it('names the project, the client and the author, and embeds the logo', () => {
    expect(html).toContain('<title>Churn model: readiness review</title>');
    expect(field(html, 'client')).toBe('Acme Insurance');
    expect(field(html, 'author')).toBe('Jo Smith');
    expect(html).toMatch(/<div class="logo"><img src="data:image\/svg\+xml;base64,(?:[A-Za-z0-9+/]|&#x3D;)+" alt="Acme Insurance"><\/div>/);
  });

  it('shows the score, level, confidence, weakest area, ML Test Score, budget and timeline', () => {
    expect(field(html, 'score')).toBe(`${poc.summary.score}/100`);
    expect(field(html, 'level')).toBe(`L${poc.summary.level} ${poc.summary.levelName}${poc.summary.levelProvisional ? ' (provisional)' : ''}`);
    expect(field(html, 'confidence')).toBe(`${poc.summary.confidence}%`);
    expect(field(html, 'weakest')).toBe(poc.categories.find((category) => category.id === poc.summary.weakestCategory)!.title);
    expect(field(html, 'ml-test-score')).toMatch(/^\d(\.5)? of 7$/);
    expect(field(html, 'budget')).toBe('180,000–300,000 EUR');
    expect(field(html, 'timeline')).toMatch(/months$/);
  });

  it('marks the current level on a ladder from L0 to L4 in words, not only colour', () => {
    const ladder = /<div id="level-ladder"[^>]*role="img"[^>]*>([\s\S]*?)\n\s*<\/div>/.exec(html)![1]!;
    expect(ladder.match(/class="rung[ "]/g)).toHaveLength(5);
    expect(ladder).toContain(`L${poc.summary.level}</span><span class="rung-name">${poc.summary.levelName}</span><span class="here">◆ here</span>`);
  });

  it('lists at most five top risks; the full report links each to its finding', () => {
    const risks = (page: string) => /<ol id="top-risks"[\s\S]*?<\/ol>/.exec(page)![0];
    const count = (risks(html).match(/<li>/g) ?? []).length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(5);
    // The executive report has no findings to link to.
    expect(risks(html)).not.toContain('href=');
    const full = renderHtml(branded, { logo, detail: 'full' });
    const links = [...risks(full).matchAll(/href="#rule-([^"]+)"/g)].map((match) => match[1]!);
    expect(links).toHaveLength(count);
    for (const id of links) expect(full).toContain(`id="rule-${id}"`);
  });

  it('says which answers would bring a budget that cannot be estimated yet', async () => {
    const bare = renderHtml(await reportFromFiles({ 'train.py': 'import sklearn\n' }));
    expect(field(bare, 'budget')).toBe('not estimated');
    expect(bare).toMatch(/data-field="budget">not estimated<\/div><div class="muted">answer <code>roi\.poc-cost<\/code>/);
  });
});

describe('executive and full', () => {
  const executive = renderHtml(poc);
  const full = renderHtml(poc, { logo: null, detail: 'full' });

  it('gives a steering committee the verdict, roadmap, business case and questions, and leaves the findings and appendix to the full report', () => {
    for (const id of ['overview', 'scores', 'roadmap', 'business', 'questions']) expect(executive).toContain(`<section id="${id}"`);
    for (const id of ['findings', 'appendix', 'ml-test-score']) expect(executive).not.toContain(`<section id="${id}"`);
    expect(section(executive, 'questions')).toContain('scale-audit init');
    expect(executive).toMatch(/<p class="more" id="full-report">[^<]*<code>scale-audit render report.json --format html --detail full<\/code>/);
    for (const id of ['overview', 'scores', 'ml-test-score', 'roadmap', 'business', 'questions', 'findings', 'appendix']) expect(full).toContain(`<section id="${id}"`);
    expect(full).not.toContain('id="full-report"');
  });

  it('lists a few items per phase and the first questions, and counts the rest', () => {
    // Every phase three times over, each copy with its own rule ids: longer phases than the executive report lists.
    const long = structuredClone(poc);
    for (const phase of long.roadmap.phases) phase.items = [0, 1, 2].flatMap((copy) => phase.items.map((item) => ({ ...item, ruleIds: item.ruleIds.map((id) => `${id}-${copy}`) })));
    expect(Math.max(...long.roadmap.phases.map((phase) => phase.items.length))).toBeGreaterThan(EXECUTIVE_ITEMS_PER_PHASE);
    const page = renderHtml(long);
    // Phases are sections of their own: the roadmap runs to the business case.
    const roadmap = page.slice(page.indexOf('<section id="roadmap"'), page.indexOf('<section id="business"'));
    expect(roadmap).toMatch(/… and \d+ more in this phase, in the full report\./);
    const shown = (roadmap.match(/<li value="/g) ?? []).length;
    expect(shown).toBe(long.roadmap.phases.reduce((n, phase) => n + Math.min(phase.items.length, EXECUTIVE_ITEMS_PER_PHASE), 0));
    expect(poc.questions.length).toBeGreaterThan(EXECUTIVE_QUESTIONS);
    expect((section(executive, 'questions').match(/<li>/g) ?? []).length).toBe(EXECUTIVE_QUESTIONS);
    expect(section(executive, 'questions')).toContain(`… and ${poc.questions.length - EXECUTIVE_QUESTIONS} more, in the full report.`);
  });

  it('shows the commands of fix steps as code, escaped inside', () => {
    const withCode = structuredClone(poc);
    withCode.findings[0]!.remediation = { ...withCode.findings[0]!.remediation, steps: ['Run `dvc add data/<raw>` & `git init`, not `rm -rf /`` alone'] };
    withCode.findings[0]!.status = 'fail';
    const page = renderHtml(withCode, { logo: null, detail: 'full' });
    expect(page).toContain('<li>Run <code>dvc add data/&lt;raw&gt;</code> &amp; <code>git init</code>, not <code>rm -rf /</code>&#x60; alone</li>');
    expect(page).not.toContain('&#x60;dvc');
  });

  it('shows code in why a rule matters and how it is detected as code too', () => {
    const withCode = structuredClone(poc);
    Object.assign(withCode.findings[0]!, { status: 'fail', why: 'Without `dvc.lock` nothing pins <data>.', detection: 'Looks for `environment:` keys.' });
    const page = renderHtml(withCode, { logo: null, detail: 'full' });
    expect(page).toContain('<dd>Without <code>dvc.lock</code> nothing pins &lt;data&gt;.</dd>');
    expect(page).toContain('<dd>Looks for <code>environment:</code> keys.</dd>');
  });
});

describe('the body', () => {
  const html = renderHtml(poc, { logo: null, detail: 'full' });

  it('puts failing findings first and folds passed and not-applicable ones', () => {
    const findings = section(html, 'findings');
    for (const category of poc.categories) {
      const block = findings.slice(findings.indexOf(`id="cat-${category.id}"`));
      const passed = block.indexOf('<details class="passed">');
      const firstFailing = poc.findings.find((finding) => finding.category === category.id && finding.status === 'fail');
      if (firstFailing && passed >= 0) expect(block.indexOf(`id="rule-${firstFailing.ruleId}"`)).toBeLessThan(passed);
    }
    const passing = poc.findings.find((finding) => finding.status === 'pass')!;
    const fold = html.lastIndexOf('<details class="passed">', html.indexOf(`id="rule-${passing.ruleId}"`));
    expect(fold).toBeGreaterThan(0);
    expect(html.slice(fold, html.indexOf(`id="rule-${passing.ruleId}"`))).not.toContain('</section>');
  });

  it('draws the charts as text with bars, nothing left to a tooltip', () => {
    for (const id of ['chart-categories', 'chart-roadmap']) expect(html).toContain(`<figure class="chart${id === 'chart-roadmap' ? ' gantt' : ''}" id="${id}"`);
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<svg|<title>|\stitle="|[Hh]over/);
  });

  it('has the appendix: answers used, conflicts, scoring model, methodology and sources', () => {
    const appendix = html.slice(html.indexOf('<section id="appendix"'));
    for (const id of ['answers-used', 'conflicts', 'scoring-model', 'methodology', 'sources']) expect(appendix).toContain(`<section id="${id}"`);
    expect(section(html, 'answers-used')).toContain('roi.poc-cost: 60000');
  });

  it('loads nothing: no script, no external stylesheet, image or font, no url() reference', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\ssrc="(?!data:)/);
  });

  it('is the same bytes every time', () => {
    expect(renderHtml(poc, { logo: null, detail: 'full' })).toBe(html);
  });
});

describe('charts', () => {
  it('sizes category bars by score and says the score and the results in text, in parentheses and hatched when little is known', () => {
    const chart = categoryChart(poc);
    for (const [i, row] of chart.entries()) {
      const category = poc.categories[i]!;
      const { score, confidence } = category;
      expect(row.width).toBe(score ?? 0);
      expect(row.value).toBe(score === null ? 'n/a' : confidence < 50 ? `(${score}/100)` : `${score}/100`);
      if (score !== null) expect(row.band === 'low').toBe(confidence < 50);
      const counted = [...row.results.matchAll(/(\d+) /g)].reduce((sum, match) => sum + Number(match[1]), 0);
      expect(counted).toBe(Object.values(category.counts).reduce((sum, n) => sum + n, 0));
    }
    expect(chart.some((row) => row.band === 'low')).toBe(true);
    expect(chart[0]!.results).toMatch(/^\d+ (fail|partial|unknown|pass|waived|n\/a)( · \d+ (fail|partial|unknown|pass|waived|n\/a))*$/);
  });

  it('puts the phases on a calendar, and the items too in the full report, each saying what it waits for', () => {
    const plan = schedule(poc.roadmap, 2);
    expect(roadmapTimeline(plan, false).phases.flatMap((phase) => phase.items)).toEqual([]);
    const timeline = roadmapTimeline(plan, true);
    expect(timeline.phases.map((phase) => phase.title)).toEqual(poc.roadmap.phases.map((phase) => phase.title));
    const items = timeline.phases.flatMap((phase) => phase.items);
    expect(items.map((item) => item.number)).toEqual(plan.items.map((_, i) => i + 1));
    const waiting = plan.items.findIndex((entry) => entry.after.length > 0);
    expect(waiting).toBeGreaterThanOrEqual(0);
    expect(items[waiting]!.when).toContain(`after ${plan.items[waiting]!.after.map((i) => `#${i + 1}`).join(', ')}`);
    // Bars run left to right in time, in percent of the whole schedule.
    for (const [i, entry] of plan.items.entries()) expect(items[i]!.left).toBeCloseTo((100 * entry.start) / plan.days, 0);
    expect(Math.max(...items.map((item) => item.left + item.width))).toBeLessThanOrEqual(100.5);
  });

  it('draws no timeline for an empty roadmap, and says nothing is failing', () => {
    const done = { ...poc, roadmap: { phases: [], effortWeeks: { min: 0, max: 0 } } };
    expect(roadmapTimeline(schedule(done.roadmap, null), true).phases).toEqual([]);
    const html = renderHtml(done);
    expect(html).not.toContain('id="chart-roadmap"');
    expect(section(html, 'roadmap')).toContain('Nothing is failing.');
  });

  it('cuts long labels at a word with an ellipsis', () => {
    expect(fitLabel('short', 10)).toBe('short');
    expect(fitLabel('a rather long label indeed', 12)).toBe('a rather…');
    expect(fitLabel('unbreakablewordhere', 10)).toBe('unbreakab…');
  });
});

describe('--template-dir', () => {
  it('replaces a partial and keeps the rest built in', async () => {
    const dir = await tempDir({ 'partials/cover.hbs': '<header class="cover"><h1>{{title}}</h1><p class="house">By {{author}} for {{client}} · {{report.target.name}}</p></header>' });
    const html = (await htmlRenderer(dir))(branded, { color: false, logo: null });
    expect(html).toContain('<p class="house">By Jo Smith for Acme Insurance · demo</p>');
    expect(html).toContain('<section id="roadmap"');
  });

  it('replaces the stylesheet', async () => {
    const dir = await tempDir({ 'styles.css': ':root { --accent: #7a1f5c; }' });
    const html = (await htmlRenderer(dir))(poc, { color: false, logo: null });
    expect(html).toContain('--accent: #7a1f5c;');
    expect(html).not.toContain('--accent: #0969da;');
  });

  it('names the template and the field when a template asks for one that does not exist', async () => {
    const dir = await tempDir({ 'partials/cover.hbs': '<h1>{{titel}}</h1>' });
    const render = await htmlRenderer(dir);
    const error = await inputError((async () => render(poc, { color: false, logo: null }))());
    expect(error.file).toBe(dir);
    expect(error.message).toMatch(/template error: "titel" not defined/);
  });

  it('names the file and line of a syntax error', async () => {
    const dir = await tempDir({ 'partials/cover.hbs': '<header>\n{{#if title}}\n<h1>{{title}}</h1>\n' });
    const error = await inputError(htmlRenderer(dir));
    expect(error.file).toMatch(/partials\/cover\.hbs$/);
    expect(error.message).toMatch(/template syntax error/);
  });
});
