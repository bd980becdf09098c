import { describe, expect, it } from 'vitest';
import { compareWithBaseline, createBaseline } from '../../src/gates/baseline.js';
import { evaluateGates } from '../../src/gates/gates.js';
import type { Report } from '../../src/report/types.js';
import { parseGateFlags } from '../../src/cli/gate-flags.js';
import { inputError } from '../helpers/input-error.js';
import { notebook } from '../helpers/repo-snippets.js';
import { reportFromFiles } from '../helpers/report.js';
import { gitFacts } from '../helpers/rule-tester.js';

const poc = await reportFromFiles({ 'poc.ipynb': notebook('import pandas as pd\nfrom sklearn.linear_model import LogisticRegression'), 'requirements.txt': 'pandas\nscikit-learn\n' }, { git: gitFacts() });

describe('evaluateGates', () => {
  it('checks each gate that is set, says why, and where its threshold came from', () => {
    const results = evaluateGates(
      poc,
      { failUnder: 100, failUnderCategory: { mlops: 0 }, failOn: 'critical', minLevel: 0, minConfidence: 100 },
      { failUnder: { flag: '--fail-under' }, failOn: { file: '.scale-audit.yaml', line: 7 } },
    );
    expect(results.map((r) => [r.gate, r.passed])).toEqual([
      ['--fail-under', false],
      ['--fail-under-category mlops', true],
      ['--fail-on', poc.findings.every((f) => !(f.severity === 'critical' && f.status === 'fail'))],
      ['--min-level', true],
      ['--min-confidence', false],
    ]);
    expect(results[0]).toMatchObject({ message: `readiness ${poc.summary.score} < 100`, source: '--fail-under' });
    expect(results[2]!.source).toBe('.scale-audit.yaml:7');
    expect(results[4]!.source).toBe('default');
  });

  it('fails a gate that cannot be checked rather than passing it silently', () => {
    const blank = { ...poc, summary: { ...poc.summary, score: null }, categories: poc.categories.map((c) => ({ ...c, score: null })) } as Report;
    const results = evaluateGates(blank, { failUnder: 0, failUnderCategory: { roi: 0 } }, {});
    expect(results.map((r) => r.passed)).toEqual([false, false]);
    expect(results[0]!.message).toMatch(/no readiness score/);
  });
});

describe('parseGateFlags', () => {
  it('reads every gate flag', () => {
    expect(parseGateFlags({ failUnder: '60', failUnderCategory: 'data=60, security=80', failOn: 'high', minLevel: 'L2', minConfidence: '70' }).values).toEqual({
      failUnder: 60,
      failUnderCategory: { data: 60, security: 80 },
      failOn: 'high',
      minLevel: 2,
      minConfidence: 70,
    });
  });

  it.each([
    [{ failOn: 'hgih' }, /--fail-on: unknown severity "hgih" \(did you mean "high"\?\)/],
    [{ minLevel: '5' }, /--min-level: expected a level from 0 to 4/],
    [{ failUnderCategory: 'data:60' }, /--fail-under-category: expected category=score pairs/],
    [{ failUnderCategory: 'data=600' }, /--fail-under-category data: expected a score from 0 to 100/],
    [{ minConfidence: 'all' }, /--min-confidence: expected a score from 0 to 100/],
  ])('refuses %j', async (flags, message) => {
    expect((await inputError(Promise.resolve().then(() => parseGateFlags(flags)))).message).toMatch(message);
  });
});

describe('baselines', () => {
  it('sees no regression against itself', () => {
    expect(compareWithBaseline(poc, createBaseline(poc))).toEqual({ regressions: [], improvements: [] });
  });

  it('keys findings by rule and evidence paths, never by line', () => {
    const baseline = createBaseline(poc);
    expect(JSON.stringify(baseline)).not.toMatch(/"line"/);
    expect(baseline.findings['mlops.ci-pipeline']).toEqual({ status: 'fail', paths: [] });
  });

  it('reports a worse rule, a lower score and a failing rule reaching new files as regressions', () => {
    const baseline = createBaseline(poc);
    baseline.score = (poc.summary.score ?? 0) + 5;
    baseline.findings['mlops.ci-pipeline'] = { status: 'pass', paths: [] };
    const secrets = poc.findings.find((f) => f.ruleId === 'security.no-committed-secrets')!;
    const leaked = { ...poc, findings: poc.findings.map((f) => (f === secrets ? { ...f, status: 'fail' as const, evidence: [{ kind: 'found' as const, path: 'config/prod.yaml', line: 3, detail: 'key', problem: true as const }] } : f)) };
    baseline.findings['security.no-committed-secrets'] = { status: 'fail', paths: ['notebooks/old.ipynb'] };
    const { regressions } = compareWithBaseline(leaked, baseline);
    expect(regressions).toEqual(
      expect.arrayContaining([`readiness ${baseline.score} → ${poc.summary.score}`, 'mlops.ci-pipeline pass → fail', 'security.no-committed-secrets now also in config/prod.yaml']),
    );
  });

  it('reports the opposite moves as improvements: the baseline can be tightened', () => {
    const baseline = createBaseline(poc);
    baseline.findings['mlops.ci-pipeline'] = { status: 'fail', paths: [] };
    const better = { ...poc, findings: poc.findings.map((f) => (f.ruleId === 'mlops.ci-pipeline' ? { ...f, status: 'pass' as const } : f)) };
    expect(compareWithBaseline(better, baseline)).toEqual({ regressions: [], improvements: ['mlops.ci-pipeline fail → pass'] });
  });
});
