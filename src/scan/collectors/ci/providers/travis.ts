import { isMap, isSeq } from 'yaml';
import { addReference, addScripts, emptyDraft, type Draft } from '../draft.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, firstDocument, items, lineOf, resolved, scriptsOf, text, yamlReader, type Yaml } from '../yaml.js';

const TRAVIS_PHASES = ['before_install', 'install', 'before_script', 'script', 'after_success', 'after_failure', 'after_script', 'before_deploy', 'after_deploy'];

function travisDeploy(y: Yaml, deploy: unknown, draft: Draft): void {
  const provider = child(y, deploy, 'provider');
  const name = text(y, provider);
  if (name === 'script') addScripts(draft, scriptsOf(y, child(y, deploy, 'script')));
  else if (name) addReference(draft, `provider: ${name}`, lineOf(y, provider));
}

function travisPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  const included = items(y, child(y, child(y, root, 'jobs') ?? child(y, root, 'matrix'), 'include'));
  for (const job of [root, ...included]) {
    for (const phase of TRAVIS_PHASES) addScripts(draft, scriptsOf(y, child(y, job, phase)));
    const deploy = child(y, job, 'deploy');
    for (const target of isSeq(resolved(y, deploy)) ? items(y, deploy) : [deploy]) travisDeploy(y, target, draft);
  }
  draft.triggers = ['push', 'pull_request'];
  draft.jobs = Math.max(1, included.length);
  draft.disabled = !isMap(resolved(y, root));
  return draft;
}

/** Travis CI: `.travis.yml`, its phases, job matrix and deploy providers. */
export const travis: CiProviderDefinition = {
  provider: 'travis',
  files: [{ path: /^\.travis\.ya?ml$/ }],
  read: yamlReader(firstDocument(travisPipeline)),
};
