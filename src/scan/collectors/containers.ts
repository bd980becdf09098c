import { compareStrings } from '../../util/compare.js';
import { baseName, byFileName, directoryOf } from '../../util/repo-path.js';
import { defineCollector, type Collector, type ScanIndex } from '../collector.js';
import { mapEntries, mapEntry, parseYamlDocuments } from '../yaml-documents.js';

export interface BaseImage {
  image: string;
  line: number;
  /** True for a specific tag other than `latest`, or a digest. */
  pinned: boolean;
  digest: boolean;
}

/**
 * What an image is for. Only a `workload` image is the project's container (serving, training,
 * batch); a dev container is an editor's environment and a CI image is a build agent or a CI action.
 */
export type DockerfileRole = 'workload' | 'dev-container' | 'ci-image';

export interface DockerfileFacts {
  path: string;
  role: DockerfileRole;
  /** Why the image is not a workload image; null for workload images. */
  roleReason: string | null;
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

/** `Dockerfile.gpu`, `Dockerfile_amd`, `dockerfile.base`, `serving.Dockerfile`, `BaseDockerfile`, `Containerfile`… */
const DOCKERFILE_NAME = /^[\w.-]*?(?:docker|container)file(?:[._-][\w.-]+)?$/i;
/** BuildKit reads `<Dockerfile>.dockerignore` next to a Dockerfile: an ignore file, not a Dockerfile. */
const IGNORE_FILE_NAME = /\.dockerignore$/;
/** Files named after Dockerfiles that are not one: ignore files, docs, linter settings, scripts. */
const NOT_DOCKERFILE_NAME = /\.(dockerignore|md|rst|txt|ya?ml|json|toml|ini|cfg|sh|py|js|ts|lock|log)$/i;
/** A dev container's definition names the Dockerfile it builds (`"dockerFile"`, or `"dockerfile"` under `"build"`). */
const DEVCONTAINER_NAME = /(^|\/)\.?devcontainer\.json$/;
const DEVCONTAINER_DOCKERFILE = /"docker[Ff]ile"\s*:\s*"([^"]{1,500})"/g;
/** Folders of CI configuration: a Dockerfile there builds a CI agent or a CI action. */
const CI_DIRECTORIES: ReadonlySet<string> = new Set(['.github', '.gitlab', '.circleci', '.buildkite', '.azure-pipelines', '.ci', 'ci', '.taskcluster', '.woodpecker']);
/** A dependency file named for CI (`ci_dependencies.yml`, `requirements-ci.txt`): what a build agent installs. */
const CI_DEPENDENCY_FILE = /(^|[._-])ci([._-]|$)/i;
const COMPOSE_NAME = /^(docker-)?compose(\..+)?\.ya?ml$/;
/** The files this collector reads, all known by their names. */
const CONTAINER_FILE = byFileName((name) => isDockerfile(name) || COMPOSE_NAME.test(name) || DEVCONTAINER_NAME.test(name));

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

type Variables = Map<string, string | undefined>;

interface Stage {
  /** The `AS` name, lower-cased as Docker compares them. */
  name: string | null;
  /** Index of the earlier stage this one is built FROM, whose image settings it inherits. */
  parent: number | null;
  variables: Variables;
  user: { value: string; line: number; root: boolean } | null;
  healthcheck: { line: number; disabled: boolean } | null;
  exposes: number[];
}

export const containersCollector = defineCollector({ key: 'containers', create: collectContainers, whenUnread: 'its container definition is not read' });

function collectContainers(): Collector<ContainerFacts> {
  const dockerfiles: Array<DockerfileFacts & { contents: ImageContents }> = [];
  const compose: ContainerFacts['compose'] = [];
  /** Dockerfiles named by dev container definitions, with the definition naming each. */
  const devContainerFiles = new Map<string, string>();
  return {
    wants: CONTAINER_FILE,
    visit(file, warn) {
      if (DEVCONTAINER_NAME.test(file.path)) {
        for (const [, named] of file.text.matchAll(DEVCONTAINER_DOCKERFILE)) devContainerFiles.set(joinPath(directoryOf(file.path), named!), file.path);
        return;
      }
      if (COMPOSE_NAME.test(baseName(file.path))) {
        const { services, error } = composeServices(file.text);
        if (error) warn({ path: file.path, line: error.line, message: `compose file does not parse: ${error.message}` });
        compose.push({ path: file.path, services });
        return;
      }
      const dockerfile = analyseDockerfile(file.path, file.lines());
      if (dockerfile) dockerfiles.push(dockerfile);
      else warn({ path: file.path, message: 'Dockerfile has no FROM instruction' });
    },
    finish: (index) => ({
      dockerfiles: dockerfiles
        .map(({ contents, ...dockerfile }) => ({ ...dockerfile, ...roleOf(dockerfile, contents, devContainerFiles) }))
        .sort((a, b) => compareStrings(a.path, b.path)),
      compose: [...compose].sort((a, b) => compareStrings(a.path, b.path)),
      dockerignore: findDockerignore(index),
    }),
  };
}

/** `a/b` joined with `../c/Dockerfile`: `a/c/Dockerfile`, as a repository path. */
function joinPath(directory: string, relative: string): string {
  const parts = directory === '' ? [] : directory.split('/');
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** What an image is made of, as far as its role is concerned. */
interface ImageContents {
  /** Sources copied from the build context (not from another stage or image). */
  copied: string[];
  /** The image says what it runs (CMD or ENTRYPOINT). */
  runs: boolean;
}

/**
 * A cloud development environment's workspace image: Gitpod builds `.gitpod.Dockerfile`, always
 * on one of its `gitpod/workspace-*` images.
 */
const WORKSPACE_DOCKERFILE = /^\.gitpod\./;
const WORKSPACE_BASE_IMAGE = /^gitpod\/workspace-/;

function roleOf(
  { path, baseImages }: { path: string; baseImages: readonly BaseImage[] },
  contents: ImageContents,
  devContainerFiles: ReadonlyMap<string, string>,
): { role: DockerfileRole; roleReason: string | null } {
  const directories = path.split('/').slice(0, -1);
  if (directories.includes('.devcontainer')) return { role: 'dev-container', roleReason: 'a dev-container image (in .devcontainer/)' };
  const definition = devContainerFiles.get(path);
  if (definition) return { role: 'dev-container', roleReason: `the dev-container image of ${definition}` };
  if (WORKSPACE_DOCKERFILE.test(baseName(path)) || baseImages.some(({ image }) => WORKSPACE_BASE_IMAGE.test(image))) {
    return { role: 'dev-container', roleReason: 'a Gitpod workspace image' };
  }
  const ciDirectory = directories.find((directory) => CI_DIRECTORIES.has(directory.toLowerCase()));
  if (ciDirectory) return { role: 'ci-image', roleReason: `a CI image (in ${ciDirectory}/)` };
  if (!contents.runs && contents.copied.length > 0 && contents.copied.every((source) => CI_DEPENDENCY_FILE.test(baseName(source).replace(/\.[^.]*$/, '')))) {
    return { role: 'ci-image', roleReason: `a CI build-agent image (it installs ${contents.copied.map(baseName).join(', ')} and runs nothing)` };
  }
  return { role: 'workload', roleReason: null };
}

function isDockerfile(path: string): boolean {
  const name = baseName(path);
  return DOCKERFILE_NAME.test(name) && !NOT_DOCKERFILE_NAME.test(name);
}

/** The root `.dockerignore`, else the first one found deeper (build contexts are often subdirectories). */
function findDockerignore(index: ScanIndex): string | null {
  const paths = index.files.map((file) => file.path).filter((path) => IGNORE_FILE_NAME.test(baseName(path)));
  return paths.includes('.dockerignore') ? '.dockerignore' : ([...paths].sort(compareStrings)[0] ?? null);
}

// Dockerfile instructions

const PARSER_DIRECTIVE = /^#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/;
const COMMENT_OR_BLANK = /^\s*(#.*)?$/;
const INSTRUCTION = /^\s*([A-Za-z]+)\b\s*(.*)$/;
const HEREDOC = /(?:^|\s)<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const HEREDOC_INSTRUCTIONS = new Set(['RUN', 'COPY', 'ADD']);

/** Windows images use `` ` `` as the line continuation, declared by an `# escape=` directive. */
function escapeCharacter(lines: readonly string[]): string {
  for (const line of lines) {
    const directive = PARSER_DIRECTIVE.exec(line);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape') return directive[2]!;
  }
  return '\\';
}

/**
 * Logical instructions with the line each starts on; comments, continuations and heredoc bodies are
 * folded away. Continued lines are gathered and joined once, so an instruction continued over a
 * hundred thousand lines costs the same per line as a short one.
 */
function parseInstructions(lines: readonly string[]): Instruction[] {
  const escape = escapeCharacter(lines);
  const instructions: Instruction[] = [];
  let next = 0;
  while (next < lines.length) {
    const start = next;
    let line = lines[next++]!;
    if (COMMENT_OR_BLANK.test(line)) continue;
    const parts: string[] = [];
    for (;;) {
      const trimmed = line.trimEnd();
      if (!trimmed.endsWith(escape)) {
        parts.push(line);
        break;
      }
      parts.push(trimmed.slice(0, -escape.length));
      // Docker drops comment and empty lines inside a continued instruction.
      while (next < lines.length && COMMENT_OR_BLANK.test(lines[next]!)) next++;
      if (next >= lines.length) break;
      line = lines[next++]!;
    }
    const match = INSTRUCTION.exec(parts.join(''));
    if (!match) continue;
    const instruction = { keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: start + 1 };
    instructions.push(instruction);
    if (HEREDOC_INSTRUCTIONS.has(instruction.keyword)) next = skipHeredocs(lines, next, instruction.args);
  }
  return instructions;
}

/** Skips the bodies of the heredocs an instruction opens, so their lines are not read as instructions. */
function skipHeredocs(lines: readonly string[], from: number, args: string): number {
  let next = from;
  for (const [, , , delimiter] of args.matchAll(HEREDOC)) {
    while (next < lines.length && lines[next]!.trim() !== delimiter) next++;
    next++;
  }
  return Math.min(next, lines.length);
}

// Variables: `ARG` defaults and `ENV` values, expanded the way the Dockerfile frontend does.

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g;
const LEGACY_ENV = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$/;

/** The text with variables expanded, or null when one has no known value (a build argument). */
function expand(text: string, variables: Variables): string | null {
  let resolved = true;
  const result = text.replace(VARIABLE, (_match, braced?: string, operator?: string, word?: string, bare?: string) => {
    const value = variables.get((braced ?? bare)!);
    if (operator?.endsWith('-')) return value ? value : (word ?? '');
    if (operator?.endsWith('+')) return value ? (word ?? '') : '';
    if (value === undefined) resolved = false;
    return value ?? '';
  });
  return resolved ? result : null;
}

function unquote(value: string): string {
  return /^(".*"|'.*')$/.test(value) ? value.slice(1, -1) : value;
}

/** `ARG A=1 B` / `ENV A=1 B=2`: a name without `=` takes `fallback` (an ARG re-imported into a stage). */
function declare(variables: Variables, args: string, fallback: Variables = new Map()): void {
  for (const [, name, raw] of args.matchAll(ASSIGNMENT)) {
    const value = raw === undefined ? fallback.get(name!) : expand(unquote(raw), variables);
    variables.set(name!, value ?? undefined);
  }
}

/** `ENV KEY value with spaces` is the legacy form; anything with `=` is a list of assignments. */
function declareEnv(variables: Variables, args: string): void {
  const legacy = LEGACY_ENV.exec(args);
  if (legacy) {
    variables.set(legacy[1]!, expand(unquote(legacy[2]!.trim()), variables) ?? undefined);
  } else {
    declare(variables, args);
  }
}

// Stages

/** Accounts that are root inside a container (`ContainerAdministrator` on Windows images). */
const ROOT_ACCOUNTS = new Set(['root', '0', 'containeradministrator']);
const PORT = /^(\d+)(?:-\d+)?(?:\/[A-Za-z]+)?$/;

const STAGE_INSTRUCTIONS: Record<string, (stage: Stage, instruction: Instruction, globals: Variables) => void> = {
  ARG: (stage, { args }, globals) => declare(stage.variables, args, globals),
  ENV: (stage, { args }) => declareEnv(stage.variables, args),
  USER: (stage, { args, line }) => {
    const value = args.split(/\s+/)[0] ?? '';
    // A user given by an unknown build argument is assumed to be the non-root account it names.
    const account = (expand(value, stage.variables) ?? '').split(':')[0]!.toLowerCase();
    stage.user = { value, line, root: ROOT_ACCOUNTS.has(account) };
  },
  HEALTHCHECK: (stage, { args, line }) => {
    stage.healthcheck = { line, disabled: /^none\b/i.test(args) };
  },
  EXPOSE: (stage, { args }) => {
    for (const token of args.split(/\s+/)) {
      const port = PORT.exec(expand(token, stage.variables) ?? '');
      const number = port ? Number(port[1]) : 0;
      if (number > 0 && number <= 65535) stage.exposes.push(number);
    }
  },
};

function parseFrom(args: string): { image: string; name: string | null } | null {
  const tokens = args.split(/\s+/).filter((token) => token !== '' && !token.startsWith('--'));
  if (!tokens[0]) return null;
  return { image: tokens[0], name: tokens[1]?.toLowerCase() === 'as' ? (tokens[2]?.toLowerCase() ?? null) : null };
}

function imageTag(reference: string): string | null {
  const lastComponent = reference.slice(reference.lastIndexOf('/') + 1).split('@')[0]!;
  const colon = lastComponent.indexOf(':');
  return colon < 0 ? null : lastComponent.slice(colon + 1) || null;
}

/** `resolved` is null when the reference uses a build argument without a default: its tag is unknown. */
function baseImage(written: string, resolved: string | null, line: number): BaseImage {
  const image = resolved ?? written;
  const digest = image.includes('@sha256:');
  const tag = resolved === null ? null : imageTag(resolved);
  const pinned = digest || resolved?.toLowerCase() === 'scratch' || (tag !== null && tag !== 'latest');
  return { image, line, pinned, digest };
}

function newStage(name: string | null, stages: readonly Stage[], parent: number | null): Stage {
  // Only ENV really carries over from a parent stage, but both serve to expand USER and EXPOSE.
  const variables: Variables = new Map(parent === null ? [] : stages[parent]!.variables);
  return { name, parent, variables, user: null, healthcheck: null, exposes: [] };
}

/** The final stage and the stages it is built from, nearest first: image settings are inherited. */
function lineage(stages: readonly Stage[]): Stage[] {
  const chain: Stage[] = [];
  let stage = stages[stages.length - 1];
  while (stage) {
    chain.push(stage);
    stage = stage.parent === null ? undefined : stages[stage.parent];
  }
  return chain;
}

/** `COPY --chown=app requirements.txt src/ /app/` and `COPY ["a", "b", "/dest"]`: the sources, unless copied from a stage or image. */
function copiedSources(args: string): string[] {
  const json = /^\[(.*)\]$/.exec(args.trim());
  const tokens = json ? [...json[1]!.matchAll(/"([^"]*)"/g)].map((match) => match[1]!) : args.split(/\s+/).filter(Boolean);
  if (tokens.some((token) => token.startsWith('--from'))) return [];
  return tokens.filter((token) => !token.startsWith('--')).slice(0, -1);
}

function analyseDockerfile(path: string, lines: readonly string[]): (DockerfileFacts & { contents: ImageContents }) | null {
  const globals: Variables = new Map();
  const stages: Stage[] = [];
  const baseImages: BaseImage[] = [];
  const contents: ImageContents = { copied: [], runs: false };
  for (const instruction of parseInstructions(lines)) {
    const current = stages[stages.length - 1];
    if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') contents.copied.push(...copiedSources(instruction.args));
    if (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT') contents.runs = true;
    if (instruction.keyword === 'FROM') {
      const from = parseFrom(instruction.args);
      if (!from) continue;
      const resolved = expand(from.image, globals);
      const reference = (resolved ?? from.image).toLowerCase();
      const parentIndex = stages.findIndex((stage) => stage.name === reference);
      if (parentIndex < 0) baseImages.push(baseImage(from.image, resolved, instruction.line));
      stages.push(newStage(from.name, stages, parentIndex < 0 ? null : parentIndex));
    } else if (current) {
      STAGE_INSTRUCTIONS[instruction.keyword]?.(current, instruction, globals);
    } else if (instruction.keyword === 'ARG') {
      declare(globals, instruction.args);
    }
  }
  if (stages.length === 0) return null;
  const chain = lineage(stages);
  const user = chain.find((stage) => stage.user)?.user ?? null;
  const healthcheck = chain.find((stage) => stage.healthcheck)?.healthcheck ?? null;
  return {
    path,
    role: 'workload',
    roleReason: null,
    contents,
    stages: stages.length,
    baseImages,
    user: user && { value: user.value, line: user.line },
    runsAsRoot: !user || user.root,
    healthcheck: healthcheck && !healthcheck.disabled ? healthcheck.line : null,
    exposes: [...new Set(chain.flatMap((stage) => stage.exposes))].sort((a, b) => a - b),
  };
}

// Compose

/** Compose files before the `services:` key (format v1) list services at the top level. */
function isLegacyService(value: unknown): boolean {
  return mapEntries(value).some(({ key }) => key === 'image' || key === 'build');
}

function composeServices(text: string): { services: string[]; error: { line: number; message: string } | null } {
  const { documents, error } = parseYamlDocuments(text);
  if (error) return { services: [], error };
  const root = documents[0]?.contents;
  const services = mapEntry(root, 'services');
  const entries = services ? mapEntries(services.value) : mapEntries(root).filter(({ value }) => isLegacyService(value));
  return { services: [...new Set(entries.map(({ key }) => key))].sort(compareStrings), error: null };
}
