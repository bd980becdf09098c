import type { Schedule } from '../roadmap/schedule.js';
import { fitLabel } from './format.js';

/*
 * The roadmap as a Mermaid gantt chart, which GitHub and GitLab draw from a ```mermaid block.
 * Tasks get explicit start dates from the schedule rather than Mermaid's `after`, so the chart
 * shows what the schedule computed whatever Mermaid makes of dependencies.
 */

const LABEL_LENGTH = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What Mermaid's gantt lexer (case-insensitive, first rule wins) reads as a statement rather than
 * a task name when a line starts with it.
 */
const STATEMENT_START =
  /^(?:gantt|topaxis|inclusiveenddates|acctitle|accdescr|\d{4}-\d{2}-\d{2}|(?:dateformat|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|section|click|call|href)(?:\s|$))/i;

/**
 * A task name, section or title Mermaid shows as plain text. Its lexer ends a name at `:`, `#`,
 * `;` or a line break, `%%` starts a comment, `<`, `>` and `&` may reach the SVG as markup, and
 * braces and quotes open directives: only letters, digits, spaces and a little punctuation stay.
 * A name that would read as a statement is quoted.
 */
export function mermaidLabel(text: string): string {
  const plain = text
    .replace(/&/g, ' and ')
    .replace(/\s*;\s*/g, ', ')
    .replace(/[^\p{L}\p{M}\p{N} \-_.,()/'+]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '');
  const label = fitLabel(plain, LABEL_LENGTH);
  return STATEMENT_START.test(label) ? `'${label}'` : label;
}

/** The calendar day `days` after `start`, both YYYY-MM-DD. */
function dayAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The fenced ```mermaid block: a section per phase, a task per item starting on its scheduled
 * day counted from `startDate` (YYYY-MM-DD). Critical items are tagged `crit`. Empty without items.
 */
export function mermaidGantt(plan: Schedule, title: string, startDate: string): string[] {
  if (plan.items.length === 0) return [];
  const lines = ['```mermaid', 'gantt', `  title ${mermaidLabel(title) || 'Roadmap'}`, '  dateFormat YYYY-MM-DD', '  axisFormat %b %d'];
  plan.phases.forEach((phase, phaseIndex) => {
    lines.push(`  section ${mermaidLabel(phase.title) || `Phase ${phaseIndex + 1}`}`);
    plan.items.forEach((entry, index) => {
      if (entry.phaseIndex !== phaseIndex) return;
      const tag = entry.item.severity === 'critical' ? 'crit, ' : '';
      const label = mermaidLabel(entry.item.title) || `Item ${index + 1}`;
      lines.push(`    ${label} :${tag}t${index + 1}, ${dayAfter(startDate, entry.start)}, ${entry.end - entry.start}d`);
    });
  });
  return [...lines, '```'];
}
