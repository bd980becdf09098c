import { emptyDraft, type Draft } from '../draft.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, entries, firstDocument, scriptsOf, yamlReader, type Yaml } from '../yaml.js';

function codeBuildPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const phases = entries(y, child(y, y.doc.contents, 'phases'));
  for (const { value } of phases) {
    for (const key of ['commands', 'finally']) draft.scripts.push(...scriptsOf(y, child(y, value, key)));
  }
  draft.triggers = ['other'];
  draft.jobs = phases.length;
  draft.disabled = phases.length === 0;
  return draft;
}

/** AWS CodeBuild: buildspec files and their phases. */
export const awsCodeBuild: CiProviderDefinition = {
  provider: 'aws-codebuild',
  files: [{ path: /(?:^|\/)buildspec[^/]*\.ya?ml$/, anywhere: true }],
  read: yamlReader(firstDocument(codeBuildPipeline)),
};
