import { isMap, isScalar, isSeq } from 'yaml';
import type { FileContent } from '../../../collector.js';
import type { Warn } from '../../../location.js';
import { Declarations, pathSaysDev } from '../declarations.js';
import type { ManifestFormat, ManifestRead } from '../manifest.js';
import { parseYamlFile } from '../parse.js';
import type { Requirement } from '../requirement.js';

/**
 * `environment.yml`, `environment-gpu.yml`, `conda.yaml`, Azure ML's `conda_dependencies.yml`, and
 * environments named for their job: `train-conda.yml` (the Azure ML MLOps template's), `score_conda.yaml`.
 */
const CONDA_ENVIRONMENT_FILE = /^(?:environment(?:-[\w.-]+)?|(?:[\w.-]+[_-])?conda(?:[_-][\w.-]+)?)\.ya?ml$/i;
/** Folders that hold one environment per job, each file named for its job (`environments/conda/train.yml`, Snakemake's `envs/`). */
const CONDA_ENVIRONMENT_FOLDER = /^(?:conda|conda[_-]envs?|envs)$/i;
const YAML_FILE = /\.ya?ml$/i;

/** The interpreter and the installer are listed in environments but are not the project's dependencies. */
const CONDA_TOOLS = new Set(['python', 'pip']);
const CONDA_SPEC = /^(?:[^\s:]+::)?([A-Za-z0-9_][A-Za-z0-9._-]*)\s*(.*)$/s;
/** `=1.2.3`, `==1.2`, `=1.2.3=py39h_0`, `1.2.3 py39h_0`: an operator, a version and maybe a build. */
const CONDA_VERSION = /^(==|=)?\s*([0-9A-Za-z_.+!-]+)(?:(?:=|\s+)(\S+))?$/;

function parseCondaSpec(text: string): Requirement | null {
  const match = CONDA_SPEC.exec(text.trim());
  if (!match) return null;
  const spec = match[2]!.trim();
  return { name: match[1]!, spec, pinned: isExactConda(spec) };
}

/** `==v` is exact; `=v` means `v.*`, so it pins only with a full major.minor.patch version or a build. */
function isExactConda(spec: string): boolean {
  const match = CONDA_VERSION.exec(spec);
  if (!match) return false;
  const [, operator, version, build] = match;
  return operator === '==' || build !== undefined || version!.split('.').length >= 3;
}

function readCondaEnvironment(file: FileContent, warn: Warn): ManifestRead | null {
  const parsed = parseYamlFile(file, warn);
  if (!parsed) return null;
  const { doc, lineOf } = parsed;
  const dependencies = doc.get('dependencies');
  // Another YAML file that happens to be called environment.yml.
  if (!isSeq(dependencies) && !doc.has('channels')) return null;
  const out = new Declarations(file.path, warn);
  const dev = pathSaysDev(file.path);
  for (const item of isSeq(dependencies) ? dependencies.items : []) {
    if (isScalar(item) && typeof item.value === 'string') {
      const requirement = parseCondaSpec(item.value);
      if (!requirement) out.unreadable(item.value, lineOf(item));
      else if (!CONDA_TOOLS.has(requirement.name.toLowerCase())) out.add(requirement, lineOf(item), dev, 'conda');
    } else if (isMap(item)) {
      const pip = item.get('pip');
      for (const entry of isSeq(pip) ? pip.items : []) {
        if (isScalar(entry) && typeof entry.value === 'string') out.requirementLine(entry.value, lineOf(entry), dev);
      }
    }
  }
  return { kind: 'conda', ecosystem: 'conda', declarations: out.list, managers: ['conda'] };
}

/** Conda environment files. */
export const condaEnvironment: ManifestFormat = {
  matches: (name, parent) => CONDA_ENVIRONMENT_FILE.test(name) || (YAML_FILE.test(name) && CONDA_ENVIRONMENT_FOLDER.test(parent())),
  read: readCondaEnvironment,
};
