import { readFile } from 'node:fs/promises';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/render/sarif.js';
import type { Report } from '../../src/report/types.js';
import { reportFromFiles } from '../helpers/report.js';
import { gitFacts } from '../helpers/rule-tester.js';

// The official OASIS schema (test/fixtures/schemas/README.md says where it comes from): draft-04.
const schema = JSON.parse(await readFile(new URL('../fixtures/schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv04.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; defaultConfiguration: { level: string }; properties: Record<string, unknown> }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
      partialFingerprints: Record<string, string>;
      correlationGuid: string;
      suppressions?: Array<{ kind: string; justification: string }>;
      properties: { status: string; severity: string };
    }>;
    versionControlProvenance?: Array<{ repositoryUri: string; revisionId: string }>;
  }>;
}

function sarif(report: Report): SarifLog {
  const text = renderSarif(report);
  const log = JSON.parse(text) as SarifLog;
  expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
  return log;
}

const SECRET = 'aws_access_key_id: AKIAIOSFODNN7EXAMPLE\n';
const files = {
  'src/train.py': 'import mlflow\nmlflow.log_param("lr", 0.1)\n',
  'notebooks/explore.ipynb': JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'code', source: ['import wandb\n', 'wandb.init()'], outputs: [] }] }),
  'requirements.txt': 'pandas>=2\n',
  'config/prod.yaml': SECRET,
  '.github/workflows/ci.yml': 'on: [push]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: pytest\n',
};
const report = await reportFromFiles(files, { git: gitFacts({ webUrl: 'https://github.com/acme/churn' }) });
const log = sarif(report);
const run = log.runs[0]!;
const resultOf = (ruleId: string) => run.results.find((result) => result.ruleId === ruleId)!;

describe('SARIF output', () => {
  it('is valid against the official SARIF 2.1.0 schema, for a bare repository too', async () => {
    sarif(await reportFromFiles({}));
  });

  it('has one result per failing or partial finding, and nothing else', () => {
    const gaps = report.findings.filter((finding) => finding.status === 'fail' || finding.status === 'partial');
    expect(run.results.map((result) => result.ruleId).sort()).toEqual(gaps.map((finding) => finding.ruleId).sort());
    expect(gaps.some((finding) => finding.status === 'partial')).toBe(true);
    for (const finding of gaps) {
      const result = resultOf(finding.ruleId);
      expect(result.properties.status).toBe(finding.status);
      expect(result.message.text.startsWith(finding.status === 'partial' ? 'Partial: ' : 'Fails: ')).toBe(true);
    }
  });

  it('describes each rule once, and each result points at its rule', () => {
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('maps severity to level and to GitHub security-severity', () => {
    const expected = { critical: ['error', '9.0'], high: ['error', '7.0'], medium: ['warning', '4.0'], low: ['note', '1.0'] } as const;
    for (const result of run.results) {
      const rule = run.tool.driver.rules[result.ruleIndex]!;
      const [level, securitySeverity] = expected[result.properties.severity as keyof typeof expected];
      expect(result.level).toBe(level);
      expect(rule.defaultConfiguration.level).toBe(level);
      expect(rule.properties['security-severity']).toBe(securitySeverity);
      expect((rule.properties.tags as string[]).includes('security')).toBe(result.ruleId.startsWith('security.'));
    }
  });

  it('locates a finding at its evidence file and line, and a repository-wide one at the root', () => {
    const secret = resultOf('security.no-committed-secrets');
    expect(secret.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'config/prod.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    const noFile = run.results.find((result) => !report.findings.find((finding) => finding.ruleId === result.ruleId)!.evidence.some((evidence) => evidence.path))!;
    expect(noFile.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: '.', uriBaseId: '%SRCROOT%' } });
  });

  it('never contains a credential in full', () => {
    expect(renderSarif(report)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('keeps fingerprints when lines move, and changes them with the file', async () => {
    const moved = sarif(await reportFromFiles({ ...files, 'config/prod.yaml': `# settings\n\n${SECRET}` }, { git: gitFacts({ webUrl: 'https://github.com/acme/churn' }) }));
    const { 'config/prod.yaml': _, ...others } = files;
    const renamed = sarif(await reportFromFiles({ ...others, 'config/live.yaml': SECRET }));
    const before = resultOf('security.no-committed-secrets');
    const after = moved.runs[0]!.results.find((result) => result.ruleId === 'security.no-committed-secrets')!;
    const elsewhere = renamed.runs[0]!.results.find((result) => result.ruleId === 'security.no-committed-secrets')!;
    expect(after.locations[0]!.physicalLocation.region).toEqual({ startLine: 3 });
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
    expect(after.correlationGuid).toBe(before.correlationGuid);
    expect(elsewhere.partialFingerprints).not.toEqual(before.partialFingerprints);
    const guids = run.results.map((result) => result.correlationGuid);
    expect(new Set(guids).size).toBe(guids.length);
  });

  it('records the audited commit for code scanning', () => {
    expect(run.versionControlProvenance).toEqual([{ repositoryUri: 'https://github.com/acme/churn', revisionId: gitFacts().head, branch: 'main' }]);
  });

  it('reports a waived gap as a suppressed result with the waiver as justification', () => {
    const waivedReport = structuredClone(report);
    const finding = waivedReport.findings.find((candidate) => candidate.ruleId === 'security.no-committed-secrets')!;
    finding.waiver = { reason: 'test key, revoked', owner: 'sec-team', expires: '2099-01-01', file: '.scale-audit.yaml', line: 4, status: finding.status };
    finding.status = 'waived';
    const result = sarif(waivedReport).runs[0]!.results.find((candidate) => candidate.ruleId === 'security.no-committed-secrets')!;
    expect(result.suppressions).toEqual([expect.objectContaining({ kind: 'external', justification: expect.stringContaining('test key, revoked') })]);
    expect(result.properties.status).toBe('fail');
  });
});
