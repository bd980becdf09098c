// @ts-check
/**
 * `mlproject: { declares: [environment, entry-points] }`: every MLflow project of the repository
 * declares what is listed. False when there is none.
 *
 * @typedef {import('./collector.js').MlProject} MlProject
 * @typedef {'environment' | 'entry-points'} Part
 */

/** @type {Record<Part, (project: MlProject) => import('scale-audit').Evidence | null>} */
const EVIDENCE = {
  environment: (project) => project.environment && { kind: 'found', path: project.path, line: project.environment.line, detail: project.environment.detail },
  'entry-points': (project) => {
    const runnable = project.entryPoints.filter((entry) => entry.command);
    return runnable.length === 0 ? null : { kind: 'found', path: project.path, line: runnable[0]?.line, detail: `entry points with a command: ${runnable.map((entry) => entry.name).join(', ')}` };
  },
};

const MISSING = {
  environment: 'declares no environment (python_env, conda_env or docker_env)',
  'entry-points': 'declares no entry point with a command',
};

/** @type {import('scale-audit').CheckKind<'mlproject', { declares: Part[] }>} */
export const mlprojectCheck = {
  name: 'mlproject',
  argument: ({ z }) => z.strictObject({ declares: z.array(z.enum(['environment', 'entry-points'])).min(1).describe('What every MLproject file must declare.') }),
  doc: {
    summary: 'Every MLflow project (an MLproject file in the project\'s own code) declares its environment and/or entry points with a command; false when there is none.',
    examples: ['mlproject: { declares: [environment, entry-points] }'],
  },
  evaluate(arg, ctx) {
    const { projects } = /** @type {{ mlprojects: import('./collector.js').MlProjectFacts }} */ (/** @type {unknown} */ (ctx.facts)).mlprojects;
    if (projects.length === 0) return { value: false, evidence: [{ kind: 'missing', detail: 'no MLproject file in the project\'s own code' }] };
    /** @type {import('scale-audit').Evidence[]} */
    const evidence = [];
    let holds = true;
    for (const project of projects) {
      for (const part of arg.declares) {
        const found = EVIDENCE[part](project);
        if (found === null) {
          holds = false;
          evidence.push({ kind: 'missing', path: project.path, detail: MISSING[part] });
        } else evidence.push(found);
      }
    }
    return { value: holds, evidence: holds ? evidence : evidence.filter((item) => item.kind === 'missing') };
  },
};
