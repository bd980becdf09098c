import type { CollectorDefinition, CollectorOptions, EnclosingRepository } from '../../src/scan/collector.js';
import type { ScanWarning } from '../../src/scan/facts.js';
import { fileContent } from '../../src/scan/file-content.js';

/**
 * Drives one collector the way the scan does: every path is offered, wanted files are visited in
 * path order with their text, then the slice is finished (with the repository around the files,
 * when they are a monorepo's subdirectory). Returns the slice and the warnings.
 */
export function collect<Slice>(
  definition: CollectorDefinition<string, Slice>,
  files: Record<string, string>,
  options: CollectorOptions = { signals: [] },
  enclosing: EnclosingRepository | null = null,
): { facts: Slice; warnings: ScanWarning[]; visited: string[] } {
  const collector = definition.create(options);
  const warnings: ScanWarning[] = [];
  const visited: string[] = [];
  const paths = Object.keys(files).sort();
  for (const path of paths) {
    if (!collector.wants(path)) continue;
    visited.push(path);
    collector.visit(fileContent(path, files[path]!), (warning) => warnings.push(warning));
  }
  const facts = collector.finish({
    files: paths.map((path) => ({ path, bytes: Buffer.byteLength(files[path]!) })),
    read: (path) => (Object.hasOwn(files, path) ? fileContent(path, files[path]!) : null),
    enclosing,
  }, (warning) => warnings.push(warning));
  return { facts, warnings, visited };
}
