import { describe, expect, it } from 'vitest';
import { guardRules } from '../../src/score/guards.js';
import { scoreFindings } from '../../src/score/score.js';
import { reportFromFiles } from '../helpers/report.js';
import { builtinRules } from '../helpers/rule-tester.js';

describe('guard rules', () => {
  it('are the rules an empty repository passes: problems that are absent, not practices that are present', async () => {
    const guards = await guardRules(builtinRules, new Date('2026-11-23T12:00:00Z'));
    expect(guards.has('security.no-committed-secrets')).toBe(true);
    expect(guards.has('data.no-large-binaries-in-git')).toBe(true);
    expect(guards.has('mlops.ci-pipeline')).toBe(false);
    expect(guards.has('mlops.version-control')).toBe(false);
  });

  it('are those the build recorded for the built-in packs, unless a setting could change them', async () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const evaluated = await guardRules({ ...builtinRules, recordedGuards: undefined }, now);
    expect(builtinRules.recordedGuards).toBeDefined();
    expect(new Set(builtinRules.recordedGuards)).toEqual(evaluated);
    expect(await guardRules(builtinRules, now)).toEqual(evaluated);

    // A rule switched off is not applicable, so no longer a pass; the recorded answer no longer holds.
    const evidence = { kind: 'config' as const, detail: 'switched off: test' };
    const switchedOff = { ...builtinRules, rules: builtinRules.rules.map((rule) => (rule.id === 'security.no-committed-secrets' ? { ...rule, disabled: { message: 'off', evidence } } : rule)) };
    const guards = await guardRules(switchedOff, now);
    expect(guards.has('security.no-committed-secrets')).toBe(false);
    expect(guards.has('data.no-large-binaries-in-git')).toBe(true);
  });

  it('give an empty repository no score above zero', async () => {
    const report = await reportFromFiles({});
    // Not an ML project, so the report withholds the score; the scoring model alone gives it 0.
    expect(report.summary.score).toBeNull();
    expect(scoreFindings(report.findings, builtinRules.categories, new Set(report.summary.guards)).summary.score).toBe(0);
    expect(report.summary.guards).toContain('security.no-committed-secrets');
  });

  it('still cost a repository that fails them', async () => {
    const files = { 'train.py': 'import sklearn\nmodel.fit(X, y)\n', 'requirements.txt': 'scikit-learn==1.5.0\n' };
    const clean = await reportFromFiles(files);
    const leaked = await reportFromFiles({ ...files, 'config.py': 'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"\nAWS_ACCESS_KEY_ID = "AKIAZ7VRSQ5TXMPL3Q2N"\n' });
    expect(leaked.findings.find((finding) => finding.ruleId === 'security.no-committed-secrets')!.status).toBe('fail');
    expect(leaked.summary.score!).toBeLessThan(clean.summary.score!);
  });
});
