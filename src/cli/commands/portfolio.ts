import { portfolioRenderers } from '../../portfolio/index.js';
import { PortfolioBuilder } from '../../portfolio/portfolio.js';
import { reportFiles } from '../../portfolio/report-files.js';
import { loadReport } from '../../report/load.js';
import { shownPath } from '../../util/shown-path.js';
import { documentDestinations, renderDocument } from '../document-outputs.js';
import { useColor, type CliIO } from '../io.js';
import { emit, type OutputFlags } from '../outputs.js';

export interface PortfolioFlags extends OutputFlags {
  color: boolean;
}

/** Aggregates saved reports, one at a time: only a small summary of each stays in memory. */
export async function portfolioCommand(paths: string[], flags: PortfolioFlags, io: CliIO): Promise<number> {
  const targets = documentDestinations(flags, 'portfolio');
  const builder = new PortfolioBuilder();
  // The portfolio names each report file without the auditor's own directories.
  for (const file of await reportFiles(paths)) builder.add(await loadReport(file), shownPath(file, { cwd: process.cwd(), anchors: paths }));
  await emit(await renderDocument(builder.finish(), targets, portfolioRenderers, useColor(io, flags.color)), io);
  return 0;
}
