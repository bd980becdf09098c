import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations, isDevName } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { TRAILING_COMMENT } from '../requirement.js';

const SETUP_CFG_LISTS: Array<{ section: string; key?: string; dev: (key: string) => boolean }> = [
  { section: 'options', key: 'install_requires', dev: () => false },
  { section: 'options', key: 'tests_require', dev: () => true },
  { section: 'options.extras_require', dev: isDevName },
];

/** Values that point elsewhere (`file: requirements.txt`, `attr: pkg.DEPS`); the file, if any, is read on its own. */
const SETUP_CFG_DIRECTIVE = /^(?:file|attr):/;

function readSetupCfg(file: FileContent, warn: Warn): ManifestRead | null {
  const { sections, values } = iniValues(file.lines());
  // A setup.cfg holding only flake8 or pytest settings is not a manifest.
  if (!sections.has('metadata') && !sections.has('options')) return null;
  const out = new Declarations(file.path, warn);
  for (const { section, key, text, line } of values) {
    const list = SETUP_CFG_LISTS.find(
      (candidate) => candidate.section === section && (candidate.key === undefined || candidate.key === key),
    );
    const requirement = text.replace(TRAILING_COMMENT, '').trim();
    if (list && requirement !== '' && !SETUP_CFG_DIRECTIVE.test(requirement)) out.requirement(requirement, line, list.dev(key));
  }
  return { kind: 'setup.cfg', ecosystem: 'pypi', declarations: out.list, managers: ['setuptools'] };
}

/** Each value line of an INI file (multi-line values are indented continuation lines), with its section and key. */
function iniValues(lines: readonly string[]): {
  sections: Set<string>;
  values: Array<{ section: string; key: string; text: string; line: number }>;
} {
  const sections = new Set<string>();
  const values: Array<{ section: string; key: string; text: string; line: number }> = [];
  let section = '';
  let key: string | null = null;
  lines.forEach((raw, index) => {
    if (/^\s*(?:[#;]|$)/.test(raw)) return;
    const header = /^\[([^\]]+)\]/.exec(raw);
    const assignment = /^([^=:\s][^=:]*)[=:](.*)$/.exec(raw);
    if (header) {
      section = header[1]!.trim().toLowerCase();
      sections.add(section);
      key = null;
    } else if (/^\s/.test(raw)) {
      if (key !== null) values.push({ section, key, text: raw.trim(), line: index + 1 });
    } else if (assignment) {
      // setuptools accepted `install-requires` too before deprecating dashes.
      key = assignment[1]!.trim().toLowerCase().replace(/-/g, '_');
      if (assignment[2]!.trim() !== '') values.push({ section, key, text: assignment[2]!.trim(), line: index + 1 });
    } else {
      key = null;
    }
  });
  return { sections, values };
}

/** setuptools' `setup.cfg`. */
export const setupCfg: ManifestFormat = { matches: (name) => name === 'setup.cfg', read: readSetupCfg };
