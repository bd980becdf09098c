import { EXTENSIONS, FORMATS, renderer, type Format } from '../render/index.js';
import type { Report } from '../report/types.js';
import type { Branding } from './branding.js';
import { destinations, parseFormats, type Destination, type OutputFlags, type Output } from './outputs.js';

/** Where each report format goes, for `audit` and `render`: `<out-dir>/report.<ext>`; `others` are further files the command writes. */
export function reportDestinations(flags: OutputFlags, others: readonly string[] = []): Array<Destination<Format>> {
  return destinations(parseFormats(flags.format, FORMATS), flags, (format) => `report.${EXTENSIONS[format]}`, others);
}

/** The report in each format; colour only for text on a terminal. */
export function renderReport(report: Report, targets: ReadonlyArray<Destination<Format>>, color: boolean, branding: Branding): Promise<Output[]> {
  return Promise.all(
    targets.map(async ({ format, path }) => ({
      path,
      content: (await renderer(format, { templateDir: branding.templateDir }))(report, { color: path === null && color, logo: branding.logo, detail: branding.detail }),
    })),
  );
}
