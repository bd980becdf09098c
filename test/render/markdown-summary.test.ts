import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdownSummary } from '../../src/render/markdown-summary.js';
import type { Report } from '../../src/report/types.js';
import { notebook } from '../helpers/repo-snippets.js';
import { reportFromFiles } from '../helpers/report.js';

const base = await reportFromFiles({ 'train.ipynb': notebook('from sklearn.linear_model import LogisticRegression'), 'requirements.txt': 'pandas\nscikit-learn\n' });

/** A report far larger than any real one: thousands of findings, roadmap items and questions, with long texts. */
function huge(report: Report): Report {
  const big = structuredClone(report);
  const long = (i: number) => `${'A long message about a gap that goes on and on '.repeat(20)}#${i}`;
  const gaps = report.findings.filter((finding) => finding.status === 'fail');
  big.findings = Array.from({ length: 3000 }, (_, i) => ({ ...gaps[i % gaps.length]!, ruleId: `pack${i}.rule-${i}`, message: long(i) }));
  const phase = big.roadmap.phases[0]!;
  phase.items = Array.from({ length: 1500 }, (_, i) => ({ ...phase.items[0]!, ruleIds: [`pack${i}.rule-${i}`], action: long(i) }));
  big.questions = Array.from({ length: 800 }, (_, i) => ({ ...report.questions[0]!, id: `pack${i}.question`, text: long(i) }));
  return big;
}

function foldsAreClosed(markdown: string): void {
  expect(markdown.match(/<details>/g)?.length ?? 0).toBe(markdown.match(/<\/details>/g)?.length ?? 0);
}

describe('Markdown summary for a pull-request comment', () => {
  it('puts the score, the level and what to do first in plain view, and folds the rest', () => {
    const summary = renderMarkdownSummary(base);
    const [title] = summary.split('\n');
    expect(title).toMatch(/^### Production readiness of demo: \d+\/100, L\d /);
    expect(summary.indexOf('**Do first**')).toBeLessThan(summary.indexOf('<details>'));
    expect(summary).toContain('<details><summary>Roadmap:');
    foldsAreClosed(summary);
  });

  it('leads with the gates when there are any, failed first', () => {
    const gated = structuredClone(base);
    gated.gates = [
      { gate: '--min-confidence', passed: true, message: 'confidence 40 ≥ 30', source: '--min-confidence' },
      { gate: '--fail-under', passed: false, message: `readiness ${base.summary.score} < 60`, source: '--fail-under' },
    ];
    const summary = renderMarkdownSummary(gated);
    expect(summary.split('\n')[0]).toMatch(/^### ✗ /);
    expect(summary).toContain('**Gates: 1 of 2 failed**');
    expect(summary.indexOf('✗ readiness')).toBeLessThan(summary.indexOf('✓ confidence'));
  });

  it(`stays under GitHub's ${GITHUB_COMMENT_LIMIT}-character limit for a huge audit, and says what it left out`, () => {
    const big = huge(base);
    expect(renderMarkdown(big, { detail: 'full' }).length).toBeGreaterThan(GITHUB_COMMENT_LIMIT);
    const summary = renderMarkdownSummary(big);
    expect(summary.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(summary.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT * 0.9);
    for (const noun of ['roadmap items', 'rules', 'questions']) expect(summary).toMatch(new RegExp(`… \\d+ more ${noun} in the full report\\.`));
    expect(summary).toContain('The full report, with the evidence for every finding');
    foldsAreClosed(summary);
  });

  it('respects a smaller limit too', () => {
    for (const maxLength of [2_000, 5_000, 20_000]) {
      const summary = renderMarkdownSummary(huge(base), { maxLength });
      expect(summary.length).toBeLessThanOrEqual(maxLength);
      foldsAreClosed(summary);
    }
  });

  it('escapes what comes from the repository', () => {
    const hostile = structuredClone(base);
    hostile.target.name = '<script>alert(1)</script> @everyone [x](javascript:alert(2))';
    hostile.roadmap.phases[0]!.items[0]!.action = '<img src=x onerror=alert(3)>';
    const html = marked.parse(renderMarkdownSummary(hostile), { gfm: true, async: false }) as string;
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
  });
});
