import type { Collector, CollectedKey } from '../../src/scan/collector.js';
import type { Facts, ScanWarning } from '../../src/scan/facts.js';
import { fileContent } from '../../src/scan/file-content.js';

/**
 * Drives one collector the way the scan does: every path is offered, wanted files are visited in
 * path order with their text, then the slice is finished. Returns the slice and the warnings.
 */
export function collect<K extends CollectedKey>(
  collector: Collector<K>,
  files: Record<string, string>,
): { facts: Facts[K]; warnings: ScanWarning[]; visited: string[] } {
  const warnings: ScanWarning[] = [];
  const visited: string[] = [];
  const paths = Object.keys(files).sort();
  for (const path of paths) {
    if (!collector.wants(path)) continue;
    visited.push(path);
    collector.visit(fileContent(path, files[path]!), (warning) => warnings.push(warning));
  }
  const facts = collector.finish({ files: paths.map((path) => ({ path, bytes: Buffer.byteLength(files[path]!) })) });
  return { facts, warnings, visited };
}
