/**
 * A pack of one rule, written the way a pack author writes it (YAML flow style): the rule passes on
 * `pass` (an expression's YAML), and applies only when `appliesWhen` holds, if given. The rule's
 * `check` key is on line 11, or 12 after an `appliesWhen`.
 */
export function oneRulePack(pass: string, appliesWhen?: string): string {
  return `pack: extra
rules:
  - id: extra.sample
    title: A sample rule
    category: mlops
    severity: low
    level: 1
    why: Because.
    detection: Looks.
    remediation: { summary: Do it., steps: [Do it.], effort: S }
${appliesWhen ? `    appliesWhen: ${appliesWhen}\n` : ''}    check:
      pass: ${pass}
`;
}
