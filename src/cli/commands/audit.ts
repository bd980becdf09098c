import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_ANSWERS_FILE } from '../../answers/types.js';
import { runAudit } from '../../audit.js';
import type { Report } from '../../report/types.js';
import { InputError } from '../../util/errors.js';
import { createBaseline, type Baseline } from '../../gates/baseline.js';
import { gateOrigin } from '../../gates/gates.js';
import { loadBranding, withConfigured, type BrandingFlags } from '../branding.js';
import { parseGateFlags, type GateFlags } from '../gate-flags.js';
import { auditDate, useColor, type CliIO } from '../io.js';
import { emit, type OutputFlags } from '../outputs.js';
import { renderReport, reportDestinations } from '../report-outputs.js';

export interface AuditFlags extends GateFlags, OutputFlags, BrandingFlags {
  /** A file, or false for --no-answers. */
  answers?: string | false;
  /** Business assumptions replacing some of the defaults. */
  assumptions?: string;
  rules: string[];
  color: boolean;
  /** A file, or false for --no-config. */
  config?: string | false;
  baseline?: string;
  writeBaseline?: string;
}

/**
 * The answers to use: the file named with --answers, or else the one `init` writes in the audited
 * directory, when it exists (said on stderr, so nobody wonders where the answers came from).
 */
async function answersFor(path: string, flag: string | false | undefined, io: CliIO): Promise<string | undefined> {
  if (flag !== undefined) return flag === false ? undefined : flag;
  const found = join(path, DEFAULT_ANSWERS_FILE);
  if (!(await access(found).then(() => true, () => false))) return undefined;
  io.stderr.write(`scale-audit: using the answers in ${found} (--no-answers to ignore them)\n`);
  return found;
}

/** Each gate's verdict on stderr (results stay on stdout); exit 1 when any failed. */
function reportGates(report: Report, io: CliIO): number {
  for (const result of report.gates) {
    io.stderr.write(`scale-audit: gate ${result.passed ? 'passed' : 'failed'}: ${result.message} (${gateOrigin(result)})\n`);
  }
  return report.gates.every((result) => result.passed) ? 0 : 1;
}

async function readBaseline(file: string): Promise<Baseline> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read baseline: ${error.code === 'ENOENT' ? 'no such file' : (error.code ?? error.message)}`, file);
  });
  let baseline: Partial<Baseline>;
  try {
    baseline = JSON.parse(text) as Partial<Baseline>;
  } catch {
    throw new InputError('not a baseline: invalid JSON (write one with --write-baseline)', file);
  }
  if (baseline?.baselineVersion !== 1 || typeof baseline.findings !== 'object') {
    throw new InputError('not a baseline written by scale-audit --write-baseline', file);
  }
  return baseline as Baseline;
}

export async function auditCommand(path: string, flags: AuditFlags, io: CliIO): Promise<number> {
  const targets = reportDestinations(flags, flags.writeBaseline ? [flags.writeBaseline] : []);
  const gates = parseGateFlags(flags);
  const now = auditDate(io);
  const baseline = flags.baseline ? { file: flags.baseline, baseline: await readBaseline(flags.baseline) } : undefined;
  const answersFile = await answersFor(path, flags.answers, io);
  const flagged = await loadBranding(flags);

  const { report, config } = await runAudit({
    path,
    answersFile,
    assumptionsFile: flags.assumptions,
    rules: flags.rules,
    now,
    gates,
    ...(flags.config === false ? { config: null } : flags.config ? { config: flags.config } : {}),
    cover: flagged.cover,
    ...(baseline ? { baseline } : {}),
  });

  const outputs = await renderReport(report, targets, useColor(io, flags.color), await withConfigured(flagged, config, path, (message) => io.stderr.write(`scale-audit: ${message}\n`)));
  if (flags.writeBaseline) outputs.push({ path: flags.writeBaseline, content: `${JSON.stringify(createBaseline(report), null, 2)}\n` });
  await emit(outputs, io);
  return reportGates(report, io);
}
