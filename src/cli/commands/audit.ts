import { findAnswers } from '../../answers/find.js';
import { runAudit } from '../../audit.js';
import { jsonDocument } from '../../render/json.js';
import type { Report } from '../../report/types.js';
import { createBaseline, loadBaseline } from '../../gates/baseline.js';
import { gateOrigin } from '../../gates/gates.js';
import { loadBranding, withConfigured, type BrandingFlags } from '../branding.js';
import { parseGateFlags, type GateFlags } from '../gate-flags.js';
import { auditDate, notice, useColor, type CliIO } from '../io.js';
import { emit, type OutputFlags } from '../outputs.js';
import { progressLine } from '../progress.js';
import { pluginRequests, type RuleFlags } from '../rule-flags.js';
import { renderReport, reportDestinations } from '../report-outputs.js';

export interface AuditFlags extends GateFlags, OutputFlags, BrandingFlags, RuleFlags {
  /** A file, or false for --no-answers. */
  answers?: string | false;
  /** Business assumptions replacing some of the defaults. */
  assumptions?: string;
  color: boolean;
  /** A file, or false for --no-config. */
  config?: string | false;
  profile?: string;
  baseline?: string;
  writeBaseline?: string;
  /** No progress display. */
  quiet?: boolean;
}

/**
 * The answers to use: the file named with --answers, or else the one `init` writes in the audited
 * directory, when it exists (`found`: said on stderr, so nobody wonders where the answers came from).
 */
async function answersFor(path: string, flag: string | false | undefined): Promise<{ file?: string; found: boolean }> {
  if (flag !== undefined) return { ...(flag === false ? {} : { file: flag }), found: false };
  const found = await findAnswers(path);
  return found ? { file: found, found: true } : { found: false };
}

/** Each gate's verdict on stderr (results stay on stdout); exit 1 when any failed. */
function reportGates(report: Report, io: CliIO): number {
  for (const result of report.gates) {
    notice(io, `gate ${result.passed ? 'passed' : 'failed'}: ${result.message} (${gateOrigin(result)})`);
  }
  return report.gates.every((result) => result.passed) ? 0 : 1;
}

export async function auditCommand(path: string, flags: AuditFlags, io: CliIO): Promise<number> {
  const targets = reportDestinations(flags, flags.writeBaseline ? [flags.writeBaseline] : []);
  const gates = parseGateFlags(flags);
  const now = auditDate(io);
  const baseline = flags.baseline ? { file: flags.baseline, baseline: await loadBaseline(flags.baseline) } : undefined;
  const answers = await answersFor(path, flags.answers);
  const flagged = await loadBranding(flags);

  const progress = progressLine(io, flags.quiet === true);
  const { report, config } = await runAudit({
    path,
    answersFile: answers.file,
    assumptionsFile: flags.assumptions,
    rules: flags.rules,
    plugins: pluginRequests(flags),
    now,
    gates,
    ...(flags.config === false ? { config: null } : flags.config ? { config: flags.config } : {}),
    profile: flags.profile,
    cover: flagged.cover,
    ...(baseline ? { baseline } : {}),
    onProgress: progress.onProgress,
  }).finally(() => progress.done());
  // Said once the answers are read: a file that cannot be read is then the one line of its error.
  if (answers.found) notice(io, `using the answers in ${answers.file} (--no-answers to ignore them)`);

  const outputs = await renderReport(report, targets, useColor(io, flags.color), await withConfigured(flagged, config, path, (message) => notice(io, message)));
  if (flags.writeBaseline) outputs.push({ path: flags.writeBaseline, content: jsonDocument(createBaseline(report)) });
  await emit(outputs, io);
  return reportGates(report, io);
}
