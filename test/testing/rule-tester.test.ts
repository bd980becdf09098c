import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeFacts } from '../../src/testing/case.js';
import { RuleTester } from '../../src/testing/rule-tester.js';
import { builtinTester } from '../helpers/rule-tester.js';
import { tempDir } from '../helpers/temp.js';

/*
 * The tester pack authors use (`scale-audit/testing`, `scale-audit test`) must fail when a finding
 * differs from a case in any way a case can state, and list every outcome no case shows.
 */
const docker = { Dockerfile: 'FROM python:3.12-slim\nUSER app\n' };

describe('checking a case', () => {
  it('passes a case the finding matches, and says nothing', async () => {
    const { finding, differences } = await builtinTester.check('infra.containerized', { name: 'a Dockerfile CI never builds', files: docker, status: 'partial', evidence: 'Dockerfile' });
    expect(finding.status).toBe('partial');
    expect(differences).toEqual([]);
  });

  it('names each difference: status, evidence, conflict and severity', async () => {
    const { differences } = await builtinTester.check('infra.containerized', {
      name: 'wrong on every count',
      files: docker,
      status: 'fail',
      evidence: ['Dockerfile', 'Containerfile:3'],
      firstEvidence: 'CI',
      conflict: 'answer',
      severity: 'critical',
    });
    expect(differences).toEqual([
      'status: expected fail, got partial',
      'evidence: nothing contains "Containerfile:3"',
      'evidence: the first line does not contain "CI"',
      'conflict: expected answer, got none',
      'severity: expected critical, got high',
    ]);
  });

  it('throws, from assert, an error that lists the differences and shows the evidence', async () => {
    const error = await builtinTester.assert('infra.containerized', { name: 'no Dockerfile', files: docker, status: 'fail' }).then(
      () => null,
      (thrown: Error) => thrown,
    );
    expect(error?.message).toMatch(/^infra\.containerized › no Dockerfile:\n {2}status: expected fail, got partial\n {2}the evidence:\n {4}Dockerfile\b/);
  });

  it('refuses a case with an answer to no question, an answer of the wrong type, or a fact no collector fills', () => {
    expect(builtinTester.problems({ name: 'x', status: 'pass', answers: { 'team.ownrs': 'both', 'team.owners': 'yes' }, facts: { mlprojects: {} }, files: {}, tree: 'x' })).toEqual([
      { at: ['answers', 'team.ownrs'], message: 'unknown question "team.ownrs" (did you mean "team.owners"?)' },
      { at: ['answers', 'team.owners'], message: '"yes" is not an answer to team.owners, whose answer is one of both, technical-only, business-only, none' },
      { at: ['facts', 'mlprojects'], message: expect.stringMatching(/^unknown fact "mlprojects"; facts start with one of: factsVersion, root, files, git, warnings, files, dependencies/) },
      { at: ['tree'], message: 'a case has files or a tree, not both' },
    ]);
  });
});

describe('what a case can describe', () => {
  it('facts merged over the scanned ones, without a file', async () => {
    const finding = await builtinTester.run('mlops.notebook-hygiene', { name: 'mostly notebooks', facts: { notebooks: { notebookShare: 0.9, count: 4 } }, status: 'fail' });
    expect(finding.status).toBe('fail');
    expect(finding.evidence.map((item) => item.detail).join('\n')).toContain('90% of the code in notebooks');
  });

  it('a folder of files', async () => {
    const tree = await tempDir(docker);
    const finding = await builtinTester.run('infra.containerized', { name: 'a tree', tree, status: 'partial' });
    expect(finding.status).toBe('partial');
    expect(finding.evidence).toContainEqual(expect.objectContaining({ path: 'Dockerfile' }));
  });

  it('no repository, or a history unlike the default one', async () => {
    expect((await builtinTester.run('mlops.version-control', { name: 'no git', git: null, status: 'fail' })).status).toBe('fail');
    expect((await builtinTester.run('mlops.version-control', { name: 'no remote', git: { hasRemote: false }, status: 'partial' })).status).toBe('partial');
  });

  it('merges mappings key by key and replaces lists and values, keeping a key named __proto__ a key', () => {
    const merged = mergeFacts({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: { e: 1 }, ['__proto__' as string]: { polluted: true } });
    expect(merged).toEqual({ a: { b: 1, c: [3] }, d: { e: 1 }, ['__proto__']: { polluted: true } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('coverage', () => {
  it('lists every outcome a rule can give that no case shows', () => {
    const rules = builtinTester.ruleSet.rules;
    const rule = rules.find((candidate) => candidate.check.partial && candidate.appliesWhen && candidate.severityWhen)!;
    const missing = builtinTester.uncovered(rule.id, []);
    expect(missing.slice(0, 4)).toEqual(['pass', 'fail', 'partial (it has a partial check)', 'not_applicable (it has appliesWhen)']);
    expect(missing).toContainEqual(expect.stringMatching(/^severity (critical|high|medium|low) \(from severityWhen\)$/));
    const asking = rules.find((candidate) => candidate.appliesWhen && JSON.stringify(candidate.check).includes('"answer"'))!;
    expect(builtinTester.uncovered(asking.id, [])).toContainEqual(expect.stringMatching(/^unknown \(it reads .+\)$/));
    const conflicting = rules.find((candidate) => candidate.conflicts)!;
    expect(builtinTester.uncovered(conflicting.id, [])).toContainEqual(expect.stringMatching(/^a conflict on .+ where the (answer|evidence) is believed$/));
  });

  it('asks only pass and fail of a rule with no partial check, applicability or question', async () => {
    const dir = await tempDir({
      'simple.yaml': 'pack: simple\nrules:\n  - id: mlops.simple\n    title: Simple\n    category: mlops\n    severity: low\n    level: 1\n    why: W.\n    detection: D.\n    remediation: { summary: S., steps: [S.], effort: S }\n    check:\n      pass: { file: Makefile }\n',
    });
    const tester = await RuleTester.create({ packs: [join(dir, 'simple.yaml')] });
    expect(tester.uncovered('mlops.simple', [{ name: 'a Makefile', status: 'pass' }])).toEqual(['fail']);
    expect(() => tester.rule('mlops.simpel')).toThrow('no rule mlops.simpel (did you mean "mlops.simple"?)');
  });
});
