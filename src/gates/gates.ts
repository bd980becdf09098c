import type { Gates, Source } from '../config/types.js';
import type { Report } from '../report/types.js';
import { SEVERITIES } from '../rules/types.js';

export interface GateResult {
  /** The gate as its command-line flag names it, e.g. `--fail-under-category data`. */
  gate: string;
  passed: boolean;
  /** What was checked, with the number behind it. */
  message: string;
  /** Where the threshold came from: a flag, or a configuration file and line. */
  source: string;
}

/** `--fail-under`, `.scale-audit.yaml:3`, `profile genai-app` or `profile bank (.scale-audit.yaml:12)`. */
export function describeSource(source: Source | undefined): string {
  if (!source || source === 'default') return 'default';
  if ('flag' in source) return source.flag;
  const place = source.file === undefined ? '' : `${source.file}:${source.line}`;
  if (!('profile' in source)) return place;
  return place ? `profile ${source.profile} (${place})` : `profile ${source.profile}`;
}

/** The gate and where its threshold came from, said once: `--fail-under`, or `--fail-under, from .scale-audit.yaml:3`. */
export function gateOrigin(result: Pick<GateResult, 'gate' | 'source'>): string {
  const fromItsFlag = result.gate === result.source || result.gate.startsWith(`${result.source} `);
  return fromItsFlag ? result.gate : `${result.gate}, from ${result.source}`;
}

/**
 * Checks the report against each gate that is set. A gate that cannot be checked (no score at all,
 * no known rule in a category) fails: a gate must never pass silently.
 */
export function evaluateGates(report: Report, gates: Gates, sources: Partial<Record<keyof Gates, Source>>): GateResult[] {
  const results: GateResult[] = [];
  const source = (gate: keyof Gates) => describeSource(sources[gate]);
  const { summary } = report;

  if (gates.failUnder !== undefined) {
    const score = summary.score;
    results.push({
      gate: '--fail-under',
      passed: score !== null && score >= gates.failUnder,
      message: score === null ? `no readiness score (${report.mlProject?.detected === false ? 'not an ML project' : 'nothing could be assessed'}); needs ${gates.failUnder}` : `readiness ${score} ${score >= gates.failUnder ? '≥' : '<'} ${gates.failUnder}`,
      source: source('failUnder'),
    });
  }
  for (const [id, minimum] of Object.entries(gates.failUnderCategory ?? {})) {
    const category = report.categories.find((candidate) => candidate.id === id);
    const score = category?.score ?? null;
    results.push({
      gate: `--fail-under-category ${id}`,
      passed: score !== null && score >= minimum,
      message: score === null ? `${id}: no score (no rule of the category is known); needs ${minimum}` : `${id} ${score} ${score >= minimum ? '≥' : '<'} ${minimum}`,
      source: source('failUnderCategory'),
    });
  }
  if (gates.failOn !== undefined) {
    const atOrAbove = SEVERITIES.slice(0, SEVERITIES.indexOf(gates.failOn) + 1);
    const failing = report.findings.filter((finding) => finding.status === 'fail' && atOrAbove.includes(finding.severity)).map((finding) => finding.ruleId);
    results.push({
      gate: '--fail-on',
      passed: failing.length === 0,
      message:
        failing.length === 0
          ? `no failing rule of severity ${gates.failOn} or above`
          : `${failing.length} failing rule${failing.length === 1 ? '' : 's'} of severity ${gates.failOn} or above: ${failing.slice(0, 5).join(', ')}${failing.length > 5 ? ` and ${failing.length - 5} more` : ''}`,
      source: source('failOn'),
    });
  }
  if (gates.minLevel !== undefined) {
    results.push({
      gate: '--min-level',
      passed: summary.level >= gates.minLevel,
      message: `level L${summary.level} ${summary.level >= gates.minLevel ? '≥' : '<'} L${gates.minLevel}${summary.level < gates.minLevel && summary.nextLevelBlockers.length > 0 ? ` (held back by ${summary.nextLevelBlockers.join(', ')})` : ''}`,
      source: source('minLevel'),
    });
  }
  if (gates.minConfidence !== undefined) {
    results.push({
      gate: '--min-confidence',
      passed: summary.confidence >= gates.minConfidence,
      message: `confidence ${summary.confidence}% ${summary.confidence >= gates.minConfidence ? '≥' : '<'} ${gates.minConfidence}%`,
      source: source('minConfidence'),
    });
  }
  return results;
}
