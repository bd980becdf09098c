import { join } from 'node:path';
import { runAudit } from '../../audit.js';
import { EXTENSIONS, FORMATS, renderer, type Format } from '../../render/index.js';
import type { Report } from '../../report/types.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import { auditDate, useColor, type CliIO } from '../io.js';
import { writeOutputs } from '../write-outputs.js';

export interface AuditFlags {
  answers?: string;
  format: string;
  output?: string;
  outDir?: string;
  failUnder?: string;
  rules: string[];
  color: boolean;
}

const FORMAT_ALIASES: Record<string, Format> = { markdown: 'md', txt: 'text', terminal: 'text' };

export function parseFormats(value: string): Format[] {
  const formats: Format[] = [];
  for (const raw of value.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean)) {
    const format = (FORMATS as readonly string[]).includes(raw) ? (raw as Format) : FORMAT_ALIASES[raw];
    if (!format) throw new InputError(`--format: unknown format "${raw}"${didYouMean(raw, FORMATS)}; expected ${FORMATS.join(', ')}`);
    if (!formats.includes(format)) formats.push(format);
  }
  if (formats.length === 0) throw new InputError(`--format: no format given; expected ${FORMATS.join(', ')}`);
  return formats;
}

export function parseScore(flag: string, value: string): number {
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new InputError(`${flag}: expected a score from 0 to 100, got "${value}"`);
  }
  return score;
}

/** Decides where each format goes before anything runs, so a bad combination fails fast. */
function destinations(formats: Format[], flags: AuditFlags): Array<{ format: Format; path: string | null }> {
  if (flags.output && flags.outDir) throw new InputError('--output and --out-dir cannot be used together');
  if (flags.output) {
    if (formats.length > 1) throw new InputError('--output takes one format; use --out-dir to write several');
    return [{ format: formats[0]!, path: flags.output }];
  }
  if (flags.outDir) return formats.map((format) => ({ format, path: join(flags.outDir!, `report.${EXTENSIONS[format]}`) }));
  if (formats.length > 1) throw new InputError('several formats need --out-dir <dir> (stdout takes one)');
  return [{ format: formats[0]!, path: null }];
}

function gate(report: Report, failUnder: number | undefined, io: CliIO): number {
  if (failUnder === undefined) return 0;
  const score = report.summary.score;
  if (score === null) {
    io.stderr.write(`scale-audit: gate failed: no readiness score (nothing could be assessed), --fail-under ${failUnder}\n`);
    return 1;
  }
  if (score < failUnder) {
    io.stderr.write(`scale-audit: gate failed: readiness ${score} is below --fail-under ${failUnder}\n`);
    return 1;
  }
  io.stderr.write(`scale-audit: gate passed: readiness ${score} ≥ ${failUnder}\n`);
  return 0;
}

export async function auditCommand(path: string, flags: AuditFlags, io: CliIO): Promise<number> {
  const formats = parseFormats(flags.format);
  const targets = destinations(formats, flags);
  const failUnder = flags.failUnder === undefined ? undefined : parseScore('--fail-under', flags.failUnder);
  const now = auditDate(io);

  const { report } = await runAudit({ path, answersFile: flags.answers, rules: flags.rules, now });

  const color = useColor(io, flags.color);
  const rendered = await Promise.all(
    targets.map(async ({ format, path: file }) => ({ file, content: (await renderer(format))(report, { color: file === null && color }) })),
  );
  const files = rendered.filter((output): output is { file: string; content: string } => output.file !== null);
  await writeOutputs(files.map(({ file, content }) => ({ path: file, content })));
  for (const output of rendered) if (output.file === null) io.stdout.write(output.content);
  if (files.length > 0) io.stderr.write(`scale-audit: wrote ${files.map((output) => output.file).join(', ')}\n`);
  return gate(report, failUnder, io);
}
