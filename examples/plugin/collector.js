// @ts-check
/**
 * The MLflow projects of a repository: each `MLproject` file in the project's own code, with the
 * environment it declares and its entry points. Read line by line (the file is small YAML with a
 * fixed layout), so the plugin needs no parser.
 *
 * @typedef {{ kind: 'python_env' | 'conda_env' | 'docker_env', line: number, detail: string }} Environment
 * @typedef {{ name: string, line: number, command: boolean }} EntryPoint
 * @typedef {{ path: string, environment: Environment | null, entryPoints: EntryPoint[] }} MlProject
 * @typedef {{ projects: MlProject[], elsewhere: string[] }} MlProjectFacts
 */

const ENVIRONMENTS = ['python_env', 'conda_env', 'docker_env'];

/** @param {import('scale-audit').FileContent} file @returns {MlProject} */
function readProject(file) {
  /** @type {MlProject} */
  const project = { path: file.path, environment: null, entryPoints: [] };
  let inEntryPoints = false;
  file.lines().forEach((text, i) => {
    // The value is trimmed in code: `\s*(.*?)\s*$` would take quadratic time on a long run of spaces.
    const top = /^([A-Za-z_]+):(.*)$/.exec(text);
    if (top) {
      inEntryPoints = top[1] === 'entry_points';
      const kind = /** @type {Environment['kind']} */ (top[1]);
      if (ENVIRONMENTS.includes(kind)) project.environment = { kind, line: i + 1, detail: `${kind}: ${top[2]?.trim() || '(inline)'}` };
      return;
    }
    const entry = inEntryPoints && /^ {2}([\w.-]+):\s*$/.exec(text);
    if (entry) project.entryPoints.push({ name: entry[1] ?? '', line: i + 1, command: false });
    else if (inEntryPoints && /^\s+command:/.test(text) && project.entryPoints.length > 0) project.entryPoints[project.entryPoints.length - 1].command = true;
  });
  return project;
}

/** @type {import('scale-audit').CollectorDefinition<'mlprojects', MlProjectFacts>} */
export const mlprojectsCollector = {
  key: 'mlprojects',
  create() {
    /** @type {MlProjectFacts} */
    const facts = { projects: [], elsewhere: [] };
    return {
      wants: (path) => path === 'MLproject' || path.endsWith('/MLproject'),
      visit(file) {
        // An example's or a test fixture's project shows what someone does, not this team.
        if (file.context === 'project') facts.projects.push(readProject(file));
        else facts.elsewhere.push(file.path);
      },
      // The scan visits files in path order, so the lists are sorted already.
      finish: () => facts,
    };
  },
};
