import { loadReport } from '../../report/load.js';
import { loadBranding, type BrandingFlags } from '../branding.js';
import { useColor, type CliIO } from '../io.js';
import { emit, type OutputFlags } from '../outputs.js';
import { renderReport, reportDestinations } from '../report-outputs.js';

export interface RenderFlags extends OutputFlags, BrandingFlags {
  color: boolean;
}

/** Renders a saved JSON report again, in any format: audit once in CI, read it many ways. */
export async function renderCommand(file: string, flags: RenderFlags, io: CliIO): Promise<number> {
  const targets = reportDestinations(flags);
  const branding = await loadBranding(flags);
  const saved = await loadReport(file);
  const report = { ...saved, cover: { ...saved.cover, ...branding.cover } };
  await emit(await renderReport(report, targets, useColor(io, flags.color), branding), io);
  return 0;
}
