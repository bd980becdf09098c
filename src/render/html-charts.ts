import type { Report } from '../report/types.js';
import type { Schedule } from '../roadmap/schedule.js';
import { STATUSES } from '../rules/finding.js';
import { SEVERITIES } from '../rules/types.js';
import { categoryScoreText, scoreBand, STATUS_LABELS, weeksText } from './format.js';

/*
 * The report's charts, as HTML rows rather than drawings: every label and number is text that
 * wraps and keeps its size on a phone and on paper, and the bars (CSS widths, in percent) only
 * repeat what the text says. Nothing is left to a tooltip: paper and phones cannot hover.
 */

const round = (value: number) => Math.round(value * 10) / 10;

/** "2 fail · 1 partial · 9 pass": a category's results in words, the zeros left out. */
export function resultsText(counts: Record<(typeof STATUSES)[number], number>): string {
  return STATUSES.filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${STATUS_LABELS[status]}`)
    .join(' · ');
}

/** A row per category: its score as a bar out of 100 (marked at 50 and 80) and in words, in parentheses when too little is known. */
export function categoryChart(report: Report) {
  return report.categories.map((category) => ({
    id: category.id,
    label: category.title,
    width: category.score ?? 0,
    band: scoreBand(category.score, category.confidence),
    value: categoryScoreText(category, '/100'),
    results: resultsText(category.counts),
    confidence: category.confidence,
  }));
}

/** Tick spacing in weeks, the smallest that keeps the axis to about a dozen labels. */
const TICK_WEEKS = [1, 2, 4, 8, 13, 26, 52];

/**
 * The roadmap on a calendar: a row per phase and, with `items`, a row per roadmap item under its
 * phase. Positions are percentages of the whole schedule. Items are numbered through the roadmap,
 * and say in words which numbers they wait for, where a drawing would use arrows.
 */
export function roadmapTimeline(plan: Schedule, items: boolean) {
  const days = Math.max(plan.days, 7);
  const at = (day: number) => round((100 * day) / days);
  const span = (start: number, end: number) => ({ left: at(start), width: Math.max(round(at(end) - at(start)), 0.5) });
  const step = TICK_WEEKS.find((weeks) => days / (weeks * 7) <= 12) ?? 52;
  return {
    severities: SEVERITIES,
    ticks: Array.from({ length: Math.floor(days / (step * 7)) + 1 }, (_, i) => ({ left: at(i * step * 7), label: String(i * step) })),
    tickWidth: round((100 * step * 7) / days),
    phases: plan.phases.map((phase, phaseIndex) => {
      const entries = plan.items.map((entry, index) => ({ entry, number: index + 1 })).filter(({ entry }) => entry.phaseIndex === phaseIndex);
      return {
        title: phase.title,
        ...span(phase.start, phase.end),
        when: `${weeksText(phase.start, phase.end)} · ${entries.length} item${entries.length === 1 ? '' : 's'}`,
        items: items
          ? entries.map(({ entry, number }) => ({
              number,
              label: entry.item.title,
              severity: entry.item.severity,
              partial: entry.item.status === 'partial',
              ...span(entry.start, entry.end),
              when: [weeksText(entry.start, entry.end), `${entry.item.severity}${entry.item.status === 'partial' ? ', partly done' : ''}`, entry.after.length > 0 ? `after ${entry.after.map((index) => `#${index + 1}`).join(', ')}` : '']
                .filter(Boolean)
                .join(' · '),
            }))
          : [],
      };
    }),
  };
}
