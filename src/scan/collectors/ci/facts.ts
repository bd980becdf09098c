/** The CI slice of Facts: every pipeline found, what it runs and when. */

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
  | 'drone'
  | 'woodpecker'
  | 'taskcluster'
  | 'gocd'
  | 'pipelinelib'
  | 'tekton';

/**
 * What starts a pipeline. `other` is an event the file names that is none of the rest (another
 * pipeline finishing, an API call); `external` means the file names none because its triggers are
 * set up outside the repository (a Cloud Build trigger, a CodeBuild webhook, a Jenkins job).
 */
export type CiTrigger = 'push' | 'pull_request' | 'schedule' | 'manual' | 'tag' | 'other' | 'external';

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

/** One link of the chain from a pipeline's step to what it finally runs: a place in another file, and what is written there. */
export interface CiHop {
  path: string;
  line: number;
  /** The command (or reference) at that line, shortened and with secrets redacted. */
  command: string;
}

export interface CiStep {
  kind: CiStepKind;
  /** The command or action as the pipeline file writes it, shortened and with secrets redacted. */
  command: string;
  /** Its line in the pipeline file. */
  line: number;
  /**
   * When the command runs another file (a script, a Makefile target, a task, an included file or
   * template), the places it was followed through, the last one being the command that counts.
   */
  via?: CiHop[];
  /**
   * Its failure does not fail the pipeline: the step or job may fail (`continue-on-error: true`,
   * `allow_failure: true`, `continueOnError: true`) or the command's failure is swallowed (`|| true`).
   */
  tolerated?: true;
}

/** Why a pipeline cannot run: its file could not be read (and where), or the CI never reads it there. */
export interface CiBreakage {
  reason: string;
  line?: number;
}

export interface CiPipeline {
  path: string;
  provider: CiProvider;
  triggers: CiTrigger[];
  /** True when the file cannot run (e.g. a workflow with no triggers, or a disabled file name). */
  disabled: boolean;
  /** When the file could not be read (invalid YAML): why, and the line. The CI system cannot run it either. */
  broken?: CiBreakage;
  jobs: number;
  steps: CiStep[];
  /** Deployment environments named by jobs (`environment:` in GitHub Actions and GitLab). */
  environments: string[];
  /** True when some job waits for a person (GitLab `when: manual`, an approval stage). */
  manualApproval: boolean;
  /** True when every command it runs only prints, sleeps or exits (`echo ok`), through whatever it calls: it checks nothing. */
  inert: boolean;
}

export interface CiFacts {
  providers: CiProvider[];
  pipelines: CiPipeline[];
}
