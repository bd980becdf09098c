import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';

/** `require module v1.2.3`, alone or in a `require ( … )` block; `// indirect` marks what others pulled in. */
const REQUIREMENT = /^\s*(?:require\s+)?([\w.~-]+(?:\/[\w.~-]+)+)\s+(v\S+)(\s*\/\/\s*indirect\b)?/;

/**
 * go.mod names one version of each module (minimal version selection never picks a newer one
 * than some go.mod asks for), so every requirement is pinned.
 */
function readGoMod(file: FileContent, warn: Warn): ManifestRead | null {
  const out = new Declarations(file.path, warn);
  let inBlock = false;
  file.lines().forEach((text, index) => {
    if (/^\s*require\s*\(/.test(text)) return void (inBlock = true);
    if (inBlock && /^\s*\)/.test(text)) return void (inBlock = false);
    if (!inBlock && !/^\s*require\s/.test(text)) return;
    const match = REQUIREMENT.exec(text);
    if (match && !match[3]) out.add({ name: match[1]!, spec: match[2]!, pinned: true }, index + 1, false, 'go');
  });
  return { kind: 'go.mod', ecosystem: 'go', declarations: out.list, managers: ['go'] };
}

/** Go's `go.mod`. */
export const goMod: ManifestFormat = { matches: (name) => name === 'go.mod', read: readGoMod };
