import { describe, expect, it } from 'vitest';
import { htmlRenderer, renderHtml } from '../../src/render/html.js';
import { fitLabel } from '../../src/render/format.js';
import { categoryBars, roadmapGantt, statusMix } from '../../src/render/html-charts.js';
import { logoFromBytes } from '../../src/render/logo.js';
import { schedule } from '../../src/roadmap/schedule.js';
import { inputError } from '../helpers/input-error.js';
import { reportFromFiles } from '../helpers/report.js';
import { tempDir } from '../helpers/temp.js';

const poc = await reportFromFiles(
  {
    'notebooks/train.ipynb': JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'code', source: ['import pandas as pd\n', 'df = pd.read_csv("data.csv")'], outputs: [] }] }),
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

  it('lists at most five top risks, each linking to its finding', () => {
    const risks = /<ol id="top-risks"[\s\S]*?<\/ol>/.exec(html)![0];
    const links = [...risks.matchAll(/href="#rule-([^"]+)"/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(5);
    for (const id of links) expect(html).toContain(`id="rule-${id}"`);
  });

  it('says which answers would bring a budget that cannot be estimated yet', async () => {
    const bare = renderHtml(await reportFromFiles({ 'train.py': 'import sklearn\n' }));
    expect(field(bare, 'budget')).toBe('not estimated');
    expect(bare).toMatch(/data-field="budget">not estimated<\/div><div class="muted">answer <code>roi\.poc-cost<\/code>/);
  });
});

describe('the body', () => {
  const html = renderHtml(poc);

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

  it('draws the three charts as inline SVG with a text alternative', () => {
    for (const id of ['chart-categories', 'chart-status', 'chart-roadmap']) {
      expect(html).toMatch(new RegExp(`<svg id="${id}" role="img" aria-labelledby="${id}-title"[^>]*>\\s*<title id="${id}-title">[^<]+</title>`));
    }
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
    expect(renderHtml(poc)).toBe(html);
  });
});

describe('charts', () => {
  it('sizes category bars by score and says the score in text, in parentheses and hatched when little is known', () => {
    const chart = categoryBars(poc);
    for (const [i, row] of chart.rows.entries()) {
      const { score, confidence } = poc.categories[i]!;
      expect(row.barWidth).toBeCloseTo(((score ?? 0) * 380) / 100, 0);
      expect(row.value).toBe(score === null ? 'n/a' : confidence < 50 ? `(${score})` : String(score));
      if (score !== null) expect(row.band === 'low').toBe(confidence < 50);
    }
    expect(chart.rows.some((row) => row.band === 'low')).toBe(true);
  });

  it('fills each status bar with the category’s rules, a segment per result', () => {
    for (const row of statusMix(poc).rows) {
      expect(row.segments.reduce((sum, segment) => sum + segment.width, 0)).toBeCloseTo(380, 0);
      expect(row.segments.reduce((sum, segment) => sum + segment.count, 0)).toBe(row.total);
    }
  });

  it('draws a Gantt bar per roadmap item and an arrow per open prerequisite', () => {
    const plan = schedule(poc.roadmap, 2);
    const gantt = roadmapGantt(plan);
    expect(gantt.bars).toHaveLength(plan.items.length);
    // Phases wait for each other anyway: only prerequisites within a phase get an arrow.
    const withinPhase = plan.items.reduce((sum, entry) => sum + entry.after.filter((from) => plan.items[from]!.phaseIndex === entry.phaseIndex).length, 0);
    expect(withinPhase).toBeGreaterThan(0);
    expect(gantt.arrows).toHaveLength(withinPhase);
    expect(gantt.phases.map((phase) => phase.title)).toEqual(poc.roadmap.phases.map((phase) => phase.title));
    // Bars run left to right in time: a later start is further right.
    const [first, last] = [plan.items[0]!, plan.items.at(-1)!];
    if (last.start > first.start) expect(gantt.bars.at(-1)!.x).toBeGreaterThan(gantt.bars[0]!.x);
  });

  it('draws no Gantt for an empty roadmap, and says nothing is failing', () => {
    const done = { ...poc, roadmap: { phases: [], effortWeeks: { min: 0, max: 0 } } };
    expect(roadmapGantt(schedule(done.roadmap, null))).toMatchObject({ bars: [], arrows: [], phases: [] });
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
    expect(html).toContain('<section id="findings"');
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
