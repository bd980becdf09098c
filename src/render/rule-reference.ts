import { describeRule, type RuleDescription } from '../rules/describe.js';
import type { Question, RuleSet, Severity } from '../rules/types.js';
import { SEVERITIES } from '../rules/types.js';
import type { MlTestScoreModel } from '../score/ml-test-score.js';

/*
 * docs/rules.md, generated from the packs by `npm run docs`: the same content `scale-audit explain`
 * shows, for every rule, plus the counts and the ML Test Score mapping. The packs are ours, so their
 * texts (with their inline `code`) are written as they are; only table cells are escaped.
 */

const LEVELS = [1, 2, 3, 4] as const;

/** Text for a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function countsTable(ruleSet: RuleSet): string[] {
  const header = ['Category', 'Rules', ...SEVERITIES, ...LEVELS.map((level) => `L${level}`)];
  const row = (label: string, rules: RuleSet['rules']) => [
    label,
    rules.length,
    ...SEVERITIES.map((severity: Severity) => rules.filter((rule) => rule.severity === severity).length),
    ...LEVELS.map((level) => rules.filter((rule) => rule.level === level).length),
  ];
  const rows = [...ruleSet.categories.map((category) => row(category.id, ruleSet.rules.filter((rule) => rule.category === category.id))), row('**all**', ruleSet.rules)];
  return [`| ${header.join(' | ')} |`, `|---|${header.slice(1).map(() => '---:').join('|')}|`, ...rows.map((values) => `| ${values.join(' | ')} |`)];
}

function ruleSection({ rule, questions, severityWhen, conflicts }: RuleDescription): string[] {
  const facts = [`severity **${rule.severity}**`, `level **L${rule.level}**`, `effort **${rule.remediation.effort}**`];
  // The heading is the id alone, so that its anchor is stable and predictable on GitHub and GitLab.
  const lines = [`### ${rule.id}`, '', `**${rule.title}**`, '', facts.join(' · '), '', `**Why it matters.** ${rule.why}`, '', `**How it is detected.** ${rule.detection}`, ''];
  if (rule.notApplicableMessage) lines.push(`**Not applicable when.** ${rule.notApplicableMessage}`, '');
  if (questions.length > 0) lines.push('**Questions it reads.**', '', ...questions.map((question) => `- \`${question.id}\`: ${question.text}`), '');
  if (severityWhen.length > 0) lines.push(`**Severity set by the answers.** ${severityWhen.join('; ')}.`, '');
  if (conflicts.length > 0) lines.push('**Answers the repository can contradict.**', '', ...conflicts.map((line) => `- ${line}`), '');
  lines.push(`**How to fix it.** ${rule.remediation.summary}`, '', ...rule.remediation.steps.map((step, i) => `${i + 1}. ${step}`), '');
  if (rule.remediation.links?.length) lines.push(`Links: ${rule.remediation.links.map((link) => `<${link}>`).join(' · ')}`, '');
  if (rule.requires.length > 0) lines.push(`**Requires first.** ${rule.requires.map((id) => `[\`${id}\`](#${anchor(id)})`).join(', ')}`, '');
  if (rule.references.length > 0) lines.push(`**References.** ${rule.references.join(' · ')}`, '');
  return lines;
}

/** The anchor GitHub and GitLab give a rule's heading (`### data.schema-validation`): lower case, dots dropped. */
function anchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}

function questionLine(question: Question): string {
  const values = question.choices ? `: ${question.choices.map((choice) => `\`${choice.value}\``).join(', ')}` : question.unit ? ` (${question.unit})` : '';
  return `| \`${question.id}\` | ${cell(question.text)} | ${question.type}${cell(values)} |`;
}

export function renderRuleReference(ruleSet: RuleSet, mlTestScore: MlTestScoreModel): string {
  const out = [
    '# Rule reference',
    '',
    '<!-- Generated from rules/*.yaml by `npm run docs`. Do not edit by hand: a test fails when this file is out of date. -->',
    '',
    `${ruleSet.rules.length} rules in ${ruleSet.categories.length} categories, and ${ruleSet.questions.length} questions. \`scale-audit explain <rule-id>\` shows the same content in the terminal.`,
    '',
    '## Counts',
    '',
    ...countsTable(ruleSet),
    '',
    '## The ML Test Score, estimated',
    '',
    'Each test of Breck et al. (2017) is estimated from the best finding among its rules (pass 1, partial 0.5, fail 0).',
    '',
    '| Test | | Rules |',
    '|---|---|---|',
    ...mlTestScore.sections.flatMap((section) =>
      section.tests.map((test) => `| ${test.id} | ${cell(test.title)} | ${test.rules.map((id) => `[\`${id}\`](#${anchor(id)})`).join(', ')} |`),
    ),
    '',
  ];
  for (const category of ruleSet.categories) {
    const rules = ruleSet.rules.filter((rule) => rule.category === category.id);
    out.push(`## ${category.title}`, '', category.description, '');
    for (const rule of rules) out.push(...ruleSection(describeRule(rule, ruleSet)));
  }
  out.push('## Questions', '', '| Id | Question | Answer |', '|---|---|---|', ...ruleSet.questions.map(questionLine), '');
  return out.join('\n');
}
