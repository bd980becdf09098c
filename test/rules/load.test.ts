import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_AUTOMATON, BUILTIN_PACKS, loadRuleSet } from '../../src/rules/load.js';
import { SignalSet } from '../../src/scan/collectors/code/signals.js';
import { InputError } from '../../src/util/errors.js';
import { inputError } from '../helpers/input-error.js';
import { tempDir } from '../helpers/temp.js';

const rule = (extra = '') => `  - id: extra.sample
    title: A sample rule
    category: mlops
    severity: low
    level: 1
    why: Because.
    detection: Looks for a file.
    remediation:
      summary: Add the file.
      steps: [Add it.]
      effort: S
    check:
      pass:
        file: SAMPLE.md
${extra}`;

/** A rule reading monitoring.live-quality, as a conflict on it needs. */
const readsLiveQuality = 'answer: { id: monitoring.live-quality, equals: automated }';

const answerConflict = (answer: string, evidence: string) => `    conflicts:
      - ${answer}
        evidence: { ${evidence} }
        believe: evidence
        why: The repository shows it.
`;

const question = (suggestion: string) => `  - id: extra.deploys
    category: mlops
    text: How often do you deploy?
    type: choice
    choices: [daily, weekly]
    help: Roughly.
    suggest:
      - when: { file: Jenkinsfile }
        ${suggestion}
        because: a Jenkinsfile is there
`;

async function loadExtra(text: string): Promise<InputError> {
  const dir = await tempDir({ 'extra.yaml': text });
  return inputError(loadRuleSet([join(dir, 'extra.yaml')]));
}

describe('built-in packs', () => {
  it('load, one category per pack, in report order', async () => {
    const ruleSet = await loadRuleSet();
    expect(ruleSet.categories.map((category) => category.id)).toEqual([...BUILTIN_PACKS]);
    expect(ruleSet.digest).toMatch(/^[0-9a-f]{12}$/);
    expect(new Set(ruleSet.rules.map((r) => r.id)).size).toBe(ruleSet.rules.length);
  });

  it('have the same digest from the build cache as hashed from their files', async () => {
    const [cached, hashed] = await Promise.all([loadRuleSet(), loadRuleSet([], { cache: false })]);
    expect(cached.digest).toBe(hashed.digest);
  });
});

describe('an extra pack', () => {
  it('adds its rules to an existing category', async () => {
    const dir = await tempDir({ 'extra.yaml': `pack: extra\nrules:\n${rule()}` });
    const ruleSet = await loadRuleSet([dir]);
    expect(ruleSet.rules.find((r) => r.id === 'extra.sample')?.category).toBe('mlops');
    expect(ruleSet.sources.at(-1)).toBe(join(dir, 'extra.yaml'));
  });

  it.each([
    ['a YAML syntax error', 'pack: extra\nrules: [\n', /extra\.yaml:3:1: invalid YAML/],
    ['a misspelt property', `pack: extra\nrules:\n${rule('    severty: high\n')}`, /extra\.yaml:17:5: rules\[0\]: unknown property "severty" \(did you mean "severity"\?\)/],
    ['an unknown predicate', `pack: extra\nrules:\n${rule().replace('file: SAMPLE.md', 'fil: SAMPLE.md')}`, /unknown key "fil" \(did you mean "file"\?\)/],
    ['a bad severity', `pack: extra\nrules:\n${rule().replace('severity: low', 'severity: urgent')}`, /extra\.yaml:6:15: rules\[0\]\.severity: must be one of: "critical", "high", "medium", "low"/],
    ['a missing field', `pack: extra\nrules:\n${rule().replace('    why: Because.\n', '')}`, /rules\[0\]: missing required property "why"/],
    ['an unknown requirement', `pack: extra\nrules:\n${rule('    requires: [mlops.ci-pipelin]\n')}`, /requires unknown rule "mlops\.ci-pipelin" \(did you mean "mlops\.ci-pipeline"\?\)/],
    ['an unknown question', `pack: extra\nrules:\n${rule().replace('file: SAMPLE.md', 'answer: { id: team.nobody, equals: true }')}`, /unknown question "team\.nobody"/],
    ['an unknown category', `pack: extra\nrules:\n${rule().replace('category: mlops', 'category: mlop')}`, /unknown category "mlop" \(did you mean "mlops"\?\)/],
    ['a duplicate rule id', `pack: extra\nrules:\n${rule().replace('extra.sample', 'mlops.ci-pipeline')}`, /duplicate rule id "mlops\.ci-pipeline" \(also defined in rules\/mlops\.yaml\)/],
    ['an invalid signal regex', `pack: extra\nsignals:\n  - id: broken\n    description: broken\n    files: ["*.py"]\n    pattern: "(unclosed"\nrules: []\n`, /extra\.yaml:6:14: signal broken: invalid regular expression/],
    [
      'a signal pattern that needs backtracking (a lookahead)',
      `pack: extra\nsignals:\n  - id: ahead\n    description: ahead\n    files: ["*.py"]\n    pattern: 'mlflow(?=\\.log)'\nrules: []\n`,
      /extra\.yaml:6:14: signal ahead: invalid regular expression: .*lookaround and backreferences need backtracking/,
    ],
    ['a signal pattern with a backreference', `pack: extra\nsignals:\n  - id: twice\n    description: twice\n    files: ["*.py"]\n    pattern: '(\\w+) \\1'\nrules: []\n`, /extra\.yaml:6:14: signal twice: invalid regular expression/],
    [
      'a code signal over files that are not code',
      `pack: extra\nsignals:\n  - id: docs\n    description: docs\n    files: ["*.py", "docs/*.yaml"]\n    match: code\n    pattern: 'rollback'\nrules: []\n`,
      /extra\.yaml:5:\d+: signal docs: "docs\/\*\.yaml" is not code/,
    ],
    [
      'YAML keys to leave out on a code signal',
      `pack: extra\nsignals:\n  - id: args\n    description: args\n    files: ["*.py"]\n    match: code\n    notUnder: [with]\n    pattern: 'environment'\nrules: []\n`,
      /extra\.yaml:7:\d+: signal args: notUnder reads YAML keys/,
    ],
    ['a signal over a glob that cannot match', `pack: extra\nsignals:\n  - id: ranged\n    description: ranged\n    files: ["[z-a].py"]\n    pattern: 'x'\nrules: []\n`, /extra\.yaml:5:\d+: signal ranged: "\[z-a\]\.py" is not a valid glob: Range out of order/],
    ['a file check over a glob that cannot match', `pack: extra\nrules:\n${rule().replace('file: SAMPLE.md', 'file: { glob: ["ok.md", "[z-a]"] }')}`, /extra\.yaml:\d+:\d+: "\[z-a\]" is not a valid glob: Range out of order/],
    ['a dependency pattern that cannot match', `pack: extra\nrules:\n${rule().replace('file: SAMPLE.md', 'dependency: ["torch*", "[z-a]*"]')}`, /extra\.yaml:\d+:\d+: "\[z-a\]\*" is not a valid glob/],
    ['an IaC resource pattern that cannot match', `pack: extra\nrules:\n${rule().replace('file: SAMPLE.md', 'iac: { resource: "aws_[z-a]*" }')}`, /extra\.yaml:\d+:\d+: "aws_\[z-a\]\*" is not a valid glob/],
    ['an import check over a glob that cannot match', `pack: extra\nrules:\n${rule().replace('file: SAMPLE.md', 'import: { modules: mlflow, glob: "[z-a]" }')}`, /extra\.yaml:\d+:\d+: "\[z-a\]" is not a valid glob/],
    ['an unknown signal', `pack: extra\nrules:\n${rule().replace('file: SAMPLE.md', 'signal: nowhere')}`, /unknown signal "nowhere"/],
    ['an unknown fact', `pack: extra\nrules:\n${rule().replace('file: SAMPLE.md', 'fact: { path: note.count, gte: 1 }')}`, /unknown fact "note" \(did you mean "code"\?\)/],
    ['a conflict on a question the rule does not read', `pack: extra\nrules:\n${rule(answerConflict('answer: { id: team.owners, equals: both }', 'file: CODEOWNERS'))}`, /extra\.yaml:\d+:\d+: rule extra\.sample does not read question team\.owners/],
    ['a conflict whose evidence reads an answer', `pack: extra\nrules:\n${rule(answerConflict('answer: { id: monitoring.live-quality, equals: automated }', 'answer: { id: team.owners, equals: none }')).replace('file: SAMPLE.md', readsLiveQuality)}`, /the evidence of a conflict comes from the repository: it cannot read answers \(question team\.owners\)/],
    [
      'a conflict whose evidence names a condition that reads an answer',
      `pack: extra\nconditions:\n  - id: claims-online\n    description: The answers say online\n    when: { answer: { id: infrastructure.serving-mode, equals: online } }\nrules:\n${rule(answerConflict(readsLiveQuality, 'condition: claims-online')).replace('file: SAMPLE.md', readsLiveQuality)}`,
      /the evidence of a conflict comes from the repository: it cannot read answers \(condition claims-online reads question infrastructure\.serving-mode\)/,
    ],
    ['a conflict on an answer the question cannot have', `pack: extra\nrules:\n${rule(answerConflict('answer: { id: monitoring.live-quality, equals: always }', 'file: CODEOWNERS')).replace('file: SAMPLE.md', readsLiveQuality)}`, /"always" can never match question monitoring\.live-quality/],
    ['a conflict that believes neither side', `pack: extra\nrules:\n${rule(answerConflict('answer: { id: monitoring.live-quality, equals: automated }', 'file: CODEOWNERS').replace('believe: evidence', 'believe: both')).replace('file: SAMPLE.md', readsLiveQuality)}`, /conflicts\[0\]\.believe: must be one of: "answer", "evidence"/],
    ['a severity condition on an unknown question', `pack: extra\nrules:\n${rule('    severityWhen:\n      - when: { answer: { id: governance.eu-ai-act-rsk, equals: high } }\n        severity: critical\n')}`, /unknown question "governance\.eu-ai-act-rsk" \(did you mean "governance\.eu-ai-act-risk"\?\)/],
    ['a severity that does not exist', `pack: extra\nrules:\n${rule('    severityWhen:\n      - when: { file: LICENSE }\n        severity: severe\n')}`, /severityWhen\[0\]\.severity: must be one of: "critical", "high", "medium", "low"/],
    ['a suggestion that is not a valid answer', `pack: extra\nquestions:\n${question('value: sometimes')}rules: []\n`, /extra\.yaml:\d+:\d+: suggested value "sometimes" is not a valid answer to question extra\.deploys, whose answer is one of daily, weekly/],
    ['a suggestion that reads an answer', `pack: extra\nquestions:\n${question('value: daily').replace('file: Jenkinsfile', 'answer: { id: team.owners, equals: both }')}rules: []\n`, /a suggestion is made from the scan: it cannot read answers/],
    ['an answer value no question can give', `pack: extra\nrules:\n${rule().replace('file: SAMPLE.md', 'answer: { id: infrastructure.serving-mode, equals: realtime }')}`, /"realtime" can never match question infrastructure\.serving-mode, whose answer is one of online, batch/],
  ])('reports %s with file, line and column', async (_name, text, message) => {
    const error = await loadExtra(text);
    expect(error.describe()).toMatch(message);
    expect(error.file).toMatch(/extra\.yaml$/);
  });

  it('accepts conflicts, severity conditions and suggestions', async () => {
    const text = `pack: extra\nquestions:\n${question('value: weekly')}rules:\n${rule(`${answerConflict(readsLiveQuality, 'file: CODEOWNERS')}    severityWhen:\n      - when: { answer: { id: governance.eu-ai-act-risk, equals: high } }\n        severity: critical\n`).replace('file: SAMPLE.md', readsLiveQuality)}`;
    const dir = await tempDir({ 'extra.yaml': text });
    const ruleSet = await loadRuleSet([join(dir, 'extra.yaml')]);
    const loaded = ruleSet.rules.find((r) => r.id === 'extra.sample')!;
    expect(loaded.conflicts).toEqual([{ answer: { id: 'monitoring.live-quality', equals: 'automated' }, evidence: { file: 'CODEOWNERS' }, believe: 'evidence', why: 'The repository shows it.' }]);
    expect(loaded.severityWhen?.[0]?.severity).toBe('critical');
    expect(ruleSet.questions.find((q) => q.id === 'extra.deploys')?.suggest?.[0]?.value).toBe('weekly');
  });

  it('shares a named condition across packs, and names an unknown one', async () => {
    const pack = `pack: extra\nconditions:\n  - id: streams-online\n    description: The model answers requests online\n    when: { not: { answer: { id: infrastructure.serving-mode, in: [batch, embedded] } } }\nrules:\n${rule().replace('file: SAMPLE.md', 'condition: streams-online')}`;
    const dir = await tempDir({ 'extra.yaml': pack });
    const ruleSet = await loadRuleSet([dir]);
    expect(ruleSet.conditions.map((condition) => condition.id)).toContain('streams-online');
    expect((await loadExtra(pack.replace('condition: streams-online', 'condition: streams-onlin'))).describe()).toMatch(/unknown condition "streams-onlin" \(did you mean "streams-online"\?\)/);
  });

  it('rejects conditions that use each other in a cycle', async () => {
    const pack = 'pack: extra\nconditions:\n  - { id: a-cond, description: a, when: { condition: b-cond } }\n  - { id: b-cond, description: b, when: { not: { condition: a-cond } } }\nrules: []\n';
    expect((await loadExtra(pack)).message).toMatch(/conditions use each other in a cycle: a-cond → b-cond → a-cond/);
  });

  it('rejects requirement cycles and names the cycle', async () => {
    const two = `pack: extra\nrules:\n${rule('    requires: [extra.other]\n')}${rule('    requires: [extra.sample]\n').replace('extra.sample\n', 'extra.other\n')}`;
    const error = await loadExtra(two);
    expect(error.message).toMatch(/cycle: extra\.(sample|other) → extra\.(other|sample) → extra\.(sample|other)/);
  });

  it('names a missing pack path', async () => {
    await expect(loadRuleSet(['/nonexistent/pack.yaml'])).rejects.toThrow('rule pack not found: /nonexistent/pack.yaml');
  });

  it('refuses a directory without packs', async () => {
    const dir = await tempDir({ 'README.md': '# nothing here' });
    await expect(loadRuleSet([dir])).rejects.toThrow(/no rule packs/);
  });

  it('comes with the automaton the build stored for exactly the built-in signals\' literals', async () => {
    const bytes = await readFile(BUILTIN_AUTOMATON);
    const header = JSON.parse(bytes.subarray(4, 4 + bytes.readUInt32LE(0)).toString('utf8')) as { literals: string[] };
    expect(header.literals).toEqual(new SignalSet((await loadRuleSet()).signals).literals);
  });
});
