import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runAudit, type AuditOptions } from '../../src/audit.js';
import { BUILTIN_PROFILES } from '../../src/config/profile-names.js';
import { builtinProfileFile } from '../../src/config/profiles.js';
import type { Report, ReportFinding } from '../../src/report/types.js';
import { SEVERITY_WEIGHTS } from '../../src/score/score.js';
import { cli, expectUsageError, fixture } from '../helpers/cli.js';
import { inputError } from '../helpers/input-error.js';
import { tempDir } from '../helpers/temp.js';

/*
 * A profile is a configuration layer: built-in defaults < profile < configuration file < command
 * line. Each built-in profile must change, on the fixtures, what the README says it changes.
 */
const NOW = new Date('2026-11-23T12:00:00Z');
const service = await fixture('ml-service');
const poc = await fixture('notebook-poc');

async function audit(path: string, options: Partial<AuditOptions> = {}): Promise<Report> {
  return (await runAudit({ path, now: NOW, config: null, ...options })).report;
}

const byId = (report: Report) => new Map(report.findings.map((finding) => [finding.ruleId, finding]));
const underProfile = (finding: ReportFinding | undefined, profile: string) =>
  finding?.evidence.some((evidence) => evidence.kind === 'config' && evidence.detail.startsWith(`not applicable under profile ${profile}: `));

const [serviceAlone, pocAlone] = await Promise.all([audit(service), audit(poc)]);

const TRAINING_RULES = [
  'data.versioned-datasets', 'data.feature-code-tested', 'data.train-serve-consistency', 'data.lineage-metadata', 'data.quality-profiling', 'data.feature-value-review',
  'mlops.experiment-tracking', 'mlops.training-reproducible', 'mlops.training-pipeline', 'mlops.model-unit-tests', 'mlops.continuous-training', 'mlops.pipeline-integration-test',
  'monitoring.numerical-stability', 'monitoring.drift-triggered-retraining', 'security.data-poisoning-controls', 'governance.datasheet',
];
const SERVING_RULES = ['infra.model-serving-api', 'infra.load-testing', 'infra.autoscaling', 'infra.progressive-delivery', 'monitoring.service-health-metrics', 'monitoring.slo-alerting'];

describe('the built-in profiles', () => {
  it('genai-app: training rules do not apply, LLM guardrails and AI disclosure become critical, critical failures gate', async () => {
    const report = await audit(service, { profile: 'genai-app' });
    const [before, after] = [byId(serviceAlone), byId(report)];
    for (const id of TRAINING_RULES) {
      expect(before.get(id)!.status, id).not.toBe('not_applicable');
      expect(after.get(id)!.status, id).toBe('not_applicable');
      expect(underProfile(after.get(id), 'genai-app'), id).toBe(true);
    }
    // The service calls no LLM the scan recognises: without the profile the guardrails rule does not apply.
    expect(before.get('security.llm-guardrails')).toMatchObject({ status: 'not_applicable', severity: 'high' });
    expect(after.get('security.llm-guardrails')).toMatchObject({ status: 'fail', severity: 'critical' });
    expect(after.get('governance.ai-disclosure')!.severity).toBe('critical');
    expect(after.get('security.adversarial-robustness')!.severity).toBe('high');
    expect(report.gates).toEqual([expect.objectContaining({ gate: '--fail-on', source: 'profile genai-app' })]);
    expect(report.profile).toEqual(expect.objectContaining({ name: 'genai-app', title: 'GenAI application', source: 'built-in', extends: null }));
  });

  it('batch-scoring: serving rules do not apply, data validation is critical and data weighs 1.5 times', async () => {
    const report = await audit(service, { profile: 'batch-scoring' });
    const [before, after] = [byId(serviceAlone), byId(report)];
    for (const id of SERVING_RULES) {
      expect(before.get(id)!.status, id).toBe('pass');
      expect(after.get(id)!.status, id).toBe('not_applicable');
      expect(underProfile(after.get(id), 'batch-scoring'), id).toBe(true);
    }
    expect(after.get('data.validation-gates-pipeline')).toMatchObject({ severity: 'critical', weight: SEVERITY_WEIGHTS.critical * 1.5 });
    expect(after.get('data.freshness-sla')).toMatchObject({ severity: 'high', weight: SEVERITY_WEIGHTS.high * 1.5 });
    expect(after.get('data.schema-validation')!.weight).toBe(SEVERITY_WEIGHTS.high * 1.5);
    expect(after.get('mlops.ci-pipeline')!.weight).toBeUndefined();
    expect(report.gates.map((gate) => gate.gate)).toEqual(['--fail-on']);
  });

  it('realtime-service: serving rules apply before the serving mode is answered, and service metrics, alerting and load tests are critical', async () => {
    const report = await audit(poc, { profile: 'realtime-service' });
    const [before, after] = [byId(pocAlone), byId(report)];
    for (const id of SERVING_RULES) expect(before.get(id)!.status, id).toBe('unknown');
    for (const id of ['infra.model-serving-api', 'infra.load-testing', 'infra.autoscaling', 'monitoring.service-health-metrics']) expect(after.get(id)!.status, id).toBe('fail');
    for (const id of ['infra.load-testing', 'monitoring.service-health-metrics', 'monitoring.slo-alerting']) expect(after.get(id)!.severity, id).toBe('critical');
    expect(after.get('infra.resource-limits-probes')!.severity).toBe('high');
    expect(after.get('infra.autoscaling')!.weight).toBe(SEVERITY_WEIGHTS.high * 1.5);
    expect(after.get('monitoring.data-drift')!.weight).toBe(SEVERITY_WEIGHTS.high * 1.5);
    expect(report.summary.confidence).toBeGreaterThan(pocAlone.summary.confidence);
    // The serving-mode question no longer holds these rules open.
    expect(after.get('infra.load-testing')!.questions).not.toContain('infrastructure.serving-mode');
  });

  it('regulated-eu: the AI Act duties become critical or high, governance counts double, and three gates apply', async () => {
    const report = await audit(service, { profile: 'regulated-eu' });
    const [before, after] = [byId(serviceAlone), byId(report)];
    for (const id of ['governance.risk-register', 'governance.bias-fairness-eval', 'governance.human-oversight', 'governance.audit-trail', 'governance.ai-disclosure', 'governance.model-card']) {
      expect(after.get(id)!.severity, id).toBe('critical');
      expect(after.get(id)!.weight, id).toBe(SEVERITY_WEIGHTS.critical * 2);
    }
    for (const id of ['governance.technical-documentation', 'governance.explainability', 'governance.datasheet', 'data.lineage-metadata', 'security.adversarial-robustness', 'security.data-poisoning-controls', 'team.skills-training']) {
      expect(before.get(id)!.severity, id).toBe('medium');
      expect(after.get(id)!.severity, id).toBe('high');
    }
    expect(report.gates.map((gate) => [gate.gate, gate.source])).toEqual([
      ['--fail-under-category governance', 'profile regulated-eu'],
      ['--fail-on', 'profile regulated-eu'],
      ['--min-confidence', 'profile regulated-eu'],
    ]);
    expect(report.summary.score!).toBeLessThan(serviceAlone.summary.score!);
  });

  it('each ships as profiles/<name>.yaml, and the README names every rule and condition it changes', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('\n### Profiles\n'), readme.indexOf('\n### ', readme.indexOf('\n### Profiles\n') + 1));
    for (const name of BUILTIN_PROFILES) {
      const document = parse(await readFile(builtinProfileFile(name), 'utf8')) as { name: string; conditions?: object; rules?: object; categories?: object };
      expect(document.name).toBe(name);
      for (const id of [...Object.keys(document.conditions ?? {}), ...Object.keys(document.rules ?? {}), ...Object.keys(document.categories ?? {})]) {
        expect(section, `${name}: ${id}`).toContain(id);
      }
    }
  });
});

describe('layers: defaults < profile < configuration file < command line', () => {
  it('the file overrides the profile rule by rule and gate by gate, and the command line overrides both', async () => {
    const dir = await tempDir({
      'c.yaml': 'version: 1\nprofile: genai-app\nrules:\n  security.llm-guardrails: { severity: medium }\ngates:\n  failOn: high\n',
    });
    const report = await audit(service, { config: join(dir, 'c.yaml'), gates: { values: { minLevel: 0 }, sources: { minLevel: { flag: '--min-level' } } } });
    const findings = byId(report);
    expect(findings.get('security.llm-guardrails')!.severity).toBe('medium');
    expect(findings.get('governance.ai-disclosure')!.severity).toBe('critical');
    expect(findings.get('mlops.experiment-tracking')!.status).toBe('not_applicable');
    expect(report.gates.map((gate) => [gate.gate, gate.source])).toEqual([
      ['--fail-on', 'c.yaml:6'],
      ['--min-level', '--min-level'],
    ]);
    // --profile replaces the file's choice.
    expect((await audit(service, { config: join(dir, 'c.yaml'), profile: 'batch-scoring' })).profile!.name).toBe('batch-scoring');
  });
});

describe('custom profiles', () => {
  const house = [
    'version: 1',
    'profile: house-scoring',
    'profiles:',
    '  house-scoring:',
    '    title: Acme batch scoring',
    '    description: Nightly scoring jobs under the bank’s model-risk policy',
    '    extends: batch-scoring',
    '    rules:',
    '      mlops.code-quality: { enabled: false, reason: linted by the monorepo pipeline }',
    '      governance.approval-workflow: { severity: critical }',
    '    gates:',
    '      failOn: high',
    '',
  ].join('\n');

  it('declared in a configuration inside the audited repository: selected there, extending a built-in one, its settings at their lines', async () => {
    const repo = await fixture('ml-service');
    await writeFile(join(repo, '.scale-audit.yaml'), house);
    const report = await audit(repo, { config: undefined });
    // Named from the audited repository, never by the auditor's absolute path.
    const file = 'ml-service/.scale-audit.yaml';
    expect(report.profile).toEqual({ name: 'house-scoring', title: 'Acme batch scoring', description: 'Nightly scoring jobs under the bank’s model-risk policy', source: `${file}:4`, extends: 'batch-scoring' });
    const findings = byId(report);
    expect(findings.get('mlops.code-quality')).toMatchObject({
      status: 'not_applicable',
      message: 'Not applicable under profile house-scoring: linted by the monorepo pipeline',
      evidence: [{ kind: 'config', path: file, line: 9, detail: 'not applicable under profile house-scoring: linted by the monorepo pipeline' }],
    });
    expect(findings.get('governance.approval-workflow')!.severity).toBe('critical');
    // What it extends still applies, under the built-in profile's name.
    expect(underProfile(findings.get('infra.load-testing'), 'batch-scoring')).toBe(true);
    expect(report.gates).toEqual([expect.objectContaining({ gate: '--fail-on', message: expect.stringContaining('severity high'), source: `profile house-scoring (${file}:12)` })]);
  });

  it('from a profile file named with --profile', async () => {
    const dir = await tempDir({ 'ci/bank.yaml': 'version: 1\nname: bank\ndescription: Our regulated models\nextends: regulated-eu\ncategories:\n  roi: { weight: 0 }\n' });
    const report = await audit(poc, { profile: join(dir, 'ci/bank.yaml') });
    expect(report.profile).toMatchObject({ name: 'bank', source: 'bank.yaml', extends: 'regulated-eu' });
    expect(byId(report).get('roi.kpi-defined')!.weight).toBe(0);
    expect(byId(report).get('governance.human-oversight')!.severity).toBe('critical');
  });

  it.each([
    ['an unknown rule', 'version: 1\nprofiles:\n  p:\n    description: x\n    rules:\n      mlops.code-qualty: { severity: low }\n', /:6:7: unknown rule "mlops\.code-qualty" \(did you mean "mlops\.code-quality"\?\)/],
    ['an unknown condition', 'version: 1\nprofiles:\n  p:\n    description: x\n    conditions:\n      trains-own-models: { holds: false, reason: r }\n', /:6:7: unknown condition "trains-own-models" \(did you mean "trains-own-model"\?\)/],
    ['a built-in profile’s name', 'version: 1\nprofiles:\n  genai-app:\n    description: x\n', /:3:3: "genai-app" is a built-in profile's name/],
    ['an extends that is no built-in profile', 'version: 1\nprofiles:\n  p:\n    description: x\n    extends: genai-ap\n', /:5:14: a profile extends a built-in one, and "genai-ap" is not \(did you mean "genai-app"\?\)/],
    ['an unknown profile selected', 'version: 1\nprofile: batch-scorin\n', /:2:10: unknown profile "batch-scorin" \(did you mean "batch-scoring"\?\); profiles: genai-app, batch-scoring, realtime-service, regulated-eu/],
    ['a profile that would name code to run', 'version: 1\nprofiles:\n  p:\n    description: x\n    plugins: [./evil.js]\n', /:5:5: profiles\.p: unknown property "plugins"/],
    ['a profile named by a path', 'version: 1\nprofile: ./evil.yaml\n', /profile: does not have the expected form/],
  ])('refuse %s in a configuration, with its file and line', async (_name, text, message) => {
    const dir = await tempDir({ '.scale-audit.yaml': text });
    expect((await inputError(audit(poc, { config: join(dir, '.scale-audit.yaml') }))).describe()).toMatch(message);
  });
});

describe('on the command line', () => {
  it('an unknown profile is one line with the closest name, exit 2', async () => {
    expectUsageError(await cli([poc, '--profile', 'regulated-e']), /^scale-audit: --profile: unknown profile "regulated-e" \(did you mean "regulated-eu"\?\); profiles: genai-app, batch-scoring, realtime-service, regulated-eu\n$/);
  });

  it('a broken profile file is one line with its file and line, exit 2', async () => {
    const dir = await tempDir({ 'p.yaml': 'version: 1\nname: p\ndescription: x\ngates: { failOn: severe }\n' });
    expectUsageError(await cli([poc, '--profile', join(dir, 'p.yaml')]), /p\.yaml:4:18: gates\.failOn: must be one of/);
  });

  it('`scale-audit schema profile` prints the published schema', async () => {
    const printed = await cli(['schema', 'profile']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(await readFile(new URL('../../schemas/profile.schema.json', import.meta.url), 'utf8')));
  });

  it('`config` shows the profile and each setting it brings, with where it comes from', async () => {
    const result = await cli(['config', poc, '--no-config', '--profile', 'batch-scoring', '--fail-on', 'high']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Profile: batch-scoring, Batch scoring \(built-in\)$/m);
    expect(result.stdout).toMatch(/conditions\.serves-online\s+\{"holds":false,.*\(profile batch-scoring\)/);
    expect(result.stdout).toMatch(/categories\.data\.weight\s+1\.5\s+\(profile batch-scoring\)/);
    expect(result.stdout).toMatch(/gates\.failOn\s+"high"\s+\(--fail-on\)/);
  });
});

/** A saved JSON report of the notebook PoC, audited with these arguments. */
async function saved(dir: string, name: string, args: string[]): Promise<string> {
  const file = join(dir, `${name}.json`);
  const result = await cli([poc, '--no-config', '--format', 'json', '--output', file, ...args], { env: { SOURCE_DATE_EPOCH: '1795000000' } });
  expect(result.code, result.stderr).toBeLessThan(2);
  return file;
}
const reports = await tempDir();
const [plain, genai, batch] = await Promise.all([saved(reports, 'plain', []), saved(reports, 'genai', ['--profile', 'genai-app']), saved(reports, 'batch', ['--profile', 'batch-scoring'])]);

describe('reports record the profile', () => {

  it('on the first screen of every format, and `render` keeps it', async () => {
    const formats = [
      ['text', /^Profile: genai-app \(GenAI application\)$/m],
      ['md', /^Profile: genai-app \(GenAI application\)$/m],
      ['md-summary', /· profile genai-app \(GenAI application\)$/m],
      ['html', /<span class="label">Profile<\/span> <span data-field="profile">genai-app \(GenAI application\)<\/span>/],
    ] as const;
    await Promise.all(
      formats.map(async ([format, line]) => {
        const [withProfile, without] = await Promise.all([cli(['render', genai, '--format', format]), cli(['render', plain, '--format', format])]);
        expect(withProfile.stdout, format).toMatch(line);
        expect(without.stdout, format).not.toMatch(/^Profile: |data-field="profile"|· profile /m);
      }),
    );
  });

  it('in the SARIF run’s properties, where a code-scanning page finds it', async () => {
    const [withProfile, without] = await Promise.all([cli(['render', genai, '--format', 'sarif']), cli(['render', plain, '--format', 'sarif'])]);
    type Sarif = { runs: Array<{ properties: Record<string, unknown> }> };
    expect((JSON.parse(withProfile.stdout) as Sarif).runs[0]!.properties.profile).toBe('genai-app');
    expect((JSON.parse(without.stdout) as Sarif).runs[0]!.properties).not.toHaveProperty('profile');
  });

  it('`compare` says first that the profiles differ', async () => {
    const differ = await cli(['compare', plain, genai]);
    expect(differ.stdout).toMatch(/Note: The reports used different profiles \(none → genai-app\)/);
    expect((await cli(['compare', genai, genai])).stdout).not.toMatch(/different profiles/);
  });

  it('`portfolio` shows each repository’s profile and warns when they differ', async () => {
    const repos = await tempDir();
    for (const [name, file] of [['a', genai], ['b', batch]]) {
      const report = JSON.parse(await readFile(file, 'utf8')) as Report;
      await writeFile(join(repos, `${name}.json`), JSON.stringify({ ...report, target: { ...report.target, name, url: null } }));
    }
    const result = await cli(['portfolio', repos, '--format', 'json']);
    const portfolio = JSON.parse(result.stdout) as { ranking: Array<{ name: string; profile: string | null }>; notes: string[] };
    expect(portfolio.ranking.map((row) => [row.name, row.profile]).sort()).toEqual([['a', 'genai-app'], ['b', 'batch-scoring']]);
    expect(portfolio.notes).toContainEqual(expect.stringMatching(/^The reports were made under 2 profiles \(batch-scoring, genai-app\)/));
    expect((await cli(['portfolio', repos, '--format', 'md'])).stdout).toMatch(/profiles: batch-scoring 1, genai-app 1/);
  });
});
