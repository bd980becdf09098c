import type { Evidence, Finding, Status } from '../rules/finding.js';
import type { Effort, Rule, Severity } from '../rules/types.js';
import { LEVEL_NAMES, SEVERITY_WEIGHTS } from '../score/score.js';
import { compareStrings } from '../util/compare.js';

/** Person-weeks each effort size stands for (S ≤ 1 week, M 1–4 weeks, L over a month). */
export const EFFORT_WEEKS: Record<Effort, { min: number; max: number }> = {
  S: { min: 0.5, max: 1 },
  M: { min: 1, max: 4 },
  L: { min: 4, max: 12 },
};
/** Relative cost used to rank work: cheap, high-impact items first. */
const EFFORT_COST: Record<Effort, number> = { S: 1, M: 2.5, L: 6 };

export interface RoadmapItem {
  ruleIds: string[];
  title: string;
  category: string;
  severity: Severity;
  status: Extract<Status, 'fail' | 'partial'>;
  /** What to do, in one sentence. */
  action: string;
  steps: string[];
  why: string;
  effort: Effort;
  /** Open prerequisites: rules that must be in place first and are not yet. */
  requires: Array<{ ruleId: string; status: Status }>;
  /** Rules in this phase that need this item first: why it sits earlier than its own level. */
  neededBy: string[];
  /** The gap, as the audit saw it. */
  evidence: Evidence[];
  links: string[];
}

export interface Phase {
  id: string;
  title: string;
  goal: string;
  items: RoadmapItem[];
  effortWeeks: { min: number; max: number };
}

export interface Roadmap {
  phases: Phase[];
  effortWeeks: { min: number; max: number };
}

const BLOCKERS = 0;

const PHASE_GOALS: Record<number, string> = {
  [BLOCKERS]: 'Fix what makes a production launch unsafe, whatever the maturity level.',
  1: 'Versioned code, a pinned environment, CI running tests, a containerised service, an owner, a KPI with a baseline, no secrets.',
  2: 'Reproduce and operate one model safely: orchestrated training, tracked experiments, a registry, validated data, monitoring.',
  3: 'Release often with low risk: validation gates, progressive delivery, autoscaling, an audit trail, scheduled retraining.',
  4: 'Close the loop: monitoring-triggered retraining, policy-based promotion, delivery metrics, a signed supply chain.',
};

function phaseTitle(index: number): string {
  return index === BLOCKERS ? 'Go-live blockers' : `L${index} ${LEVEL_NAMES[index]}`;
}

function priority(item: RoadmapItem): number {
  const gap = item.status === 'fail' ? 1 : 0.5;
  return (SEVERITY_WEIGHTS[item.severity] * gap) / EFFORT_COST[item.effort];
}

function byPriority(a: RoadmapItem, b: RoadmapItem): number {
  return priority(b) - priority(a) || SEVERITY_WEIGHTS[b.severity] - SEVERITY_WEIGHTS[a.severity] || compareStrings(a.ruleIds[0]!, b.ruleIds[0]!);
}

/**
 * Within a phase, prerequisites first (a topological order), and among the items that are free
 * to start, the best impact for the effort first.
 */
function order(items: RoadmapItem[]): RoadmapItem[] {
  const inPhase = new Set(items.map((item) => item.ruleIds[0]!));
  const waitingOn = new Map(items.map((item) => [item.ruleIds[0]!, new Set(item.requires.map((r) => r.ruleId).filter((id) => inPhase.has(id)))]));
  const ordered: RoadmapItem[] = [];
  let remaining = [...items];
  while (remaining.length > 0) {
    const ready = remaining.filter((item) => waitingOn.get(item.ruleIds[0]!)!.size === 0).sort(byPriority);
    const next = ready[0] ?? [...remaining].sort(byPriority)[0]!;
    ordered.push(next);
    remaining = remaining.filter((item) => item !== next);
    for (const waits of waitingOn.values()) waits.delete(next.ruleIds[0]!);
  }
  return ordered;
}

function sumEffort(items: readonly RoadmapItem[]): { min: number; max: number } {
  return {
    min: items.reduce((sum, item) => sum + EFFORT_WEEKS[item.effort].min, 0),
    max: items.reduce((sum, item) => sum + EFFORT_WEEKS[item.effort].max, 0),
  };
}

/** Critical failures block a launch whatever their level; everything else waits for its level. */
function naturalPhase(finding: Finding): number {
  return finding.severity === 'critical' && finding.status === 'fail' ? BLOCKERS : finding.level;
}

/**
 * Turns every failing or partial finding into a roadmap item. Critical failures are go-live
 * blockers; everything else is phased by the maturity level its rule belongs to. A prerequisite is
 * pulled forward into the phase of the earliest item that needs it.
 */
export function plan(findings: readonly Finding[], rules: readonly Rule[]): Roadmap {
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const findingById = new Map(findings.map((finding) => [finding.ruleId, finding]));
  const open = findings.filter((finding): finding is Finding & { status: 'fail' | 'partial' } => finding.status === 'fail' || finding.status === 'partial');

  const phaseOf = new Map<string, number>();
  const neededBy = new Map<string, string[]>();
  for (const finding of open) phaseOf.set(finding.ruleId, naturalPhase(finding));
  // Requirements form a DAG (the loader rejects cycles), so repeated relaxation settles.
  for (let changed = true; changed; ) {
    changed = false;
    for (const finding of open) {
      for (const required of ruleById.get(finding.ruleId)!.requires) {
        const needed = phaseOf.get(finding.ruleId)!;
        const current = phaseOf.get(required);
        if (current !== undefined && current > needed) {
          phaseOf.set(required, needed);
          changed = true;
        }
      }
    }
  }
  for (const finding of open) {
    for (const required of ruleById.get(finding.ruleId)!.requires) {
      const own = findingById.get(required);
      if (own && phaseOf.get(required) === phaseOf.get(finding.ruleId) && phaseOf.get(required)! < naturalPhase(own)) {
        neededBy.set(required, [...(neededBy.get(required) ?? []), finding.ruleId]);
      }
    }
  }

  const items = open.map((finding): RoadmapItem & { phase: number } => {
    const rule = ruleById.get(finding.ruleId)!;
    return {
      phase: phaseOf.get(finding.ruleId)!,
      ruleIds: [rule.id],
      title: rule.title,
      category: rule.category,
      severity: finding.severity,
      status: finding.status,
      action: rule.remediation.summary,
      steps: rule.remediation.steps,
      why: rule.why,
      effort: rule.remediation.effort,
      requires: rule.requires
        .map((ruleId) => ({ ruleId, status: findingById.get(ruleId)?.status ?? 'unknown' }))
        .filter((requirement) => !['pass', 'not_applicable', 'waived'].includes(requirement.status)),
      neededBy: (neededBy.get(rule.id) ?? []).sort(compareStrings),
      evidence: finding.evidence,
      links: rule.remediation.links ?? [],
    };
  });

  const phases: Phase[] = [];
  for (let index = BLOCKERS; index <= 4; index++) {
    const phaseItems = order(items.filter((item) => item.phase === index).map(({ phase: _phase, ...item }) => item));
    if (phaseItems.length === 0) continue;
    phases.push({ id: index === BLOCKERS ? 'blockers' : `L${index}`, title: phaseTitle(index), goal: PHASE_GOALS[index]!, items: phaseItems, effortWeeks: sumEffort(phaseItems) });
  }
  return { phases, effortWeeks: sumEffort(phases.flatMap((phase) => phase.items)) };
}
