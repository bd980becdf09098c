import { addReference, addScripts, emptyDraft, type Draft } from '../draft.js';
import { repoPath } from '../follow/repo-files.js';
import type { CiProviderDefinition } from '../provider.js';
import { SHELL, SHELL_COMMAND_FLAG } from '../wrappers.js';
import { child, commandWords, firstDocument, items, lineOf, scriptsOf, text, yamlReader, type Yaml } from '../yaml.js';

/** Cloud Build's shape: top-level `steps:` whose items name a builder image and give it `args`, an `entrypoint` or `waitFor`. */
const CLOUD_BUILD_TEXT = [/^steps:/m, /^[ \t]*-[ \t]*name:[ \t]*\S/m, /^[ \t]+(?:args|entrypoint|waitFor):/m];

/** The command a builder image runs by default: `gcr.io/cloud-builders/docker` → `docker`, `python:3.11` → `python`. */
function builderCommand(image: string): string {
  return (image.split('/').pop() ?? '').split(/[:@]/)[0] ?? '';
}

/** A builder image runs the step's command: the image is where it runs, the command what it does. */
function cloudBuildStep(y: Yaml, step: unknown, draft: Draft): void {
  const name = child(y, step, 'name');
  const image = text(y, name) ?? '';
  addReference(draft, image, lineOf(y, name), undefined, { passive: true });
  // `dir:` is relative to /workspace, the checkout.
  const place = { cwd: repoPath('', text(y, child(y, step, 'dir')) ?? '') ?? '' };
  const script = child(y, step, 'script');
  if (script !== undefined) {
    addScripts(draft, scriptsOf(y, script), place);
    return;
  }
  const entrypoint = text(y, child(y, step, 'entrypoint')) ?? builderCommand(image);
  const args = items(y, child(y, step, 'args'));
  const flag = SHELL.test(entrypoint) ? args.findIndex((arg) => SHELL_COMMAND_FLAG.test(text(y, arg) ?? '')) : -1;
  if (flag >= 0) {
    addScripts(draft, scriptsOf(y, args[flag + 1]), place);
    return;
  }
  const program = entrypoint === '' ? [] : [{ text: entrypoint, line: lineOf(y, name) }];
  draft.commands.push({ ...place, words: [...program, ...commandWords(y, args)] });
}

function cloudBuildPipeline(y: Yaml): Draft {
  const draft = emptyDraft();
  const root = y.doc.contents;
  const steps = items(y, child(y, root, 'steps'));
  for (const step of steps) cloudBuildStep(y, step, draft);
  // Images listed under `images:` are pushed once the steps succeed.
  for (const image of items(y, child(y, root, 'images'))) {
    const name = text(y, image);
    if (name) draft.steps.push({ kind: 'docker-push', command: name, line: lineOf(y, image) });
  }
  // Cloud Build triggers are set up in the Google Cloud project (or its Terraform), not in the build config.
  draft.triggers = ['external'];
  draft.jobs = steps.length;
  draft.disabled = steps.length === 0;
  return draft;
}

/** Google Cloud Build: build configs, by name or by their shape, with builder images and their arguments. */
export const cloudBuild: CiProviderDefinition = {
  provider: 'cloud-build',
  files: [
    { path: /(?:^|\/)cloudbuild[^/]*\.(?:ya?ml|json)$/, anywhere: true },
    // A config run with `gcloud builds submit --config build/deploy.yaml` can be named anything.
    { path: /\.ya?ml$/, anywhere: true, sniff: CLOUD_BUILD_TEXT, byContent: true },
  ],
  read: yamlReader(firstDocument(cloudBuildPipeline)),
};
