import { posix } from 'node:path';
import { isMap } from 'yaml';
import { emptyDraft, type Draft } from '../draft.js';
import type { RepoFiles } from '../follow/repo-files.js';
import type { CiProviderDefinition } from '../provider.js';
import { child, commandWords, entries, firstDocument, isFalse, items, lineOf, text, texts, yamlDocuments, yamlReader, type Yaml } from '../yaml.js';

/*
 * Wikimedia's PipelineLib: `.pipeline/config.yaml` names pipelines whose stages build a variant of
 * a Blubber file (`.pipeline/<blubberfile>`), run it (`run: true` runs the variant's entrypoint in
 * the image) and publish the image. Jenkins and Zuul start them on Gerrit changes and merges, set
 * up outside the repository. A stage's `deploy:` installs the image in the CI cluster to test it
 * and `promote:` proposes it to another repository's charts: neither deploys this service here.
 */

interface Variant {
  /** The entrypoint with the repository file each copied program comes from: `./entrypoint.sh` copied from `ci_entrypoint.sh`. */
  entrypoint: Array<{ text: string; line: number }>;
}

/** A variant's entrypoint, its own or from a variant it `includes`, with the local files it copies in as the programs it names. */
function variantOf(y: Yaml, variants: unknown, name: string, seen = new Set<string>()): Variant | undefined {
  const variant = child(y, variants, name);
  if (variant === undefined || seen.has(name)) return undefined;
  seen.add(name);
  const own = commandWords(y, items(y, child(y, variant, 'entrypoint')));
  const entrypoint = own.length > 0 ? own : (texts(y, child(y, variant, 'includes')).map((base) => variantOf(y, variants, base, seen)).find((found) => found)?.entrypoint ?? []);
  const copied = new Map<string, string>();
  for (const copy of items(y, child(y, variant, 'copies'))) {
    const source = text(y, child(y, copy, 'source'));
    const destination = text(y, child(y, copy, 'destination'));
    // Run by path from the image's working directory, as the copy is: `./ci_entrypoint.sh`.
    if (text(y, child(y, copy, 'from')) === 'local' && source && destination) copied.set(posix.normalize(destination), source.includes('/') ? source : `./${source}`);
  }
  return { entrypoint: entrypoint.map((word) => ({ ...word, text: copied.get(posix.normalize(word.text)) ?? word.text })) };
}

/** The Blubber file's variants, read from the repository (`.pipeline/blubber.yaml` unless the pipeline names another). */
function blubberVariants(repo: RepoFiles, file: string): { y: Yaml; variants: unknown } | undefined {
  const content = repo.read(posix.join('.pipeline', file));
  const docs = content ? yamlDocuments(content.text) : undefined;
  if (!Array.isArray(docs)) return undefined;
  return { y: docs[0]!, variants: child(docs[0]!, docs[0]!.doc.contents, 'variants') };
}

/** The image an earlier stage built: `${stage.imageID}`. */
const BUILT_IMAGE = /^\$\{([\w-]+)\.imageID\}$/;

function pipelineLibPipeline(y: Yaml, _path: string, repo: RepoFiles): Draft {
  const draft = emptyDraft();
  for (const { value: pipeline } of entries(y, child(y, y.doc.contents, 'pipelines'))) {
    const blubber = blubberVariants(repo, text(y, child(y, pipeline, 'blubberfile')) ?? 'blubber.yaml');
    // The variant each stage built, for a later stage that runs its image (`run: { image: '${codehealth_built.imageID}' }`).
    const builtBy = new Map<string, string>();
    for (const stage of items(y, child(y, pipeline, 'stages'))) {
      draft.jobs++;
      // A stage given only its name builds the variant of that name and runs it.
      const shorthand = entries(y, stage).every((entry) => entry.key === 'name');
      const build = child(y, stage, 'build');
      const run = child(y, stage, 'run');
      const earlier = BUILT_IMAGE.exec(text(y, child(y, run, 'image')) ?? '')?.[1];
      const variant = shorthand ? text(y, child(y, stage, 'name')) : (text(y, build) ?? text(y, child(y, build, 'variant')) ?? (earlier ? builtBy.get(earlier) : undefined));
      const name = text(y, child(y, stage, 'name'));
      if (name && variant) builtBy.set(name, variant);
      const runs = shorthand || isMap(run) || (run !== undefined && !isFalse(y, run));
      if (variant && runs && blubber) {
        const entrypoint = variantOf(blubber.y, blubber.variants, variant)?.entrypoint ?? [];
        const words = [...entrypoint.map((word) => ({ ...word, line: lineOf(y, run ?? stage) })), ...commandWords(y, items(y, child(y, run, 'arguments')))];
        if (words.length > 0) draft.commands.push({ cwd: '', words });
      }
      const image = child(y, child(y, stage, 'publish'), 'image');
      if (image !== undefined) draft.steps.push({ kind: 'docker-push', command: `publish image ${text(y, child(y, image, 'name')) ?? variant ?? ''}`.trim(), line: lineOf(y, image) });
    }
  }
  draft.triggers = ['external'];
  draft.disabled = draft.jobs === 0;
  return draft;
}

export const pipelineLib: CiProviderDefinition = {
  provider: 'pipelinelib',
  // SAP's Project Piper keeps its step settings at the same path (`general:`, `steps:`), with no `pipelines:`.
  files: [{ path: /^\.pipeline\/config\.ya?ml$/, sniff: [/^pipelines:/m] }],
  read: yamlReader(firstDocument(pipelineLibPipeline)),
};
