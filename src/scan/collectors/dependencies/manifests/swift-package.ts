import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';

/** A package the manifest depends on, from its URL: `.package(url: "https://github.com/apple/swift-numerics.git", from: "1.0.0")`. */
const REMOTE_PACKAGE = /\.package\s*\(\s*(?:name:\s*"[^"\n]{0,200}"\s*,\s*)?url:\s*"([^"\n]{1,500})"\s*,?\s*([^)\n]{0,300})/g;
/** One version or one commit: `exact: "1.2.3"`, `.exact("1.2.3")`, `revision: "…"`; `from:`, ranges and branches float. */
const EXACT = /^(?:exact:|\.exact\s*\(|revision:|\.revision\s*\()/;

/**
 * SwiftPM's Package.swift, read as written, never compiled: the remote packages it depends on, each
 * where it is declared. A package with none is still the project's manifest; Package.resolved locks.
 */
function readSwiftPackage(file: FileContent, warn: Warn): ManifestRead | null {
  if (!/\bPackage\s*\(/.test(file.text)) return null;
  const out = new Declarations(file.path, warn);
  const lines = file.lines();
  let line = 0;
  let offset = 0;
  REMOTE_PACKAGE.lastIndex = 0;
  for (let match = REMOTE_PACKAGE.exec(file.text); match; match = REMOTE_PACKAGE.exec(file.text)) {
    while (line < lines.length - 1 && offset + lines[line]!.length + 1 <= match.index) offset += lines[line++]!.length + 1;
    const name = match[1]!.replace(/\/+$/, '').replace(/\.git$/, '').split('/').pop()!;
    const spec = match[2]!.trim();
    out.add({ name, spec, pinned: EXACT.test(spec) }, line + 1, false, 'swift');
  }
  return { kind: 'Package.swift', ecosystem: 'swift', declarations: out.list, managers: ['swiftpm'] };
}

/** Swift's `Package.swift` (and its `Package@swift-5.9.swift` variants). */
export const swiftPackage: ManifestFormat = { matches: (name) => /^Package(?:@swift-[\d.]+)?\.swift$/.test(name), read: readSwiftPackage };
