import type { Figure } from '../business/types.js';
import type { Report, ReportFinding } from '../report/types.js';
import { SEVERITY_WEIGHTS } from '../score/score.js';
import { compareStrings } from '../util/compare.js';
import { figureValue } from './business-format.js';

/*
 * The first screen of a report, shared by HTML and Markdown: the few facts a steering committee
 * reads before deciding whether to read on.
 */

export const TOP_RISKS = 5;

export interface TopRisk {
  finding: ReportFinding;
  /** The roadmap phase that fixes it. */
  phase: string;
}

/**
 * The open gaps that matter most: the most severe first, outright failures before partial
 * ones, the lower (more basic) level first, then in roadmap order.
 */
export function topRisks(report: Report, count = TOP_RISKS): TopRisk[] {
  const position = new Map<string, { order: number; phase: string }>();
  let order = 0;
  for (const phase of report.roadmap.phases) for (const item of phase.items) for (const id of item.ruleIds) position.set(id, { order: order++, phase: phase.title });
  const gapFirst = (finding: ReportFinding) => (finding.status === 'fail' ? 0 : 1);
  return report.findings
    .filter((finding) => finding.status === 'fail' || finding.status === 'partial')
    .sort(
      (a, b) =>
        SEVERITY_WEIGHTS[b.severity] - SEVERITY_WEIGHTS[a.severity] ||
        gapFirst(a) - gapFirst(b) ||
        a.level - b.level ||
        (position.get(a.ruleId)?.order ?? order) - (position.get(b.ruleId)?.order ?? order) ||
        compareStrings(a.ruleId, b.ruleId),
    )
    .slice(0, count)
    .map((finding) => ({ finding, phase: position.get(finding.ruleId)?.phase ?? '' }));
}

export interface Headline {
  /** The figure's own label when it exists ("Time to L2 Repeatable"), else a generic one. */
  label: string;
  /** The value with its unit, or null when the answers do not allow it yet. */
  value: string | null;
  /** What would bring it, when missing: the questions to answer. */
  missing: string[];
  /** What the reader must not miss about the value (e.g. far from the playbooks' range), or "". */
  flag: string;
  /** Why there is no value although no question is open (the highest level is reached), or "". */
  settled: string;
}

function headline(report: Report, id: Figure['id'], label: string, settled: string): Headline {
  const { business } = report;
  const figure = business.figures.find((candidate) => candidate.id === id);
  if (figure) return { label: figure.label, value: figureValue(figure, business.currency), missing: [], flag: figure.flag ?? '', settled: '' };
  const missing = business.missing.find((candidate) => candidate.id === id)?.questions ?? [];
  return { label, value: null, missing, flag: '', settled: missing.length > 0 ? '' : settled };
}

/** The production budget and the timeline, as the business case estimates them. */
export function headlineFigures(report: Report): { budget: Headline; timeline: Headline } {
  return {
    budget: headline(report, 'production-budget', 'Production budget', ''),
    // The business case sets no target above the highest level, so no timeline leads to one.
    timeline: headline(report, 'timeline', 'Timeline to target', `L${report.summary.level} ${report.summary.levelName}, the highest level, is reached`),
  };
}

/** "Client: Acme Insurance · Prepared by Jo Smith": the cover line under the title, empty without either. */
export function coverLine(report: Report): string {
  const { client, author } = report.cover;
  return [client ? `Client: ${client}` : '', author ? `Prepared by ${author}` : ''].filter(Boolean).join(' · ');
}

/** "genai-app (GenAI application)": which kind of project the audit judged, empty without a profile. */
export function profileText(report: Report): string {
  const { profile } = report;
  if (!profile) return '';
  const title = profile.title === profile.name ? '' : ` (${profile.title})`;
  return `${profile.name}${title}${profile.source === 'built-in' ? '' : `, custom${profile.extends ? `, extends ${profile.extends}` : ''}`}`;
}

/** "Profile: genai-app (GenAI application)", the line under the title; empty without a profile. */
export function profileLine(report: Report): string {
  const text = profileText(report);
  return text ? `Profile: ${text}` : '';
}

/** The report's title: the cover's when given, otherwise the repository's name. */
export function reportTitle(report: Report): string {
  return report.cover.title ?? `Production readiness: ${report.target.name}`;
}
