import type { Report } from '../report/types.js';
import { counted } from '../util/plural.js';

/** What the scan read and left aside, in one sentence, for every report's appendix. */
export function scanSummary(scan: Report['scan']): string {
  const notebooks = scan.notebooks > 0 ? ` (${counted(scan.notebooks, 'notebook')})` : '';
  return (
    `This audit scanned ${counted(scan.files, 'file')}${notebooks}; ` +
    `${counted(scan.skippedDirectories, 'directory', 'directories')} skipped (dependencies, virtualenvs, caches, .gitignore), ` +
    `${counted(scan.skippedSymlinks, 'symbolic link')} not followed and ${counted(scan.unreadFiles, 'file')} too large or binary to read. ` +
    `Git history was ${scan.git ? 'read' : 'not available'}.`
  );
}
