import { describeRule, type RuleDescription } from '../../rules/describe.js';
import { InputError } from '../../util/errors.js';
import { safeText } from '../../util/printable.js';
import { didYouMean } from '../../util/suggest.js';
import type { CliIO } from '../io.js';
import { loadRules, type RuleFlags } from '../rule-flags.js';

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** One rule for the terminal: the same content as its section in docs/rules.md. */
export function explainText({ rule, questions, severityWhen, conflicts }: RuleDescription): string {
  const sections = [
    `${rule.id}: ${rule.title}`,
    `Category ${rule.category} · severity ${rule.severity} · level L${rule.level} · effort ${rule.remediation.effort}`,
    '',
    'Why it matters',
    indent(rule.why),
    '',
    'How it is detected',
    indent(rule.detection),
    ...(rule.notApplicableMessage ? ['', 'Not applicable when', indent(rule.notApplicableMessage)] : []),
    '',
    'How to fix it',
    indent(rule.remediation.summary),
    ...rule.remediation.steps.map((step, i) => `  ${i + 1}. ${step}`),
    ...(rule.remediation.links?.length ? ['', 'Links', ...rule.remediation.links.map((link) => `  ${link}`)] : []),
  ];
  if (rule.requires.length > 0) sections.push('', `Requires first: ${rule.requires.join(', ')}`);
  if (questions.length > 0) sections.push('', 'Questions it reads', ...questions.map((question) => `  ${question.id}: ${question.text}`));
  if (severityWhen.length > 0) sections.push('', 'Severity set by the answers', ...severityWhen.map((line) => `  ${line}`));
  if (conflicts.length > 0) sections.push('', 'Answers the repository can contradict', ...conflicts.map((line) => indent(line)));
  if (rule.references.length > 0) sections.push('', `References: ${rule.references.join(' · ')}`);
  sections.push('', `Defined in ${rule.source}`);
  return `${sections.join('\n')}\n`;
}

export async function explainCommand(id: string, flags: RuleFlags, io: CliIO): Promise<number> {
  const ruleSet = await loadRules(flags);
  const rule = ruleSet.rules.find((candidate) => candidate.id === id);
  if (!rule) throw new InputError(`unknown rule "${id}"${didYouMean(id, ruleSet.rules.map((r) => r.id))}; \`scale-audit rules\` lists them`);
  io.stdout.write(safeText(explainText(describeRule(rule, ruleSet))));
  return 0;
}
