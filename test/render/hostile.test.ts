import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { SOURCES } from '../../src/render/methodology.js';
import { renderText } from '../../src/render/text.js';
import { AWS_KEY, hostileReport, IMG, MARKDOWN, SCRIPT } from '../helpers/hostile-report.js';
import { renderHtml } from '../helpers/html.js';

const report = await hostileReport();

function unescapedPipes(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length;
}

// The full reports: everything the executive ones show, and every finding and the appendix besides.
describe('HTML report with hostile content', () => {
  const html = renderHtml(report, { logo: null, detail: 'full' });

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
    expect(html).not.toContain(AWS_KEY);
    expect(html).toContain('AKIA********');
  });
});

describe('Markdown report with hostile content', () => {
  const markdown = renderMarkdown(report, { detail: 'full' });
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
    expect(markdown).not.toContain(AWS_KEY);
  });
});

describe('text report', () => {
  it('prints no terminal escape sequences from the repository', () => {
    const text = renderText(report, { color: false });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).not.toContain(AWS_KEY);
  });
});
