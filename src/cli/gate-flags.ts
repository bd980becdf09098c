import type { Gates, Source } from '../config/types.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { InputError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';

export interface GateFlags {
  failUnder?: string;
  failUnderCategory?: string;
  failOn?: string;
  minLevel?: string;
  minConfidence?: string;
}

export function parseScore(flag: string, value: string): number {
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new InputError(`${flag}: expected a score from 0 to 100, got "${value}"`);
  }
  return score;
}

/** `data=60,security=80`; whether the categories exist is checked once the rules are loaded. */
function parseCategoryMinimums(value: string): Record<string, number> {
  const minimums: Record<string, number> = {};
  for (const part of value.split(',').map((item) => item.trim()).filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)=(.+)$/.exec(part);
    if (!match) throw new InputError(`--fail-under-category: expected category=score pairs such as data=60,security=80, got "${part}"`);
    minimums[match[1]!] = parseScore(`--fail-under-category ${match[1]}`, match[2]!);
  }
  if (Object.keys(minimums).length === 0) throw new InputError('--fail-under-category: no category given (e.g. data=60,security=80)');
  return minimums;
}

function parseSeverity(value: string): Severity {
  if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new InputError(`--fail-on: unknown severity "${value}"${didYouMean(value, SEVERITIES)}; expected ${SEVERITIES.join(', ')}`);
}

function parseLevel(value: string): number {
  const match = /^L?([0-4])$/i.exec(value.trim());
  if (!match) throw new InputError(`--min-level: expected a level from 0 to 4 (or L0 to L4), got "${value}"`);
  return Number(match[1]);
}

/** The gates set on the command line, each remembering its flag for the report. */
export function parseGateFlags(flags: GateFlags): { values: Gates; sources: Partial<Record<keyof Gates, Source>> } {
  const values: Gates = {};
  const sources: Partial<Record<keyof Gates, Source>> = {};
  const set = <K extends keyof Gates>(key: K, flag: string, value: Gates[K]) => {
    values[key] = value;
    sources[key] = { flag };
  };
  if (flags.failUnder !== undefined) set('failUnder', '--fail-under', parseScore('--fail-under', flags.failUnder));
  if (flags.failUnderCategory !== undefined) set('failUnderCategory', '--fail-under-category', parseCategoryMinimums(flags.failUnderCategory));
  if (flags.failOn !== undefined) set('failOn', '--fail-on', parseSeverity(flags.failOn));
  if (flags.minLevel !== undefined) set('minLevel', '--min-level', parseLevel(flags.minLevel));
  if (flags.minConfidence !== undefined) set('minConfidence', '--min-confidence', parseScore('--min-confidence', flags.minConfidence));
  return { values, sources };
}
