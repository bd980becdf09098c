import { join } from 'node:path';
import { loadDataFile, loadShippedData } from '../util/data-file.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { inputErrorAt } from '../util/yaml-source.js';
import type { Assumptions, BusinessData, ObligationDefinition, RangeAssumption, RoleDefinition, ValueAssumption } from './types.js';

/** The business side's data files and their schemas; the build validates them (scripts/validate-data.mjs). */
export const BUSINESS_DATA_FILES = {
  assumptions: { file: 'data/business-assumptions.yaml', schema: 'assumptions' },
  roles: { file: 'data/team-roles.yaml', schema: 'team-roles' },
  regulation: { file: 'data/eu-ai-act.yaml', schema: 'eu-ai-act' },
} as const;

type Entry = Partial<RangeAssumption & ValueAssumption>;

/**
 * The factors of the business numbers: the defaults, with the entries of an `--assumptions` file
 * in place of theirs. An entry given without a source is sourced to that file.
 */
async function loadAssumptions(overrides: string | undefined): Promise<Assumptions> {
  const defaults = (await loadShippedData(join(PACKAGE_ROOT, BUSINESS_DATA_FILES.assumptions.file), 'assumptions')) as { assumptions: Assumptions };
  if (!overrides) return defaults.assumptions;
  const source = await loadDataFile(overrides, 'assumptions');
  const given = (source.value as { assumptions?: Record<string, Entry> }).assumptions ?? {};
  const merged: Record<string, Entry> = { ...defaults.assumptions };
  for (const [id, entry] of Object.entries(given)) {
    if (entry.min !== undefined && entry.max !== undefined && entry.min > entry.max) {
      throw inputErrorAt(source, ['assumptions', id, 'min'], `${id}: min (${entry.min}) is above max (${entry.max})`);
    }
    merged[id] = { ...merged[id], ...entry, source: entry.source ?? `set in ${overrides}` };
  }
  return merged as unknown as Assumptions;
}

export async function loadBusinessData(assumptionsFile?: string): Promise<BusinessData> {
  const [assumptions, roles, regulation] = await Promise.all([
    loadAssumptions(assumptionsFile),
    loadShippedData(join(PACKAGE_ROOT, BUSINESS_DATA_FILES.roles.file), 'team-roles'),
    loadShippedData(join(PACKAGE_ROOT, BUSINESS_DATA_FILES.regulation.file), 'eu-ai-act'),
  ]);
  return {
    assumptions,
    roles: (roles as { roles: RoleDefinition[] }).roles,
    regulation: regulation as { source: string; obligations: ObligationDefinition[] },
  };
}
