import { posix } from 'node:path';
import { defineCollector } from '../../collector.js';
import { collectPipelines } from './collector.js';
import { FOLLOWERS } from './follow/index.js';
import { awsCodeBuild } from './providers/aws-codebuild.js';
import { awsCodePipeline } from './providers/aws-codepipeline.js';
import { awsCodePipelineCdk } from './providers/aws-codepipeline-cdk.js';
import { awsCodePipelineTerraform } from './providers/aws-codepipeline-terraform.js';
import { azurePipelines } from './providers/azure-pipelines.js';
import { bitbucketPipelines } from './providers/bitbucket-pipelines.js';
import { buildkite } from './providers/buildkite.js';
import { circleci } from './providers/circleci.js';
import { cloudBuild } from './providers/cloud-build.js';
import { drone } from './providers/drone.js';
import { githubActions } from './providers/github-actions.js';
import { gitlabCi } from './providers/gitlab-ci.js';
import { gocd } from './providers/gocd.js';
import { jenkins } from './providers/jenkins.js';
import { pipelineLib } from './providers/pipelinelib.js';
import { taskcluster } from './providers/taskcluster.js';
import { tekton } from './providers/tekton.js';
import { travis } from './providers/travis.js';
import { woodpecker } from './providers/woodpecker.js';

/**
 * The CI providers, in the order their files are tried: where two providers recognise the same
 * file by name, the first listed reads it.
 */
export const PROVIDERS = [
  githubActions,
  gitlabCi,
  azurePipelines,
  jenkins,
  circleci,
  bitbucketPipelines,
  travis,
  cloudBuild,
  awsCodeBuild,
  buildkite,
  drone,
  woodpecker,
  awsCodePipeline,
  awsCodePipelineTerraform,
  awsCodePipelineCdk,
  taskcluster,
  gocd,
  pipelineLib,
  tekton,
];

export const ciCollector = defineCollector({
  key: 'ci',
  create: () => collectPipelines(PROVIDERS, FOLLOWERS),
  // The top's pipelines that can run are named from the audited directory (`../../.github/workflows/ci.yml`).
  lendsFromTop: (ci, directory) =>
    ci.pipelines.filter((pipeline) => pipeline.path.startsWith('../') && !pipeline.disabled && !pipeline.broken).map((pipeline) => posix.join(directory, pipeline.path)),
});
