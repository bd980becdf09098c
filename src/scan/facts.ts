/**
 * Facts: everything the scan learned about a repository, as plain JSON-serialisable data.
 * Each top-level key is owned by exactly one collector in `src/scan/collectors/`.
 * Arrays are sorted (by path, then line) so that the same tree always gives the same bytes.
 */

/** Where a path sits in the project. Only `project` paths count as evidence of the team's own practice. */
export type PathContext = 'project' | 'test' | 'example' | 'docs' | 'vendor' | 'fixture';

export interface Location {
  path: string;
  line?: number;
  /** For notebooks: the 1-based index of the code cell the line is in. */
  cell?: number;
}

export interface Facts {
  factsVersion: 1;
  root: { name: string };
  files: FilesFacts;
  dependencies: DependencyFacts;
  notebooks: NotebookFacts;
  tests: TestFacts;
  ci: CiFacts;
  containers: ContainerFacts;
  kubernetes: KubernetesFacts;
  iac: IacFacts;
  docs: DocsFacts;
  secrets: SecretFacts;
  code: CodeFacts;
  git: GitFacts | null;
  warnings: ScanWarning[];
}

export interface ScanWarning {
  path?: string;
  line?: number;
  message: string;
}

export interface FilesFacts {
  count: number;
  totalBytes: number;
  /** Every file the walk kept, relative to the root with `/` separators, sorted. */
  paths: string[];
  /** Files at or above the large-file threshold, with their size in bytes. */
  large: Array<{ path: string; bytes: number }>;
  /** Number of files per path context (only non-zero contexts). */
  byContext: Partial<Record<PathContext, number>>;
  /** Directories left out by name (`node_modules`, virtualenvs…) or by `.gitignore`, counted. */
  skippedDirectories: number;
  skippedSymlinks: number;
  /** Files whose contents were needed but not read: over the size cap, binary or unreadable. */
  unread: Array<{ path: string; reason: 'too-large' | 'binary' | 'unreadable' }>;
  /** True when the walk stopped at the file limit. */
  truncated: boolean;
}

export type Ecosystem = 'pypi' | 'npm' | 'conda';

export interface Dependency {
  ecosystem: Ecosystem;
  /** Normalised name: PEP 503 for Python (lower case, runs of `-_.` become `-`). */
  name: string;
  /** The version constraint as written, or '' when none. */
  spec: string;
  /** True when the constraint names one exact version (`==1.2.3`, `===`, a hash, a conda `=x.y.z`). */
  pinned: boolean;
  /** True for development, test or docs dependencies. */
  dev: boolean;
  path: string;
  line: number;
}

export interface ManifestInfo {
  path: string;
  ecosystem: Ecosystem;
  kind: ManifestKind;
  declared: number;
  pinned: number;
}

export type ManifestKind =
  | 'requirements'
  | 'pyproject'
  | 'poetry'
  | 'pipfile'
  | 'setup.py'
  | 'setup.cfg'
  | 'conda'
  | 'package.json';

export interface LockFileInfo {
  path: string;
  ecosystem: Ecosystem;
  kind: 'poetry.lock' | 'uv.lock' | 'Pipfile.lock' | 'pdm.lock' | 'conda-lock' | 'package-lock.json' | 'yarn.lock' | 'pnpm-lock.yaml';
  packages: number;
}

export interface DependencyFacts {
  manifests: ManifestInfo[];
  lockFiles: LockFileInfo[];
  /** Direct dependencies declared in manifests (not the transitive contents of lock files). */
  declared: Dependency[];
  /** Package managers in use, e.g. `pip`, `poetry`, `uv`, `pipenv`, `pdm`, `conda`, `setuptools`, `npm`. */
  managers: string[];
  /**
   * How reproducible the Python environment is:
   * `locked` a lock file exists; `pinned` every declared requirement is exact; `partial` some are;
   * `unpinned` none are; `none` no Python dependencies are declared.
   */
  pinning: 'locked' | 'pinned' | 'partial' | 'unpinned' | 'none';
}

export interface NotebookFacts {
  count: number;
  paths: string[];
  /** Notebooks committed with cell outputs. */
  withOutputs: string[];
  notebookCodeLines: number;
  moduleCodeLines: number;
  /** Share of code lines that live in notebooks, 0..1 (0 when there is no code). */
  notebookShare: number;
}

export interface TestFacts {
  /** Test files in the project (not fixtures), sorted. */
  files: string[];
  count: number;
  /** Test frameworks detected from config files, dependencies or imports: pytest, unittest, hypothesis, jest, vitest… */
  frameworks: string[];
  configs: Array<{ path: string; framework: string }>;
  /** Non-test source modules in the project, for the test-to-code ratio. */
  sourceFiles: number;
}

export type CiProvider =
  | 'github-actions'
  | 'gitlab-ci'
  | 'azure-pipelines'
  | 'jenkins'
  | 'circleci'
  | 'bitbucket-pipelines'
  | 'travis'
  | 'cloud-build'
  | 'aws-codebuild'
  | 'aws-codepipeline'
  | 'buildkite'
  | 'drone';

export type CiTrigger = 'push' | 'pull_request' | 'schedule' | 'manual' | 'tag' | 'other';

/** What a CI step does, classified from its command or the action it uses. */
export type CiStepKind =
  | 'test'
  | 'coverage'
  | 'lint'
  | 'typecheck'
  | 'build'
  | 'docker-build'
  | 'docker-push'
  | 'deploy'
  | 'infra'
  | 'data-validation'
  | 'data-pipeline'
  | 'train'
  | 'model-evaluation'
  /** Metrics compared with another branch or run and reported for review (dvc metrics diff, CML comments), which blocks nothing. */
  | 'model-report'
  | 'ml-pipeline'
  | 'secret-scan'
  | 'dependency-scan'
  | 'sast'
  | 'image-scan'
  | 'sbom'
  | 'load-test'
  | 'docs';

export interface CiStep {
  kind: CiStepKind;
  /** The command or action, shortened and with secrets redacted. */
  command: string;
  line: number;
}

export interface CiPipeline {
  path: string;
  provider: CiProvider;
  triggers: CiTrigger[];
  /** True when the file cannot run (e.g. a workflow with no triggers, or a disabled file name). */
  disabled: boolean;
  jobs: number;
  steps: CiStep[];
  /** Deployment environments named by jobs (`environment:` in GitHub Actions and GitLab). */
  environments: string[];
  /** True when some job waits for a person (GitLab `when: manual`, an approval stage). */
  manualApproval: boolean;
}

export interface CiFacts {
  providers: CiProvider[];
  pipelines: CiPipeline[];
}

export interface BaseImage {
  image: string;
  line: number;
  /** True for a specific tag other than `latest`, or a digest. */
  pinned: boolean;
  digest: boolean;
}

export interface DockerfileFacts {
  path: string;
  stages: number;
  baseImages: BaseImage[];
  /** The last `USER` instruction, if any. */
  user: { value: string; line: number } | null;
  runsAsRoot: boolean;
  healthcheck: number | null;
  exposes: number[];
}

export interface ContainerFacts {
  dockerfiles: DockerfileFacts[];
  compose: Array<{ path: string; services: string[] }>;
  dockerignore: string | null;
}

export interface KubernetesObject {
  path: string;
  line: number;
  kind: string;
  apiVersion: string;
  name: string;
  /** Notable settings present in the object: `resources.limits`, `readinessProbe`, `livenessProbe`, `nvidia.com/gpu`… */
  features: string[];
}

export interface KubernetesFacts {
  objects: KubernetesObject[];
  /** Distinct kinds, sorted. */
  kinds: string[];
  helmCharts: string[];
  kustomizations: string[];
}

export type IacTool =
  | 'terraform'
  | 'terragrunt'
  | 'cloudformation'
  | 'sam'
  | 'cdk'
  | 'pulumi'
  | 'bicep'
  | 'arm'
  | 'serverless';

export interface IacResource {
  tool: IacTool;
  /** Resource type as the tool names it: `aws_s3_bucket`, `AWS::S3::Bucket`, `Microsoft.Storage/storageAccounts`. */
  type: string;
  name: string;
  path: string;
  line: number;
}

export interface IacFacts {
  tools: IacTool[];
  files: Array<{ path: string; tool: IacTool }>;
  resources: IacResource[];
}

export interface DocFile {
  path: string;
  /** Markdown headings (text only), in order; empty for other formats. */
  headings: string[];
}

export interface DocsFacts {
  readme: DocFile | null;
  license: (DocFile & { spdx: string | null }) | null;
  modelCard: DocFile | null;
  codeowners: (DocFile & { rules: number }) | null;
  security: DocFile | null;
  contributing: DocFile | null;
  changelog: DocFile | null;
}

export interface SecretFinding {
  path: string;
  line: number;
  /** What kind of credential the pattern recognises, e.g. `aws-access-key-id`. */
  kind: string;
  /** The match with all but a short prefix masked. The full value is never stored. */
  redacted: string;
  context: PathContext;
}

export interface SecretFacts {
  findings: SecretFinding[];
  filesScanned: number;
}

export interface SignalMatch extends Location {
  context: PathContext;
  /** The matching line, trimmed, shortened and with secrets redacted. */
  snippet: string;
}

export interface SignalFacts {
  /** All matches, counted. */
  count: number;
  /** The first matches by path and line (capped), for evidence. */
  matches: SignalMatch[];
}

export interface CodeFacts {
  /** Top-level modules imported by Python code (modules and notebooks), with where. Capped per module. */
  imports: Record<string, { count: number; locations: Array<Location & { context: PathContext }> }>;
  /** Named code patterns declared by the rule packs (`signals:`), with where they matched. */
  signals: Record<string, SignalFacts>;
  filesScanned: number;
}

export interface GitFacts {
  head: string | null;
  branch: string | null;
  commits: number;
  /** Distinct authors over the whole history, bots (Dependabot, Renovate, CI) left out. */
  contributors: number;
  /** Distinct authors in the twelve months before the audit date. */
  activeContributors12m: number;
  /** Share of the last twelve months' commits made by the most active author, 0..1; null with no commits. */
  topAuthorShare12m: number | null;
  firstCommitDate: string | null;
  lastCommitDate: string | null;
  tags: number;
  hasRemote: boolean;
  /** Web address of the `origin` remote on a known host (GitHub, GitLab, Bitbucket, Azure DevOps), credentials removed. */
  webUrl: string | null;
  /** Commits on the current branch that look like merged pull requests (merge commits or `(#123)` squash titles). */
  mergedPullRequests: number;
  /**
   * Merged pull requests per direct commit, 0..1, over the commits read: how much of the history
   * arrived through review. A merge brings several commits, so 0.2 can already mean most work is
   * reviewed. Null without commits.
   */
  pullRequestShare: number | null;
}
