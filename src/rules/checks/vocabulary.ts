import type { CiStepKind, CiTrigger, Ecosystem, GrantKind, IacTool, PathContext, ResourceKind } from '../../scan/facts.js';

/**
 * The list holds every value of the union `T` and nothing else, checked when compiling: the
 * values a pack may write stay those the scan produces.
 */
function everyValue<T extends string>() {
  return <const L extends readonly [T, ...T[]]>(values: L & (Exclude<T, L[number]> extends never ? unknown : { missing: Exclude<T, L[number]> })): L => values;
}

export const PATH_CONTEXTS = everyValue<PathContext>()(['project', 'test', 'example', 'docs', 'vendor', 'fixture', 'archive']);
export const ECOSYSTEMS = everyValue<Ecosystem>()(['pypi', 'npm', 'conda', 'cran', 'maven', 'cargo', 'go', 'julia', 'swift', 'rubygems']);
export const CI_TRIGGERS = everyValue<CiTrigger>()(['push', 'pull_request', 'schedule', 'manual', 'tag', 'other', 'external']);
export const CI_STEP_KINDS = everyValue<CiStepKind>()([
  'test', 'coverage', 'lint', 'typecheck', 'build', 'docker-build', 'docker-push', 'deploy', 'infra', 'data-validation', 'data-pipeline',
  'train', 'model-evaluation', 'model-report', 'ml-pipeline', 'secret-scan', 'dependency-scan', 'sast', 'image-scan', 'sbom', 'load-test', 'docs',
]);
export const IAC_TOOLS = everyValue<IacTool>()(['terraform', 'terragrunt', 'cloudformation', 'sam', 'cdk', 'cdktf', 'pulumi', 'bicep', 'arm', 'serverless']);
export const RESOURCE_KINDS = everyValue<ResourceKind>()([
  'model-endpoint', 'model-registry', 'model-monitor', 'model-quality-monitor', 'alert', 'container-service', 'function', 'kubernetes-workload', 'kubernetes-cluster', 'schedule', 'autoscaling', 'budget',
]);
export const GRANT_KINDS = everyValue<GrantKind>()(['admin-role', 'admin-policy', 'wildcard-action']);
