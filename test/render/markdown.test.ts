import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { mermaidLabel } from '../../src/render/mermaid.js';
import type { Report } from '../../src/report/types.js';
import { reportFromFiles } from '../helpers/report.js';
import { deployment, notebook, requirements, testWorkflow, trainScript } from '../helpers/repo-snippets.js';
import { gitFacts } from '../helpers/rule-tester.js';
import { renderHtml } from '../helpers/html.js';

/*
 * The Markdown report is a deliverable: golden files show it whole, executive and full, for review
 * and to catch any change; the checks below hold what a reader relies on whatever the wording.
 */

/** Reports carry the tool's version; a fixed one keeps the golden files from changing with every release. */
function pinned(report: Report): Report {
  return { ...report, tool: { ...report.tool, version: '0.0.0-golden' } };
}

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

const notebookFiles: Record<string, string> = {
  'notebooks/train.ipynb': notebook('import pandas as pd\nfrom sklearn.linear_model import LogisticRegression\ndf = pd.read_csv("churn.csv")\nmodel = LogisticRegression().fit(df.drop(columns="churn"), df["churn"])', '0.87'),
  'requirements.txt': requirements('pandas', 'scikit-learn'),
};
const notebookReport = await reportFromFiles(notebookFiles, { name: 'churn-notebook' });
/** As audited without an answers file: the helper always names one. */
const notebookPoc = pinned({ ...notebookReport, answers: { ...notebookReport.answers, path: null } });

const serviceFiles: Record<string, string> = {
  'requirements.txt': requirements('pandas==2.2.3', 'scikit-learn==1.5.2', 'fastapi==0.115.0', 'mlflow==2.17.0'),
  'src/churn/train.py': `import mlflow\n${trainScript}mlflow.log_metric("accuracy", model.score(df.drop(columns="churn"), df["churn"]))\n`,
  'src/churn/serve.py': 'import joblib\nfrom fastapi import FastAPI\n\napp = FastAPI()\nmodel = joblib.load("model.joblib")\n\n\n@app.post("/predict")\ndef predict(features: dict) -> dict:\n    return {"churn": float(model.predict_proba([list(features.values())])[0][1])}\n',
  'tests/test_serve.py': 'from churn.serve import predict\n\n\ndef test_predict_returns_a_probability():\n    assert 0 <= predict({"tenure": 3})["churn"] <= 1\n',
  Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY src/ src/\nCMD ["uvicorn", "churn.serve:app", "--host", "0.0.0.0", "--port", "8080"]\n',
  '.github/workflows/ci.yml': testWorkflow(),
  'deploy/deployment.yaml': deployment(),
};

const service = pinned({
  ...(await reportFromFiles(serviceFiles, {
    name: 'churn',
    git: gitFacts({ head: COMMIT, webUrl: 'https://github.com/acme/churn' }),
    answers: { 'roi.poc-cost': 60000, 'roi.currency': 'EUR', 'roi.team-fte': 3, 'governance.eu-ai-act-risk': 'limited' },
  })),
  cover: { title: 'Churn model: production readiness review', client: 'Acme Insurance', author: 'Jo Smith' },
});

const GOLDEN = new URL('../golden/', import.meta.url);

/** Compares with test/golden/<name>; with UPDATE_GOLDEN=1, writes it instead. */
async function expectGolden(name: string, actual: string): Promise<void> {
  const file = new URL(name, GOLDEN);
  if (process.env.UPDATE_GOLDEN === '1') {
    await mkdir(GOLDEN, { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, 'utf8').catch(() => {
    throw new Error(`test/golden/${name} is missing: create it with UPDATE_GOLDEN=1 npx vitest run test/render/markdown.test.ts, then read it`);
  });
  expect(actual).toBe(expected);
}

describe('golden files', () => {
  it('renders a notebook proof of concept with no answers', async () => {
    await expectGolden('report-notebook-poc.md', renderMarkdown(notebookPoc));
  });

  it('renders a small service with answers, a cover and links to GitHub', async () => {
    await expectGolden('report-service.md', renderMarkdown(service));
  });

  it('renders every finding and the appendix with --detail full', async () => {
    await expectGolden('report-service-full.md', renderMarkdown(service, { detail: 'full' }));
  });
});

/** The lines of a section, from its heading to the next heading of the same level. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  const level = heading.match(/^#+ /)![0];
  const end = lines.findIndex((line, i) => i > start && line.startsWith(level));
  return lines.slice(start, end < 0 ? undefined : end);
}

/** Each line with how many `<details>` enclose it, and the summary of the innermost. */
function folds(lines: readonly string[]): Array<{ line: string; depth: number; summary: string }> {
  const open: string[] = [];
  return lines.map((line, i) => {
    if (line === '<details>') open.push(lines[i + 1] ?? '');
    const entry = { line, depth: open.length, summary: open.at(-1) ?? '' };
    if (line === '</details>') open.pop();
    return entry;
  });
}

describe('the first screen', () => {
  const markdown = renderMarkdown(service);

  it('shows the cover when given, and no client or author otherwise', () => {
    expect(markdown.startsWith('# Churn model: production readiness review\n\nClient: Acme Insurance · Prepared by Jo Smith\n')).toBe(true);
    const poc = renderMarkdown(notebookPoc);
    expect(poc.startsWith('# Production readiness: churn-notebook\n\nAudited 2026-11-23')).toBe(true);
    expect(poc).not.toMatch(/Client:|Prepared by/);
  });

  it('lists at most five top risks, the most severe first, each with the phase that fixes it', () => {
    const risks = section(renderMarkdown(notebookPoc), '## Top risks').filter((line) => /^\d+\. /.test(line));
    expect(risks.length).toBeGreaterThan(0);
    expect(risks.length).toBeLessThanOrEqual(5);
    const weights: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };
    const severities = risks.map((line) => weights[line.match(/^\d+\. \*\*(\w+)\*\*/)![1]!]!);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    for (const risk of risks) expect(risk).toMatch(/Fixed in: (Go-live blockers|L\d \w+)/);
  });

  it('gives the budget from the answers, or the questions that would bring it', () => {
    expect(section(markdown, '## Budget and timeline')).toContain('- **Production budget: 180,000–300,000 EUR**');
    expect(section(renderMarkdown(notebookPoc), '## Budget and timeline').join('\n')).toMatch(/- Production budget: not estimated yet: answer `roi\.poc-cost`/);
  });
});

describe('executive and full', () => {
  /** The words a reader sees before unfolding anything. */
  const plainView = (markdown: string) =>
    folds(markdown.split('\n'))
      .filter(({ line, depth }) => depth === 0 && line !== '</details>')
      .map(({ line }) => line)
      .join(' ')
      .split(/\s+/)
      .filter(Boolean).length;

  it('keeps what a reader sees unfolded to a minute’s reading, however long the roadmap or the questions', () => {
    for (const report of [largeRoadmap(service, 12), notebookPoc]) {
      const markdown = renderMarkdown(report);
      // About 250 words a minute, and a reader skims the tables.
      expect(plainView(markdown)).toBeLessThan(450);
      expect(markdown).toMatch(/^## (Top risks|Roadmap|Business case)$/m);
    }
    expect(notebookPoc.questions.length).toBeGreaterThan(40);
  });

  it('leaves every finding and the appendix to the full report, and says how to get it', () => {
    const executive = renderMarkdown(service);
    expect(executive).not.toMatch(/^## (Findings|Appendix)$/m);
    expect(executive).toContain('`--detail full`');
    const full = renderMarkdown(service, { detail: 'full' });
    for (const heading of ['## Findings', '## Appendix']) expect(full).toContain(`\n${heading}\n`);
    for (const finding of service.findings) expect(full).toContain(`<summary>${finding.ruleId}: `);
  });

  it('shows the commands of fix steps as code, in both', () => {
    const withCode = structuredClone(service);
    const item = withCode.roadmap.phases[0]!.items[0]!;
    item.steps = ['Run `git init`, then `dvc add data/` and commit `*.dvc`.'];
    for (const detail of ['executive', 'full'] as const) {
      const html = marked.parse(renderMarkdown(withCode, { detail }), { gfm: true, async: false }) as string;
      if (detail === 'full') expect(html).toContain('Run <code>git init</code>, then <code>dvc add data/</code> and commit <code>*.dvc</code>.');
      expect(html).not.toContain('\\`');
    }
  });

  it('says there is no timeline once the highest level is reached, rather than "answer" and nothing', () => {
    const top = structuredClone(service);
    Object.assign(top.summary, { level: 4, levelName: 'Continuous operations' });
    top.business.figures = top.business.figures.filter((figure) => figure.id !== 'timeline');
    top.business.missing = top.business.missing.filter((missing) => missing.id !== 'timeline');
    expect(renderMarkdown(top)).toContain('- Timeline to target: none (L4 Continuous operations, the highest level, is reached)');
    const html = renderHtml(top, { logo: null });
    expect(html).toContain('<div class="muted">L4 Continuous operations, the highest level, is reached</div>');
    expect(html).not.toMatch(/answer\s*<\/div>/);
  });

  it('shows code in why a rule matters and how it is detected as code too', () => {
    const withCode = structuredClone(service);
    Object.assign(withCode.findings[0]!, { why: 'Without `dvc.lock` nothing pins the data.', detection: 'Looks for `environment:` keys.' });
    const html = marked.parse(renderMarkdown(withCode, { detail: 'full' }), { gfm: true, async: false }) as string;
    expect(html).toContain('Without <code>dvc.lock</code> nothing pins the data.');
    expect(html).toContain('Looks for <code>environment:</code> keys.');
  });
});

describe('findings', () => {
  const lines = section(renderMarkdown(service, { detail: 'full' }), '## Findings');

  it('shows what needs work in plain view and folds what passed, one fold per category', () => {
    const rows = folds(lines).filter(({ line }) => line.startsWith('| '));
    const open = rows.filter(({ line }) => /^\| (✗ fail|◐ partial|\? unknown) /.test(line));
    const passed = rows.filter(({ line }) => /^\| (✓ pass|– n\/a) /.test(line));
    expect(open.length).toBeGreaterThan(0);
    expect(passed.length).toBeGreaterThan(0);
    for (const row of open) expect(row.depth, row.line).toBe(0);
    for (const row of passed) {
      expect(row.depth, row.line).toBe(1);
      expect(row.summary).toMatch(/^<summary>\d+ passed|^<summary>\d+ not applicable/);
    }
    const categories = lines.filter((line) => line.startsWith('### ')).length;
    expect(lines.filter((line) => /^<summary>\d+ (passed|not applicable)/.test(line)).length).toBeLessThanOrEqual(categories);
  });

  it('puts failures first in each category', () => {
    const order = ['✗ fail', '◐ partial', '? unknown', '≈ waived'];
    for (const table of lines.join('\n').split('| Result | Rule |').slice(1)) {
      const ranks = [...table.matchAll(/^\| ([^|]+?) \| /gm)].map((match) => order.indexOf(match[1]!)).filter((rank) => rank >= 0);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('links evidence to the file and line at the audited commit', () => {
    expect(lines.join('\n')).toMatch(new RegExp(`\\]\\(https://github\\.com/acme/churn/blob/${COMMIT}/[\\w./-]+#L\\d+\\)`));
  });

  it('links evidence in a Next.js route group and a dynamic segment too', async () => {
    const app = await reportFromFiles(
      { 'app/(chat)/api/chat/[id]/route.ts': 'import { streamText } from "ai";\n\nexport async function POST(request: Request) {\n  return streamText({ model, prompt }).toTextStreamResponse();\n}\n' },
      { name: 'chat', git: gitFacts({ head: COMMIT, webUrl: 'https://github.com/acme/chat' }) },
    );
    const markdown = renderMarkdown(app, { detail: 'full' });
    expect(markdown).toContain(`](https://github.com/acme/chat/blob/${COMMIT}/app/%28chat%29/api/chat/%5Bid%5D/route.ts#L3)`);
  });

  it("links a monorepo subdirectory's evidence from the top of the repository", async () => {
    const model = await reportFromFiles(
      { 'train.py': 'import mlflow\nmlflow.log_param("lr", 0.1)\n' },
      { name: 'model', git: gitFacts({ head: COMMIT, webUrl: 'https://github.com/acme/mono' }), directory: 'services/model' },
    );
    expect(model.target.directory).toBe('services/model');
    expect(renderMarkdown(model, { detail: 'full' })).toContain(`[\`train.py:2\`](https://github.com/acme/mono/blob/${COMMIT}/services/model/train.py#L2)`);
  });

  it('leaves a blank line after every summary, so that GitHub renders the Markdown inside', () => {
    const markdown = renderMarkdown(service, { detail: 'full' }).split('\n');
    markdown.forEach((line, i) => {
      if (line.startsWith('<summary>')) expect(markdown[i + 1], line).toBe('');
    });
  });
});

/*
 * Mermaid's gantt syntax, as strictly as this report needs it: a header, sections, and tasks
 * with explicit dates. Whatever a label holds, each line must still parse as what it is meant to be.
 */
const TASK = /^\s*([^:#;\n]+?)\s*:(crit, )?([A-Za-z][A-Za-z0-9_]*), (\d{4}-\d{2}-\d{2}), (\d+)d$/;
const STATEMENT = /^(gantt|topaxis|inclusiveenddates|acctitle|accdescr|\d{4}-\d{2}-\d{2}|(dateformat|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|section|click|call|href)(\s|$))/i;

function ganttBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!.split('\n'));
}

function validDate(date: string): boolean {
  return !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

/** What is wrong with a gantt block; empty when it is valid. */
function ganttErrors(lines: readonly string[]): string[] {
  const errors: string[] = [];
  if (lines[0] !== 'gantt') errors.push(`first line is not "gantt": ${lines[0]}`);
  const ids = new Set<string>();
  const tasksPerSection: number[] = [];
  for (const line of lines.slice(1)) {
    const text = line.trim();
    if (text === 'dateFormat YYYY-MM-DD' || /^axisFormat [%\w ,./-]+$/.test(text)) continue;
    // Beyond the date formats, nothing may open a comment or directive, or reach the SVG as markup.
    if (/[`<>&%{}"]/.test(line)) errors.push(`unsafe character: ${line}`);
    if (/^(title|excludes) [^#;]+$/.test(text)) continue;
    if (/^section [^#:;]+$/.test(text)) {
      tasksPerSection.push(0);
      continue;
    }
    const task = TASK.exec(line);
    if (!task) {
      errors.push(`not a gantt statement: ${line}`);
      continue;
    }
    const [, label, , id, date] = task;
    if (STATEMENT.test(label!)) errors.push(`label reads as a statement: ${line}`);
    if (ids.has(id!)) errors.push(`duplicate id: ${id}`);
    ids.add(id!);
    if (!validDate(date!)) errors.push(`invalid date: ${line}`);
    if (tasksPerSection.length === 0) errors.push(`task outside a section: ${line}`);
    else tasksPerSection[tasksPerSection.length - 1]!++;
  }
  if (tasksPerSection.includes(0)) errors.push('a section without tasks');
  if (ids.size === 0) errors.push('no tasks');
  return errors;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  'Deploy: now # not a comment ; next',
  'code `x` and ```fence```',
  'two\nlines\r\nand more',
  '%% a Mermaid comment',
  '%%{init: {"theme": "forest"}}%%',
  'click t1 href "javascript:alert(3)"',
  'call alert(4)',
  'section Injected',
  'title Injected',
  'dateFormat X',
  'excludes weekends',
  'Gantt',
  '2026-01-01 looks like a date',
  '&lt;b&gt; & <b>bold</b> | [x](javascript:alert(5))',
  '',
  '   ',
  'x'.repeat(300),
];

/** The service report with every chart label from the list above. */
function hostileChart(report: Report): Report {
  const hostile = structuredClone(report);
  let n = 0;
  for (const phase of hostile.roadmap.phases) {
    phase.title = HOSTILE[n++ % HOSTILE.length]!;
    for (const item of phase.items) item.title = HOSTILE[n++ % HOSTILE.length]!;
  }
  hostile.target.name = HOSTILE[0]!;
  hostile.findings[0]!.title = HOSTILE[1]!;
  return hostile;
}

/** The roadmap `copies` times over, each copy with its own rule ids. */
function largeRoadmap(report: Report, copies: number): Report {
  const large = structuredClone(report);
  for (const phase of large.roadmap.phases) {
    phase.items = Array.from({ length: copies }, (_, copy) => phase.items.map((item) => ({ ...item, ruleIds: item.ruleIds.map((id) => `${id}-${copy}`) }))).flat();
  }
  return large;
}

describe('the roadmap chart', () => {
  it('is one valid Mermaid gantt block with a task per roadmap item, dated from the report day', () => {
    const markdown = renderMarkdown(service);
    const blocks = ganttBlocks(markdown);
    expect(blocks).toHaveLength(1);
    expect(ganttErrors(blocks[0]!)).toEqual([]);
    const items = service.roadmap.phases.reduce((n, phase) => n + phase.items.length, 0);
    expect(blocks[0]!.filter((line) => TASK.test(line))).toHaveLength(items);
    expect(blocks[0]!.find((line) => TASK.test(line))).toMatch(/, 2026-11-23, \d+d$/);
    expect(section(markdown, '## Roadmap').join('\n')).toContain('Planned with 3 people (from `roi.team-fte`)');
    expect(section(renderMarkdown(notebookPoc), '## Roadmap').join('\n')).toContain('Planned with 2 people (assumed: answer `roi.team-fte`)');
  });

  it('tags critical items', () => {
    const critical = service.roadmap.phases.flatMap((phase) => phase.items).filter((item) => item.severity === 'critical').length;
    expect(critical).toBeGreaterThan(0);
    expect(ganttBlocks(renderMarkdown(service))[0]!.filter((line) => line.includes(':crit, '))).toHaveLength(critical);
  });

  it('stays valid whatever the labels hold, and the report renders no markup from them', () => {
    const markdown = renderMarkdown(hostileChart(service));
    const blocks = ganttBlocks(markdown);
    expect(blocks).toHaveLength(1);
    expect(ganttErrors(blocks[0]!)).toEqual([]);
    const html = marked.parse(markdown, { gfm: true, async: false }) as string;
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript:/i);
  });

  it('stays valid with more than a hundred items', () => {
    const large = largeRoadmap(service, 12);
    expect(large.roadmap.phases.reduce((n, phase) => n + phase.items.length, 0)).toBeGreaterThan(100);
    const blocks = ganttBlocks(renderMarkdown(large));
    expect(ganttErrors(blocks[0]!)).toEqual([]);
  });

  it('is left out when the roadmap is empty', () => {
    const done = { ...service, roadmap: { phases: [], effortWeeks: { min: 0, max: 0 } } };
    const markdown = renderMarkdown(done);
    expect(ganttBlocks(markdown)).toEqual([]);
    expect(section(markdown, '## Roadmap')).toContain('Nothing is failing. Answer the open questions below to confirm the result.');
  });
});

describe('mermaidLabel', () => {
  it('keeps letters, digits and simple punctuation', () => {
    expect(mermaidLabel("Pin dependencies (pip-tools/uv), v2.0 + the team's lock_file")).toBe("Pin dependencies (pip-tools/uv), v2.0 + the team's lock_file");
    expect(mermaidLabel('Modèle évalué')).toBe('Modèle évalué');
  });

  it('turns everything else into single spaces, and & into "and"', () => {
    expect(mermaidLabel('Deploy: now # not ; next')).toBe('Deploy now not, next');
    expect(mermaidLabel('two\nlines\r\n\tand `code`')).toBe('two lines and code');
    expect(mermaidLabel('R&D <b>x</b>')).toBe('R and D b x /b');
    expect(mermaidLabel('%%{init: {"theme": "forest"}}%%')).toBe('init theme forest');
  });

  it('quotes a label that Mermaid would read as a statement', () => {
    expect(mermaidLabel('click t1 href "javascript:alert(1)"')).toBe("'click t1 href javascript alert(1)'");
    expect(mermaidLabel('Title of the model')).toBe("'Title of the model'");
    expect(mermaidLabel('2026-01-01 release')).toBe("'2026-01-01 release'");
    expect(mermaidLabel('Clickstream features')).toBe('Clickstream features');
  });

  it('cuts long labels to 60 characters', () => {
    const label = mermaidLabel('word '.repeat(40));
    expect(label.length).toBeLessThanOrEqual(60);
    expect(label.endsWith('…')).toBe(true);
  });

  it.each(HOSTILE)('leaves nothing Mermaid or a browser would interpret in %j', (text) => {
    const label = mermaidLabel(text);
    expect(label).toMatch(/^[\p{L}\p{M}\p{N} \-_.,()/'+…]*$/u);
    expect(label.length).toBeLessThanOrEqual(62);
    expect(label).not.toMatch(STATEMENT);
  });
});
