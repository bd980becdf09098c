import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations, pathSaysDev } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { logicalLines } from '../requirement.js';

const REQUIREMENTS_FILE = /^(?:[\w.-]*[-_.])?requirements(?:[-_.][\w.-]*)?\.(?:txt|in)$/i;

function readRequirementsFile(file: FileContent, warn: Warn): ManifestRead {
  const out = new Declarations(file.path, warn);
  const dev = pathSaysDev(file.path);
  for (const { text, line } of logicalLines(file.lines())) out.requirementLine(text, line, dev);
  return { kind: 'requirements', ecosystem: 'pypi', declarations: out.list, managers: ['pip'], installsProject: out.installsProject };
}

/** pip's requirements files: `requirements.txt`, `requirements-dev.in`, `requirements/test.txt`. */
export const requirementsFile: ManifestFormat = {
  matches: (name, parent) => REQUIREMENTS_FILE.test(name) || (parent.toLowerCase() === 'requirements' && /\.(?:txt|in)$/i.test(name)),
  read: readRequirementsFile,
};
