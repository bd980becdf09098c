import type { Severity } from '../rules/types.js';
import type { Status } from '../rules/finding.js';

/** A factor given as a range, e.g. the production budget as 3–5 times the PoC's cost. */
export interface RangeAssumption {
  min: number;
  max: number;
  /** In words; {min} and {max} stand for the numbers. */
  text: string;
  source: string;
}

/** A factor given as one number, e.g. the target maturity level. */
export interface ValueAssumption {
  value: number;
  /** In words; {value} stands for the number. */
  text: string;
  source: string;
}

export interface Assumptions {
  'production-budget-multiplier': RangeAssumption;
  'governance-share': RangeAssumption;
  'poc-to-production-months': RangeAssumption;
  'target-level': ValueAssumption;
  'operating-days-per-year': ValueAssumption;
}

export type AssumptionId = keyof Assumptions;

export interface RoleDefinition {
  /** A choice of the question team.roles. */
  id: string;
  title: string;
  /** Categories of work that need the role while any of it is open. */
  categories?: string[];
  /** Needed at every level. */
  always?: true;
  why: string;
}

export interface ObligationDefinition {
  id: string;
  title: string;
  articles: string[];
  /** YYYY-MM-DD */
  appliesFrom: string;
  riskClasses: string[];
  /** Every role when absent. */
  roles?: string[];
  note?: string;
}

/** Everything the business side reads besides the audit itself: data files, not code. */
export interface BusinessData {
  assumptions: Assumptions;
  roles: RoleDefinition[];
  regulation: { source: string; obligations: ObligationDefinition[] };
}

/** An answer a figure is computed from, with its place in the answers file. */
export interface FigureInput {
  questionId: string;
  value: number;
  line: number;
}

/** An assumption a figure relies on, in words with its numbers, and where it comes from. */
export interface AssumptionUse {
  id: AssumptionId;
  text: string;
  source: string;
}

export type FigureId =
  | 'production-budget'
  | 'governance-reserve'
  | 'timeline'
  | 'annual-net-benefit'
  | 'payback'
  | 'cost-per-prediction'
  | 'cost-per-prediction-12m';

export interface Figure {
  id: FigureId;
  label: string;
  /** A range, or one number when min equals max; null when it cannot be computed (the flag says why). */
  value: { min: number; max: number } | null;
  unit: 'currency' | 'currency per year' | 'currency per prediction' | 'months';
  /** How it is computed, with the numbers put in. */
  formula: string;
  inputs: FigureInput[];
  assumptions: AssumptionUse[];
  /** What the reader must not miss: a benefit that never pays back, an estimate far from the playbooks. */
  flag?: string;
  /** What the figure leaves out. */
  note?: string;
}

/** A figure that the answers do not allow yet, and the questions that would. */
export interface MissingFigure {
  id: FigureId;
  label: string;
  questions: string[];
}

export interface RoleView {
  id: string;
  title: string;
  why: string;
  /** The work that needs the role up to the target level, e.g. "Monitoring: 3 open items". */
  neededFor: string[];
  needed: boolean;
  /** Whether the answers name someone for it; null while team.roles is unanswered. */
  named: boolean | null;
}

export interface TeamView {
  currentLevel: number;
  targetLevel: number | null;
  roles: RoleView[];
  /** Roles needed for the target level that the answers leave without a person. */
  gaps: string[];
  /** Capacity from the answers (roi.team-fte). */
  fte: number | null;
  /** Knowledge concentration from git history; null without history. */
  busFactor: {
    commits: number;
    activeContributors12m: number;
    topAuthorShare12m: number | null;
    /** The finding of the rule team.bus-factor, which owns the verdict. */
    ruleId: string;
    status: Status | null;
    peopleCanRetrain: number | null;
  } | null;
}

export interface ObligationView {
  id: string;
  title: string;
  articles: string[];
  appliesFrom: string;
  /** True when the date has passed at the audit date. */
  inForce: boolean;
  /** Whole months from the audit date to the date; 0 once in force. */
  monthsUntil: number;
  note?: string;
}

export interface RegulationView {
  /** The answer to governance.eu-ai-act-risk, or null. */
  riskClass: string | null;
  /** The answer to governance.ai-act-role, or null. */
  role: string | null;
  obligations: ObligationView[];
  /** Rules made more (or less) severe by the answers, e.g. human oversight for a high-risk system. */
  severityChanges: Array<{ ruleId: string; from: Severity; to: Severity }>;
  source: string;
}

/** The steering-committee view: money and time, people, and regulation. */
export interface Business {
  /** The answer to roi.currency; null when unanswered or "other". */
  currency: string | null;
  figures: Figure[];
  missing: MissingFigure[];
  team: TeamView;
  regulation: RegulationView;
}
