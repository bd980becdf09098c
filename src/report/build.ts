import { posix } from 'node:path';
import { mlProjectOf } from '../score/ml-project.js';
import type { Answers } from '../answers/types.js';
import { buildBusiness } from '../business/build.js';
import type { BusinessData } from '../business/types.js';
import { profileOrigin, type Profile } from '../config/profiles.js';
import type { Waiver } from '../config/types.js';
import { STATUSES, type Evidence, type Finding } from '../rules/finding.js';
import type { LoadedRuleSet } from '../rules/load.js';
import { SEVERITIES } from '../rules/types.js';
import { plan } from '../roadmap/plan.js';
import { openQuestions } from '../roadmap/questions.js';
import { estimateMlTestScore, type MlTestScoreModel } from '../score/ml-test-score.js';
import { SCORING_VERSION, scoreFindings } from '../score/score.js';
import type { Facts } from '../scan/facts.js';
import { compareStrings } from '../util/compare.js';
import { PACKAGE_VERSION } from '../util/package-root.js';
import { reportConflicts } from './conflicts.js';
import { NO_COVER, REPORT_SCHEMA_VERSION, type Cover, type Report, type ReportFinding, type ReportProfile } from './types.js';

export interface ReportInputs {
  targetPath: string;
  facts: Facts;
  ruleSet: LoadedRuleSet;
  answers: Answers;
  findings: readonly Finding[];
  /** The rules an empty repository passes (src/score/guards.ts): their passes earn no credit. */
  guards: ReadonlySet<string>;
  mlTestScoreModel: MlTestScoreModel;
  /** The assumptions, roles and regulatory dates behind the business view. */
  businessData: BusinessData;
  generatedAt: Date;
  cover?: Cover;
  profile?: Profile | null;
  config?: { file: string | null; expiredWaivers: readonly Waiver[]; unusedWaivers: readonly Waiver[] };
}

function waiverSummary(waiver: Waiver) {
  return { rule: waiver.rule, reason: waiver.reason, ...(waiver.owner ? { owner: waiver.owner } : {}), expires: waiver.expires, file: waiver.source.file, line: waiver.source.line };
}

function profileSummary(profile: Profile): ReportProfile {
  const { name, title, description } = profile;
  return { name, title, description, source: profileOrigin(profile), extends: profile.extends };
}

/** Gaps first, then by severity: the order a reader wants inside a category. */
function findingOrder(categoryIds: readonly string[]) {
  return (a: Finding, b: Finding) =>
    categoryIds.indexOf(a.category) - categoryIds.indexOf(b.category) ||
    STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareStrings(a.ruleId, b.ruleId);
}

/**
 * The Report, without gates and baseline: those depend on the run's thresholds, and the audit adds
 * them once the scores are known.
 */
/**
 * Evidence in a file of the repository's top that the project borrowed (its pre-commit hooks, its
 * CODEOWNERS) is named where the file is, from the audited directory: `../../.pre-commit-config.yaml`.
 */
function namedWhereTheyAre(findings: readonly Finding[], root: Facts['root']): readonly Finding[] {
  const { directory, fromTop } = root;
  if (directory === null || fromTop.length === 0) return findings;
  const borrowed = new Set(fromTop);
  const inTop = (evidence: Evidence) => evidence.path !== undefined && borrowed.has(evidence.path);
  return findings.map((finding) =>
    finding.evidence.some(inTop) ? { ...finding, evidence: finding.evidence.map((item) => (inTop(item) ? whereItIs(item, posix.relative(directory, item.path!)) : item)) } : finding,
  );
}

/** The evidence with its file named `path`, in its detail too ("file .github/dependabot.yml"). */
function whereItIs(evidence: Evidence, path: string): Evidence {
  return { ...evidence, path, detail: evidence.detail.split(evidence.path!).join(path) };
}

export function buildReport({ targetPath, facts, ruleSet, answers, findings: found, guards, mlTestScoreModel, businessData, generatedAt, cover, profile, config }: ReportInputs): Report {
  const findings = namedWhereTheyAre(found, facts.root);
  const rules = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  const { categories, summary: scored } = scoreFindings(findings, ruleSet.categories, guards);
  const mlProject = mlProjectOf(facts);
  // The findings still stand; only the ML readiness score would mislead.
  const summary = mlProject.detected ? scored : { ...scored, score: null };
  const categoryIds = ruleSet.categories.map((category) => category.id);
  const reportFindings = [...findings].sort(findingOrder(categoryIds)).map((finding): ReportFinding => {
    const rule = rules.get(finding.ruleId)!;
    return {
      ...finding,
      why: rule.why,
      detection: rule.detection,
      remediation: rule.remediation,
      requires: rule.requires,
      references: rule.references,
    };
  });

  const roadmap = plan(findings, ruleSet.rules);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'scale-audit', version: PACKAGE_VERSION },
    ruleset: { digest: ruleSet.digest, packs: ruleSet.sources, rules: ruleSet.rules.length },
    scoringVersion: SCORING_VERSION,
    generatedAt: generatedAt.toISOString(),
    cover: cover ?? NO_COVER,
    profile: profile ? profileSummary(profile) : null,
    target: {
      name: facts.root.name,
      path: targetPath,
      ...(facts.root.directory !== null ? { directory: facts.root.directory } : {}),
      commit: facts.git?.head ?? null,
      branch: facts.git?.branch ?? null,
      url: facts.git?.webUrl ?? null,
    },
    answers: { path: answers.path, answered: Object.keys(answers.values).length, questions: ruleSet.questions.length },
    scan: {
      files: facts.files.count,
      notebooks: facts.notebooks.count,
      skippedDirectories: facts.files.skippedDirectories,
      skippedSymlinks: facts.files.skippedSymlinks,
      unreadFiles: facts.files.unread.length,
      truncated: facts.files.truncated,
      git: facts.git !== null,
    },
    summary,
    mlProject,
    mlTestScore: estimateMlTestScore(findings, mlTestScoreModel),
    categories,
    findings: reportFindings,
    roadmap,
    questions: openQuestions(findings, ruleSet.questions, answers),
    conflicts: reportConflicts(reportFindings),
    business: buildBusiness({ data: businessData, answers, findings, categories: ruleSet.categories, roadmap, currentLevel: summary.level, git: facts.git, auditDate: generatedAt }),
    config: {
      file: config?.file ?? null,
      expiredWaivers: (config?.expiredWaivers ?? []).map(waiverSummary),
      unusedWaivers: (config?.unusedWaivers ?? []).map(waiverSummary),
    },
    gates: [],
    baseline: null,
    warnings: facts.warnings,
  };
}
