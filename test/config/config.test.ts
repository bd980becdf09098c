import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRuleSettings } from '../../src/config/apply.js';
import { checkConfigAgainst, findConfig, loadConfig } from '../../src/config/load.js';
import { applyWaivers } from '../../src/config/waivers.js';
import type { Waiver } from '../../src/config/types.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { scoreFindings } from '../../src/score/score.js';
import { scanFiles } from '../../src/scan/scan.js';
import { finding } from '../helpers/findings.js';
import { inputError } from '../helpers/input-error.js';
import { builtinRules } from '../helpers/rule-tester.js';
import { tempDir } from '../helpers/temp.js';

async function config(text: string) {
  const dir = await tempDir({ '.scale-audit.yaml': text });
  return loadConfig(join(dir, '.scale-audit.yaml'));
}

describe('finding the configuration', () => {
  it('takes the nearest file from the audited directory upward', async () => {
    const root = await tempDir({ '.scale-audit.yaml': 'version: 1\n', 'services/churn/.scale-audit.yml': 'version: 1\n' });
    await mkdir(join(root, 'services/churn/src'), { recursive: true });
    expect(await findConfig(join(root, 'services/churn/src'))).toBe(join(root, 'services/churn/.scale-audit.yml'));
    expect(await findConfig(join(root, 'services'))).toBe(join(root, '.scale-audit.yaml'));
  });
});

describe('loading it', () => {
  it('remembers the file and line of each setting', async () => {
    const { config: loaded } = await config('version: 1\nrules:\n  mlops.code-quality:\n    enabled: false\n    reason: Linted upstream\ngates:\n  failUnder: 60\n');
    expect(loaded.rules['mlops.code-quality']).toMatchObject({ enabled: false, reason: 'Linted upstream', source: { line: 3 } });
    expect(loaded.gateSources.failUnder).toMatchObject({ line: 7 });
  });

  it.each([
    ['a rule switched off without a reason', 'version: 1\nrules:\n  mlops.code-quality: { enabled: false }\n', /\.scale-audit\.yaml:3:23: rules\.mlops\.code-quality: missing required property "reason"/],
    ['a waiver without a reason', 'version: 1\nwaivers:\n  - rule: security.sast\n    expires: 2027-01-01\n', /:3:5: waivers\[0\]: missing required property "reason"/],
    ['a waiver with a bad date', 'version: 1\nwaivers:\n  - { rule: security.sast, reason: x, expires: next year }\n', /waivers\[0\]\.expires: does not have the expected form/],
    ['an unknown key', 'version: 1\ngate:\n  failUnder: 60\n', /:2:1: unknown property "gate" \(did you mean "gates"\?\)/],
    ['a score out of range', 'version: 1\ngates: { failUnder: 160 }\n', /gates\.failUnder: must be <= 100/],
    ['no version', 'gates: { failUnder: 60 }\n', /missing required property "version"/],
  ])('reports %s with file, line and column', async (_name, text, message) => {
    const dir = await tempDir({ '.scale-audit.yaml': text });
    expect((await inputError(loadConfig(join(dir, '.scale-audit.yaml')))).describe()).toMatch(message);
  });

  it.each([
    ['an unknown rule', 'version: 1\nrules:\n  mlops.code-qualty: { severity: high }\n', /:3:3: unknown rule "mlops\.code-qualty" \(did you mean "mlops\.code-quality"\?\)/],
    ['an unknown category', 'version: 1\ncategories:\n  securty: { weight: 2 }\n', /unknown category "securty" \(did you mean "security"\?\)/],
    ['an unknown category gate', 'version: 1\ngates:\n  failUnderCategory: { dta: 50 }\n', /unknown category "dta" \(did you mean "data"\?\)/],
    ['a waiver for an unknown rule', 'version: 1\nwaivers:\n  - { rule: security.sats, reason: x, expires: 2027-01-01 }\n', /:3:13: unknown rule "security\.sats"/],
  ])('refuses %s, which would silently do nothing', async (_name, text, message) => {
    const { config: loaded, source } = await config(text);
    const error = await inputError(Promise.resolve().then(() => checkConfigAgainst(builtinRules, source, loaded)));
    expect(error.describe()).toMatch(message);
  });
});

describe('rule settings', () => {
  it('turns a rule off, with its reason and line as evidence, and out of the scores', async () => {
    const { config: loaded } = await config('version: 1\nrules:\n  mlops.code-quality: { enabled: false, reason: Linted upstream }\n  mlops.ci-pipeline: { severity: low }\n');
    const ruleSet = applyRuleSettings(builtinRules, [loaded]);
    const facts = await scanFiles({ 'train.py': 'x = 1\n' }, { signals: ruleSet.signals, now: new Date('2026-11-23') });
    const findings = evaluate(ruleSet, facts, { path: null, values: {} });
    const off = findings.find((f) => f.ruleId === 'mlops.code-quality')!;
    expect(off).toMatchObject({ status: 'not_applicable', message: 'Switched off by the configuration: Linted upstream' });
    expect(off.evidence).toEqual([{ kind: 'config', path: loaded.file, line: 3, detail: 'switched off: Linted upstream' }]);
    expect(findings.find((f) => f.ruleId === 'mlops.ci-pipeline')!.severity).toBe('low');
  });

  it('scales a category’s share of the overall score by its weight', () => {
    const categories = [{ id: 'data', title: 'Data', description: '' }, { id: 'roi', title: 'ROI', description: '' }];
    const findings = [finding('data.a', 'pass', 'high'), { ...finding('roi.a', 'fail', 'high'), weight: 3 * 0.5 }];
    // (3×1 + 1.5×0) / 4.5 = 0.667 → 67, against 50 with equal weights; roi's own score stays 0
    const { summary, categories: scores } = scoreFindings(findings, categories);
    expect(summary.score).toBe(67);
    expect(scores[1]!.score).toBe(0);
  });
});

describe('waivers', () => {
  const waiver = (overrides: Partial<Waiver> = {}): Waiver => ({ rule: 'security.no-committed-secrets', reason: 'Fake test keys', expires: '2027-01-31', source: { file: 'c.yaml', line: 4 }, ...overrides });
  const secrets = { ...finding('security.no-committed-secrets', 'fail', 'critical'), evidence: [{ kind: 'found' as const, path: 'tests/fixtures/keys.env', line: 1, detail: 'aws key' }] };

  it('waives a finding, keeping what it would be, until the day it expires', () => {
    const { findings, expired } = applyWaivers([secrets], [waiver({ owner: 'ana' })], new Date('2027-01-31T23:00:00Z'));
    expect(findings[0]).toMatchObject({ status: 'waived', score: null, waiver: { status: 'fail', owner: 'ana', expires: '2027-01-31' } });
    expect(findings[0]!.evidence[0]).toEqual({ kind: 'config', path: 'c.yaml', line: 4, detail: 'waiver: Fake test keys' });
    expect(expired).toEqual([]);
  });

  it('stops counting the day after it expires, and says so', () => {
    const { findings, expired } = applyWaivers([secrets], [waiver()], new Date('2027-02-01T00:00:00Z'));
    expect(findings[0]!.status).toBe('fail');
    expect(expired.map((w) => w.rule)).toEqual(['security.no-committed-secrets']);
  });

  it('covers a finding only when all its evidence lies in its paths', () => {
    const spread = { ...secrets, evidence: [...secrets.evidence, { kind: 'found' as const, path: 'config/prod.yaml', line: 2, detail: 'aws key' }] };
    const { findings, unused } = applyWaivers([spread], [waiver({ paths: ['tests/fixtures/**'] })], new Date('2026-12-01'));
    expect(findings[0]!.status).toBe('fail');
    expect(unused).toHaveLength(1);
    expect(applyWaivers([secrets], [waiver({ paths: ['tests/fixtures/**'] })], new Date('2026-12-01')).findings[0]!.status).toBe('waived');
  });
});
