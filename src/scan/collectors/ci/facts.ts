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
