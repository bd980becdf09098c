import { compareReports } from '../../compare/compare.js';
import { comparisonRenderers } from '../../compare/index.js';
import { loadReport } from '../../report/load.js';
import { documentDestinations, renderDocument } from '../document-outputs.js';
import { useColor, type CliIO } from '../io.js';
import { emit, type OutputFlags } from '../outputs.js';

export interface CompareFlags extends OutputFlags {
  color: boolean;
}

/** Shows the progress between two saved reports of a repository. */
export async function compareCommand(beforeFile: string, afterFile: string, flags: CompareFlags, io: CliIO): Promise<number> {
  const targets = documentDestinations(flags, 'compare');
  const comparison = compareReports(await loadReport(beforeFile), await loadReport(afterFile));
  await emit(await renderDocument(comparison, targets, comparisonRenderers, useColor(io, flags.color)), io);
  return 0;
}
