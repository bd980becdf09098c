import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { SOURCES } from '../../src/render/methodology.js';
import { renderText } from '../../src/render/text.js';
import { reportFromFiles } from '../helpers/report.js';
import { gitFacts } from '../helpers/rule-tester.js';

/*
 * The audited repository is untrusted: its file names, code and the answers flow into reports
 * that a consultant opens in a browser or GitHub renders in a pull request. Nothing in them may
 * become markup, a link, a mention or a script.
 */
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';
const MARKDOWN = '| cell | [click](javascript:alert(3)) **bold** @everyone $x^2$ ![i](http://evil.example/p.png)';

const report = await reportFromFiles(
  {
    [`src/${SCRIPT}.py`]: `import mlflow\nmlflow.log_param("${IMG}", "${MARKDOWN}")\n`,
    [`notebooks/"><img src=y onerror=alert(4)>.ipynb`]: JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'code', source: [`wandb.init(project="${SCRIPT}")`], outputs: [] }] }),
    'requirements.txt': `pandas\n`,
    '.github/workflows/ci.yml': `on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest "${IMG}" ${MARKDOWN.replace(/\|/g, '')}\n`,
    'config/prod.yaml': 'aws_access_key_id: AKIAIOSFODNN7EXAMPLE\n',
    'src/\u001b[2J\u001b]8;;http://evil.example\u0007clear.py': 'import wandb\nwandb.init(project="\u001b[31mred")\n',
    // A served model that logs nothing contradicts the answer below: the conflict quotes this file.
    [`src/${IMG}api.py`]: `from fastapi import FastAPI\napp = FastAPI()\n\n@app.post("/${SCRIPT}")\ndef score(x: dict) -> dict:\n    return x\n`,
  },
  { name: `${SCRIPT}${IMG}`, git: gitFacts({ webUrl: 'https://github.com/acme/churn' }), answers: { 'monitoring.live-quality': 'automated' } },
);
// The hostile file must reach the new sections too, or the checks below would not cover them.
if (!report.conflicts[0]?.evidence.some((evidence) => evidence.path?.includes('<img'))) throw new Error('no conflict quoting the hostile file');
report.warnings.push({ path: `bad/${IMG}.yaml`, line: 3, message: `could not parse ${SCRIPT} ${MARKDOWN}` });

function unescapedPipes(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length;
}

describe('HTML report with hostile content', () => {
  const html = renderHtml(report);

  it('contains no script, image or event handler from the repository', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\son\w+=/i);
  });

  it('shows the hostile text as text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
  });

  it('links only to the repository host, and forbids every request by policy', () => {
    const links = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]!);
    const ours = new Set(SOURCES.map((source) => source.url));
    expect(links.filter((link) => !link.startsWith('#') && !ours.has(link)).every((link) => link.startsWith('https://github.com/acme/churn/blob/'))).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`);
  });

  it('never shows the full secret', () => {
    expect(html).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(html).toContain('AKIA********');
  });
});

describe('Markdown report with hostile content', () => {
  const markdown = renderMarkdown(report);
  const rendered = marked.parse(markdown, { gfm: true, async: false }) as string;

  it('renders to HTML with no script, image, or javascript link', () => {
    expect(rendered).not.toMatch(/<script/i);
    expect(rendered).not.toMatch(/<img/i);
    expect(rendered).not.toMatch(/href="javascript:/i);
  });

  it('keeps every table row to its header’s columns', () => {
    const lines = markdown.split('\n');
    lines.forEach((line, i) => {
      if (!line.startsWith('|') || lines[i - 1]?.startsWith('|')) return;
      const columns = unescapedPipes(line);
      for (let j = i + 1; lines[j]?.startsWith('|'); j++) expect(unescapedPipes(lines[j]!), lines[j]).toBe(columns);
    });
  });

  it('does not mention people or render math', () => {
    expect(markdown).not.toMatch(/(?<!\\)@everyone/);
    expect(markdown).not.toMatch(/(?<!\\)\$x/);
  });

  it('never shows the full secret', () => {
    expect(markdown).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});

describe('text report', () => {
  it('prints no terminal escape sequences from the repository', () => {
    const text = renderText(report, { color: false });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
});
