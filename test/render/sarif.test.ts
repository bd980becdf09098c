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


/**
 * The rules of the SARIF Multitool's `validate` (microsoft/sarif-sdk) that can fire on what
 * scale-audit writes, as the Multitool states them: its warnings, and GitHub code scanning's rules
 * (GH10xx). The Multitool itself (5.7.0, a 104 MB .NET binary on npm) is too large to be a
 * devDependency; run by hand on the fixtures' SARIF it reports no error and no warning, and these
 * checks keep it so. Each broken rule is returned as "RULE: where".
 */
function multitoolIssues(log: any): string[] {
  const issues: string[] = [];
  const flag = (rule: string, where: string) => issues.push(`${rule}: ${where}`);
  const isAbsolute = (value: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && URL.canParse(value);
  // SARIF2008 / SARIF1011: the $schema of the final OASIS 2.1.0 schema.
  if (!/^https:\/\/docs\.oasis-open\.org\/sarif\/sarif\/v2\.1\.0\/.*sarif-schema-2\.1\.0\.json$/.test(log.$schema ?? '')) flag('SARIF2008', '$schema');
  log.runs.forEach((run: any, r: number) => {
    const driver = run.tool.driver;
    // SARIF2005: a short name, a numeric version, an absolute informationUri.
    if (driver.name.split(' ').length > 3) flag('SARIF2005', `runs[${r}].tool.driver.name`);
    if (!/^\d/.test(driver.version ?? '') && !driver.semanticVersion) flag('SARIF2005', `runs[${r}].tool.driver.version`);
    if (!driver.informationUri || !isAbsolute(driver.informationUri)) flag('SARIF2005', `runs[${r}].tool.driver.informationUri`);
    driver.rules.forEach((rule: any, i: number) => {
      // SARIF1001: a name distinct from the id; SARIF2012: the name is one Pascal identifier.
      if (rule.name === rule.id) flag('SARIF1001', `rules[${i}]`);
      if (!/^(\p{Lu}[\p{Ll}\p{Nd}]+)+$/u.test(rule.name ?? '')) flag('SARIF2012', `rules[${i}].name`);
      // SARIF1005: help links are absolute; SARIF2001: message strings end with a period.
      if (rule.helpUri !== undefined && !isAbsolute(rule.helpUri)) flag('SARIF1005', `rules[${i}].helpUri`);
      for (const [id, message] of Object.entries<any>(rule.messageStrings ?? {})) if (!message.text.endsWith('.')) flag('SARIF2001', `rules[${i}].messageStrings.${id}`);
      // GitHub requires both descriptions and help text.
      if (!rule.shortDescription?.text || !rule.fullDescription?.text || !rule.help?.text) flag('GH2012', `rules[${i}]`);
    });
    // SARIF2004: a rules array that says more than the ids.
    if (driver.rules.length > 0 && driver.rules.every((rule: any) => Object.keys(rule).length === 1)) flag('SARIF2004', `runs[${r}].tool.driver.rules`);
    // SARIF2007: each repository says where its root is mapped, and every result is relative to it.
    const mapped = new Set<string>();
    (run.versionControlProvenance ?? []).forEach((details: any, i: number) => {
      if (!details.mappedTo?.uriBaseId) flag('SARIF2007', `versionControlProvenance[${i}].mappedTo`);
      else mapped.add(details.mappedTo.uriBaseId);
    });
    run.results.forEach((result: any, i: number) => {
      const where = `results[${i}] (${result.ruleId})`;
      // SARIF1010 / SARIF1009: a rule id, and a rule index within the rules.
      if (!result.ruleId || driver.rules[result.ruleIndex]?.id !== result.ruleId) flag('SARIF1009', where);
      // SARIF2004: no `rule` object beside ruleId, no analysisTarget repeating the location.
      if (result.rule || result.analysisTarget) flag('SARIF2004', where);
      // GH1001: a location with an artifact URI; SARIF2017 (GH1003): a region with a start line.
      if (!result.locations?.length) flag('GH1001', where);
      for (const location of result.locations ?? []) {
        const physical = location.physicalLocation;
        if (!physical?.artifactLocation?.uri) flag('GH1001', where);
        if (!(physical?.region?.startLine >= 1)) flag('SARIF2017', where);
        if (mapped.size > 0 && !mapped.has(physical?.artifactLocation?.uriBaseId)) flag('SARIF2007', where);
      }
      for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
        const artifact = location.physicalLocation?.artifactLocation ?? {};
        // GH1005 / SARIF1004: a relative URI reference under its uriBaseId, with no '..' segment.
        if (/^[a-z][a-z0-9+.-]*:/i.test(artifact.uri) || artifact.uri.split('/').includes('..') || !URL.canParse(artifact.uri, 'file:///repo/')) flag('GH1005', where);
        // SARIF1007: a region starts with a line.
        if (location.physicalLocation?.region && !(location.physicalLocation.region.startLine >= 1)) flag('SARIF1007', where);
      }
      // GH1007: related locations carry a message.
      for (const location of result.relatedLocations ?? []) if (location.message?.text === undefined) flag('GH1007', where);
    });
  });
  return issues;
}

function sarif(report: Report): SarifLog {
  const text = renderSarif(report);
  const log = JSON.parse(text) as SarifLog;
  expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
  expect(multitoolIssues(log)).toEqual([]);
  return log;
}

// Made up, in an access key's format; assembled so that secret scanners of this repository stay quiet.
const AWS_KEY = ['AKIA', 'Z3MSJV7WXQ2LPDRT'].join('');
const SECRET = `aws_access_key_id: ${AWS_KEY}\n`;
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
  it("is valid against the official SARIF 2.1.0 schema and the Multitool's rules, for a bare repository too", async () => {
    sarif(await reportFromFiles({}));
  });

  it("finds what the Multitool's rules report, so that their silence means something", () => {
    const broken = structuredClone(log) as any;
    delete broken.runs[0].tool.driver.informationUri;
    delete broken.runs[0].versionControlProvenance[0].mappedTo;
    delete broken.runs[0].results[0].locations[0].physicalLocation.region;
    broken.runs[0].tool.driver.rules[0].name = 'not Pascal';
    expect(multitoolIssues(broken)).toEqual(['SARIF2005: runs[0].tool.driver.informationUri', 'SARIF2012: rules[0].name', 'SARIF2007: versionControlProvenance[0].mappedTo', `SARIF2017: results[0] (${broken.runs[0].results[0].ruleId})`]);
  });

  it('says where to learn about the tool: its npm page, the package\'s homepage, at the version that wrote the log', async () => {
    const { homepage } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { homepage: string };
    expect(homepage).toBe('https://www.npmjs.com/package/scale-audit');
    expect((run.tool.driver as { informationUri?: string }).informationUri).toBe(`${homepage}/v/${report.tool.version}`);
  });

  it('links each rule to where its fix is explained, when the rule has a link', () => {
    for (const rule of run.tool.driver.rules as Array<{ id: string; helpUri?: string }>) {
      const finding = report.findings.find((candidate) => candidate.ruleId === rule.id)!;
      expect(rule.helpUri).toBe(finding.remediation.links?.[0]);
    }
    expect(run.tool.driver.rules.some((rule) => (rule as { helpUri?: string }).helpUri?.startsWith('https://'))).toBe(true);
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

  it('locates a finding at its evidence file and line; one about a whole file or the repository at line 1', () => {
    const secret = resultOf('security.no-committed-secrets');
    expect(secret.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: 'config/prod.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    const tracking = resultOf('governance.audit-trail');
    expect(tracking.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'src/train.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } });
    const wholeFile = resultOf('mlops.training-pipeline');
    expect(report.findings.find((finding) => finding.ruleId === 'mlops.training-pipeline')!.evidence.find((evidence) => evidence.path === 'src/train.py')!.line).toBeUndefined();
    expect(wholeFile.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'src/train.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    const noFile = run.results.find((result) => !report.findings.find((finding) => finding.ruleId === result.ruleId)!.evidence.some((evidence) => evidence.path))!;
    expect(noFile.locations[0]).toEqual({ physicalLocation: { artifactLocation: { uri: '.', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } }, message: { text: 'the whole repository: no single file shows this gap' } });
  });

  it("names a monorepo subdirectory's files from the top of the repository, as code scanning does", async () => {
    const place = { git: gitFacts({ webUrl: 'https://github.com/acme/mono' }), directory: 'services/churn' };
    const subdirectory = sarif(await reportFromFiles(files, place)).runs[0]!;
    const inSubdirectory = (ruleId: string) => subdirectory.results.find((result) => result.ruleId === ruleId)!;
    expect(inSubdirectory('security.no-committed-secrets').locations[0]!.physicalLocation.artifactLocation.uri).toBe('services/churn/config/prod.yaml');
    const noFile = subdirectory.results.find((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === 'services/churn')!;
    expect(noFile.locations[0]!.physicalLocation.region).toEqual({ startLine: 1 });
    // Two projects of one repository with the same gap in a file of the same name are two alerts.
    expect(inSubdirectory('security.no-committed-secrets').partialFingerprints).not.toEqual(resultOf('security.no-committed-secrets').partialFingerprints);
  });

  it('names a pipeline at the top of the monorepo from the top, with no ".." segment', async () => {
    const manual = 'on: workflow_dispatch\njobs:\n  t:\n    runs-on: x\n    defaults:\n      run:\n        working-directory: services/churn\n    steps:\n      - run: pytest\n';
    const { '.github/workflows/ci.yml': _, ...withoutCi } = files;
    const model = await reportFromFiles(withoutCi, { directory: 'services/churn', enclosing: { '.github/workflows/manual.yml': manual } });
    expect(model.findings.find((finding) => finding.ruleId === 'mlops.ci-pipeline')!.evidence[0]).toMatchObject({ path: '../../.github/workflows/manual.yml' });
    const ci = sarif(model).runs[0]!.results.find((result) => result.ruleId === 'mlops.ci-pipeline')!;
    expect(ci.locations[0]!.physicalLocation.artifactLocation.uri).toBe('.github/workflows/manual.yml');
  });

  it("names the top's pre-commit hooks, read as a monorepo project's own, where they are", async () => {
    const { '.github/workflows/ci.yml': _, ...withoutCi } = files;
    const hooks = 'repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8.18.0\n    hooks:\n      - id: gitleaks\n';
    const model = await reportFromFiles(withoutCi, { directory: 'services/churn', enclosing: { '.pre-commit-config.yaml': hooks } });
    const scanning = model.findings.find((finding) => finding.ruleId === 'security.secret-scanning')!;
    expect(scanning.status).toBe('partial');
    expect(scanning.evidence[0]).toMatchObject({ path: '../../.pre-commit-config.yaml', line: 5 });
    const result = sarif(model).runs[0]!.results.find((entry) => entry.ruleId === 'security.secret-scanning')!;
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('.pre-commit-config.yaml');
  });

  it("counts the top's pipelines that run for a monorepo project in signals over CI files, named where they are", async () => {
    const { '.github/workflows/ci.yml': _, ...withoutCi } = files;
    const hooks = 'repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8.18.0\n    hooks:\n      - id: gitleaks\n';
    const checks = (folder: string) => `on:\n  pull_request:\n    paths: ['${folder}/**']\njobs:\n  hooks:\n    runs-on: x\n    steps:\n      - run: pre-commit run --all-files\n`;
    const model = await reportFromFiles(withoutCi, {
      directory: 'services/churn',
      enclosing: { '.pre-commit-config.yaml': hooks, '.github/workflows/churn.yml': checks('services/churn'), '.github/workflows/web.yml': checks('services/web') },
    });
    const scanning = model.findings.find((finding) => finding.ruleId === 'security.secret-scanning')!;
    expect(scanning.status).toBe('pass');
    expect(scanning.evidence.map((item) => item.path)).toEqual(['../../.pre-commit-config.yaml', '../../.github/workflows/churn.yml']);
    expect(scanning.evidence[1]).toMatchObject({ line: 8, detail: expect.stringContaining('pre-commit run --all-files') });
    // The workflow for another project of the repository gives this one nothing.
    const other = await reportFromFiles(withoutCi, { directory: 'services/churn', enclosing: { '.pre-commit-config.yaml': hooks, '.github/workflows/web.yml': checks('services/web') } });
    expect(other.findings.find((finding) => finding.ruleId === 'security.secret-scanning')!.status).toBe('partial');
  });

  it('never contains a credential in full', () => {
    expect(renderSarif(report)).not.toContain(AWS_KEY);
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
    expect(run.versionControlProvenance).toEqual([{ repositoryUri: 'https://github.com/acme/churn', revisionId: gitFacts().head, branch: 'main', mappedTo: { uriBaseId: '%SRCROOT%' } }]);
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
