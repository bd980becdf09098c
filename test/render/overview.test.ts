import { describe, expect, it } from 'vitest';
import { coverLine, headlineFigures, reportTitle, topRisks } from '../../src/render/overview.js';
import { reportFromFiles } from '../helpers/report.js';

const notebookPoc = await reportFromFiles({ 'train.ipynb': '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', 'requirements.txt': 'pandas\nscikit-learn\n' });

describe('topRisks', () => {
  it('lists at most five open gaps, the most severe first and outright failures before partial ones', () => {
    const risks = topRisks(notebookPoc);
    expect(risks).toHaveLength(5);
    const weights = { critical: 4, high: 3, medium: 2, low: 1 };
    const keys = risks.map(({ finding }) => [-weights[finding.severity], finding.status === 'fail' ? 0 : 1, finding.level]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!));
    for (const risk of risks) {
      expect(['fail', 'partial']).toContain(risk.finding.status);
      expect(notebookPoc.roadmap.phases.map((phase) => phase.title)).toContain(risk.phase);
    }
  });
});

describe('headlineFigures', () => {
  it('names the questions that would bring the budget when they are unanswered', () => {
    const { budget, timeline } = headlineFigures(notebookPoc);
    expect(budget.value).toBeNull();
    expect(budget.missing).toContain('roi.poc-cost');
    // Without answers the timeline is the playbooks' range, named for the level it leads to.
    expect(timeline).toMatchObject({ label: 'Time to L2 Repeatable', value: '6–18 months' });
  });

  it('gives the budget range with its currency from the answers', async () => {
    const report = await reportFromFiles({ 'train.py': 'import sklearn\n' }, { answers: { 'roi.poc-cost': 50000, 'roi.currency': 'EUR' } });
    expect(headlineFigures(report).budget.value).toBe('150,000–250,000 EUR');
  });
});

describe('cover', () => {
  it('uses the cover title, client and author when given', () => {
    const report = { ...notebookPoc, cover: { title: 'Readiness review', client: 'Acme', author: 'Jo' } };
    expect(reportTitle(report)).toBe('Readiness review');
    expect(coverLine(report)).toBe('Client: Acme · Prepared by Jo');
  });

  it('falls back to the repository name and says nothing of a client not given', () => {
    expect(reportTitle(notebookPoc)).toBe('Production readiness: demo');
    expect(coverLine(notebookPoc)).toBe('');
  });
});
