import type { Finding } from '../rules/finding.js';
import { matchesAny } from '../util/glob.js';
import type { Waiver } from './types.js';

export interface WaiverOutcome {
  findings: Finding[];
  /** Waivers past their date: they no longer count, and every report lists them. */
  expired: Waiver[];
  /** Waivers that matched no failing or partial finding (the gap is closed, or the paths do not cover it). */
  unused: Waiver[];
}

/**
 * A waiver turns a failing or partial finding into `waived`: an accepted risk with a reason, an owner
 * and an end date, listed in every report and left out of scores and gates. With `paths`, it covers
 * the finding only when every file of its evidence lies within them, so a new occurrence elsewhere
 * is still reported. On the day after `expires` it stops counting.
 */
export function applyWaivers(findings: readonly Finding[], waivers: readonly Waiver[], today: Date): WaiverOutcome {
  const day = today.toISOString().slice(0, 10);
  const expired = waivers.filter((waiver) => waiver.expires < day);
  const active = waivers.filter((waiver) => waiver.expires >= day);
  const used = new Set<Waiver>();
  const out = findings.map((finding) => {
    if (finding.status !== 'fail' && finding.status !== 'partial') return finding;
    const waiver = active.find((candidate) => candidate.rule === finding.ruleId && covers(candidate, finding));
    if (!waiver) return finding;
    used.add(waiver);
    return {
      ...finding,
      status: 'waived' as const,
      score: null,
      message: `Waived until ${waiver.expires}${waiver.owner ? ` (${waiver.owner})` : ''}: ${waiver.reason}`,
      evidence: [{ kind: 'config' as const, path: waiver.source.file, line: waiver.source.line, detail: `waiver: ${waiver.reason}` }, ...finding.evidence],
      waiver: {
        reason: waiver.reason,
        ...(waiver.owner ? { owner: waiver.owner } : {}),
        expires: waiver.expires,
        file: waiver.source.file,
        line: waiver.source.line,
        status: finding.status,
      },
    };
  });
  return { findings: out, expired, unused: active.filter((waiver) => !used.has(waiver)) };
}

function covers(waiver: Waiver, finding: Finding): boolean {
  if (!waiver.paths) return true;
  // The files of the problem itself when the finding names them, else everything it found.
  const found = finding.evidence.filter((evidence) => evidence.kind === 'found' && evidence.counted !== false && evidence.path);
  const problems = found.filter((evidence) => evidence.problem);
  const files = (problems.length > 0 ? problems : found).map((evidence) => evidence.path!);
  return files.length > 0 && files.every((path) => matchesAny(path, waiver.paths!));
}
