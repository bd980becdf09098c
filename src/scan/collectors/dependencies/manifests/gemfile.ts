import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';

/** `gem "name"` and its version requirements (`"~> 7.1"`, `">= 2", "< 3"`), before any option. */
const GEM = /^\s*gem[\s(]*["']([\w.-]+)["']((?:\s*,\s*["'][^"'\n]*["'])*)(.*)$/;
/** `group: :test` or `groups: [:development, :test]` given to one gem. */
const GROUP_OPTION = /\bgroups?:[\s[]*(:\w+(?:\s*,\s*:\w+)*)/;
/** `group :development, :test do`: the gems up to its `end` serve development. Whitespace runs are matched by one quantifier each, so a long line is read in linear time. */
const GROUP_BLOCK = /^\s*group[\s(]*(:\w+(?:\s*,\s*:\w+)*)[\s)]*do\b/;
/** Another block of gems (`platforms :jruby do`, `install_if -> { … } do`): its gems keep the enclosing group. */
const OTHER_BLOCK = /\bdo(?:\s*\|[^|\n]*\|)?\s*$/;
const BLOCK_END = /^\s*end\b/;
const DEV_GROUPS: ReadonlySet<string> = new Set(['development', 'test', 'lint', 'ci', 'tools']);
/** An exact version: `"1.2.3"` or `"= 1.2.3"`. */
const EXACT = /^=?\s*\d[\w.]*$/;

function devGroups(groups: string): boolean {
  return groups.split(/[\s,:]+/).some((group) => DEV_GROUPS.has(group));
}

/**
 * Bundler's Gemfile: `gem` lines with their requirements, those in a development or test group
 * (a `group … do` block, or a `group:` option) marked as development. Ruby code is never run.
 */
function readGemfile(file: FileContent, warn: Warn): ManifestRead | null {
  const out = new Declarations(file.path, warn);
  const blocks: boolean[] = [];
  file.lines().forEach((text, index) => {
    const inDev = blocks.at(-1) ?? false;
    const group = GROUP_BLOCK.exec(text);
    if (group) return void blocks.push(inDev || devGroups(group[1]!));
    if (BLOCK_END.test(text)) return void blocks.pop();
    const gem = GEM.exec(text);
    if (!gem) {
      if (OTHER_BLOCK.test(text)) blocks.push(inDev);
      return;
    }
    const requirements = [...gem[2]!.matchAll(/["']([^"']*)["']/g)].map((match) => match[1]!.trim());
    const option = GROUP_OPTION.exec(gem[3]!);
    const spec = requirements.join(', ');
    out.add({ name: gem[1]!, spec, pinned: requirements.length === 1 && EXACT.test(requirements[0]!) }, index + 1, inDev || (option !== null && devGroups(option[1]!)), 'rubygems');
  });
  return { kind: 'Gemfile', ecosystem: 'rubygems', declarations: out.list, managers: ['bundler'] };
}

/** Bundler's `Gemfile` (and `gems.rb`). */
export const gemfile: ManifestFormat = { matches: (name) => name === 'Gemfile' || name === 'gems.rb', read: readGemfile };
