import type { Report } from '../report/types.js';
import { scheduleWeeks, type Schedule } from '../roadmap/schedule.js';
import { STATUSES } from '../rules/finding.js';
import { categoryScoreText, fitLabel, scoreBand, STATUS_LABELS, STATUS_SYMBOLS } from './format.js';

/*
 * Geometry for the report's SVG charts, computed here so that the templates only place numbers
 * and text (escaped by Handlebars) and no chart library is needed. Every chart also says in
 * text what its colours say: a score beside each bar, a count in each segment, a legend.
 */

const round = (value: number) => Math.round(value * 10) / 10;

const LABEL_WIDTH = 190;
const PLOT_WIDTH = 380;
const ROW = 30;
const TOP = 28;

/** Category scores as horizontal bars, with the band thresholds (50 and 80) marked. */
export function categoryBars(report: Report) {
  const x = (score: number) => round(LABEL_WIDTH + (PLOT_WIDTH * score) / 100);
  return {
    width: LABEL_WIDTH + PLOT_WIDTH + 70,
    height: TOP + report.categories.length * ROW + 8,
    plotTop: TOP - 6,
    plotBottom: TOP + report.categories.length * ROW,
    thresholds: [0, 50, 80, 100].map((score) => ({ x: x(score), label: String(score) })),
    rows: report.categories.map((category, i) => {
      const y = TOP + i * ROW;
      return {
        id: category.id,
        label: category.title,
        y: y + 5,
        textY: y + 17,
        barWidth: category.score === null ? 0 : round((PLOT_WIDTH * category.score) / 100),
        band: scoreBand(category.score, category.confidence),
        valueX: x(category.score ?? 0) + 8,
        value: categoryScoreText(category),
        confidence: category.confidence,
      };
    }),
  };
}

/** How many rules of each category passed, failed and so on: one 100% stacked bar each. */
export function statusMix(report: Report) {
  const shown = STATUSES.filter((status) => report.categories.some((category) => category.counts[status] > 0));
  return {
    width: LABEL_WIDTH + PLOT_WIDTH + 70,
    height: TOP + report.categories.length * ROW + 8,
    legend: shown.map((status, i) => ({ status, label: `${STATUS_SYMBOLS[status]} ${STATUS_LABELS[status]}`, x: LABEL_WIDTH + i * 72 })),
    rows: report.categories.map((category, i) => {
      const total = STATUSES.reduce((sum, status) => sum + category.counts[status], 0);
      const y = TOP + i * ROW;
      let offset = LABEL_WIDTH;
      const segments = shown
        .filter((status) => category.counts[status] > 0)
        .map((status) => {
          const width = round((PLOT_WIDTH * category.counts[status]) / total);
          const segment = { status, x: offset, width, count: category.counts[status], textX: round(offset + width / 2), labelled: width >= 16, title: `${category.title}: ${category.counts[status]} ${STATUS_LABELS[status]}` };
          offset = round(offset + width);
          return segment;
        });
      return { label: category.title, y: y + 5, textY: y + 17, totalX: LABEL_WIDTH + PLOT_WIDTH + 8, total, segments };
    }),
  };
}

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const GANTT_LABEL = 300;
const GANTT_PLOT = 520;
const GANTT_ROW = 22;
const GANTT_TOP = 40;
/** Tick spacing in weeks, the smallest that keeps the axis to about a dozen labels. */
const TICK_WEEKS = [1, 2, 4, 8, 13, 26, 52];

/** The roadmap as a Gantt chart: phases as headed groups of rows, a bar per item, arrows from prerequisites. */
export function roadmapGantt(plan: Schedule) {
  const days = Math.max(plan.days, 7);
  const x = (day: number) => round(GANTT_LABEL + (GANTT_PLOT * day) / days);
  // Each phase takes a heading row, then a row per item.
  const rowOfItem = plan.items.map((entry, index) => entry.phaseIndex + 1 + index);
  const rowY = (row: number) => GANTT_TOP + row * GANTT_ROW;
  const step = TICK_WEEKS.find((weeks) => days / (weeks * 7) <= 12) ?? 52;
  const ticks = Array.from({ length: Math.floor(days / (step * 7)) + 1 }, (_, i) => ({ x: x(i * step * 7), label: `wk ${i * step}` }));
  const bars = plan.items.map((entry, index) => ({
    label: fitLabel(entry.item.title, 44),
    fullLabel: `${entry.item.title} (${entry.ruleId}): ${entry.item.severity}${entry.item.status === 'partial' ? ', partly done' : ''}, effort ${entry.item.effort}, weeks ${round(entry.start / 7)} to ${round(entry.end / 7)}`,
    y: rowY(rowOfItem[index]!) + 5,
    textY: rowY(rowOfItem[index]!) + 15,
    x: x(entry.start),
    width: Math.max(round(x(entry.end) - x(entry.start)), 2),
    severity: entry.item.severity,
    partial: entry.item.status === 'partial',
  }));
  // Phases already wait for each other: arrows only for prerequisites within a phase, or they cross the chart.
  const arrows = plan.items.flatMap((entry, index) =>
    entry.after.filter((from) => plan.items[from]!.phaseIndex === entry.phaseIndex).map((from) => {
      const startX = x(plan.items[from]!.end);
      const endX = x(entry.start);
      // An elbow: out of the prerequisite's end, down to the dependent's row, into its start.
      const elbowX = round(Math.min(startX + 5, endX - 3));
      const tipX = round(endX - 1);
      const toY = rowY(rowOfItem[index]!) + 11;
      return { d: `M${startX} ${rowY(rowOfItem[from]!) + 11} H${elbowX} V${toY} H${tipX}`, head: `M${round(tipX - 5)} ${toY - 3} L${tipX} ${toY} L${round(tipX - 5)} ${toY + 3} Z` };
    }),
  );
  const height = rowY(plan.items.length + plan.phases.length) + 6;
  return {
    width: GANTT_LABEL + GANTT_PLOT + 16,
    height,
    ticks,
    legend: SEVERITIES.map((severity, i) => ({ severity, x: 4 + i * 62 })),
    tickTop: GANTT_TOP - 8,
    tickBottom: height,
    phases: plan.phases.map((phase, i) => {
      const row = rowOfItem[plan.items.findIndex((entry) => entry.phaseIndex === i)]! - 1;
      return { title: fitLabel(phase.title, 44), x: x(phase.start), width: Math.max(round(x(phase.end) - x(phase.start)), 2), y: rowY(row) + 9, textY: rowY(row) + 15 };
    }),
    bars,
    arrows,
    weeks: scheduleWeeks(plan),
  };
}
