import { addScripts, emptyDraft, type Draft } from '../draft.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, entries, firstDocument, scriptsOf, yamlReader, type Yaml } from '../yaml.js';

function codeBuildPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const phases = entries(y, child(y, y.doc.contents, 'phases'));
  for (const { value } of phases) {
    for (const key of ['commands', 'finally']) addScripts(draft, scriptsOf(y, child(y, value, key)));
  }
  // A CodeBuild project's webhook or schedule is set up in AWS; a CodePipeline in the repository that runs the buildspec lends it its own.
  draft.triggers = ['external'];
  draft.inheritedTriggers = 'replace';
  draft.jobs = phases.length;
  draft.disabled = phases.length === 0;
  return draft;
}

/** AWS CodeBuild: buildspec files and their phases. */
export const awsCodeBuild: CiProviderDefinition = {
  provider: 'aws-codebuild',
  // `buildspec.yml`, `buildspec-test.yml`, `modelbuild_buildspec.yml`.
  files: [{ path: /(?:^|\/)[^/]*buildspec[^/]*\.ya?ml$/i, anywhere: true }],
  read: yamlReader(firstDocument(codeBuildPipeline)),
};
