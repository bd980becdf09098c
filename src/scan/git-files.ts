import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { DOCUMENT_BYTES, readBoundedTextIfExists, SAVED_DOCUMENT_BYTES } from '../util/read-bounded.js';

/*
 * What `git rev-parse` and `git config` would answer about the audited directory, read from the
 * repository's own files. Each git process costs a start-up, more than all the rest of a small
 * repository's git facts; reading HEAD, the refs and the config costs a few file reads. Only the
 * plain layout is read: a work tree with `.git` (a directory, or a file naming one, as worktrees and
 * submodules have), loose and packed refs, a config without includes. Anything else — a git
 * variable in the environment, reftable, a bare or moved work tree, an include, a link where git
 * keeps a file — is left to git itself (the caller asks it, as before).
 */

export interface GitPlace {
  /** The work tree's top directory, as git shows it. */
  toplevel: string;
  /** The commit checked out, or null on a branch with no commit yet. */
  head: string | null;
  branch: string | null;
  tags: number;
  /** Each remote's URL, by remote name. */
  remotes: Map<string, string>;
  /**
   * The repository's shared directory (objects, refs), when `git log` would show its commits as
   * they are stored; null when something rewrites them (a mailmap, grafts, replace refs, another
   * output encoding or hash), which is left to git.
   */
  history: string | null;
}

/** Variables that change where git looks or what config it reads: with any of them set, git is asked. */
const GIT_ENVIRONMENT = /^GIT_(DIR|WORK_TREE|COMMON_DIR|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM|CONFIG.*|NAMESPACE|REF_FORMAT)$/;
const OBJECT_NAME = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** A symbolic ref pointing at another, and so on: git stops at five as well. */
const MAX_SYMBOLIC_DEPTH = 5;

/** A file's text when it is a plain file (not a link, a pipe, a device), null when there is none; otherwise `unknown`. */
async function plainText(file: string, maxBytes = DOCUMENT_BYTES): Promise<string | null | typeof UNKNOWN> {
  const info = await lstat(file).catch(() => null);
  if (!info) return null;
  if (!info.isFile()) return UNKNOWN;
  return readBoundedTextIfExists(file, { what: 'git file', maxBytes }).catch(() => UNKNOWN);
}

const UNKNOWN = Symbol('ask git');

class AskGit extends Error {}

function known<T>(value: T | typeof UNKNOWN): T {
  if (value === UNKNOWN) throw new AskGit();
  return value;
}

/**
 * The place in its repository of the directory whose nearest `.git` is `found` (`nearestDotGit`),
 * from the repository's files; `none` when there is no `.git` above it, and null when git must be asked.
 */
export async function readGitPlace(found: DotGit | null, env: Record<string, string | undefined>): Promise<GitPlace | 'none' | null> {
  if (Object.keys(env).some((name) => GIT_ENVIRONMENT.test(name) && env[name] !== undefined)) return null;
  if (found === null) return 'none';
  try {
    const { toplevel, gitDir } = await gitDirOf(found);
    const commonDir = await commonDirOf(gitDir);
    const config = parseConfig(known(await plainText(join(commonDir, 'config'))) ?? '');
    if (config === null) return null;
    if (known(await plainText(join(gitDir, 'config.worktree'))) !== null) return null;
    const refs = new Refs(commonDir);
    const headText = known(await plainText(join(gitDir, 'HEAD')));
    if (headText === null) return null;
    const { head, branch } = await refs.head(headText.trim());
    const history = config.storedHistory && !historyRewritten(env) && (await storedHistory(toplevel, commonDir, refs)) ? commonDir : null;
    return { toplevel, head, branch, tags: await refs.tagCount(), remotes: config.remotes, history };
  } catch (error) {
    if (error instanceof AskGit) return null;
    throw error;
  }
}

/** A `.git` found above the audited directory: the work tree's top, the entry's path and what it is (not followed). */
export interface DotGit {
  /** The directory the search started from. */
  from: string;
  toplevel: string;
  path: string;
  info: Stats;
}

/** The nearest `.git` at or above `directory` (a real path), as git discovers it; null when there is none. */
export async function nearestDotGit(directory: string): Promise<DotGit | null> {
  for (let at = directory; ; at = dirname(at)) {
    const path = join(at, '.git');
    const info = await lstat(path).catch(() => null);
    if (info) return { from: directory, toplevel: at, path, info };
    if (dirname(at) === at) return null;
  }
}

/**
 * Where the work tree's index is, and how long the repository's object names are (20 bytes, or 32
 * in a SHA-256 repository): null for a layout that is not the plain one.
 */
export async function indexOf(found: DotGit): Promise<{ file: string; hashBytes: number } | null> {
  try {
    const { gitDir } = await gitDirOf(found);
    const commonDir = await commonDirOf(gitDir);
    const config = known(await plainText(join(commonDir, 'config'))) ?? '';
    return { file: join(gitDir, 'index'), hashBytes: /^\s*objectformat\s*=\s*"?sha256"?\s*$/im.test(config) ? 32 : 20 };
  } catch (error) {
    if (error instanceof AskGit) return null;
    throw error;
  }
}

/** Where a worktree's shared files (objects, refs, config) are: its git directory, or the one its `commondir` names. */
async function commonDirOf(gitDir: string): Promise<string> {
  const commonDirFile = known(await plainText(join(gitDir, 'commondir')));
  return commonDirFile === null ? gitDir : resolve(gitDir, commonDirFile.trim());
}

/** The git directory a `.git` stands for: itself, or the one a `.git` file names (worktrees, submodules). */
async function gitDirOf({ from, toplevel, path, info }: DotGit): Promise<{ toplevel: string; gitDir: string }> {
  // Inside a git directory git reads it as a bare repository: not the plain layout.
  if (from.split(/[\\/]/).includes('.git')) throw new AskGit();
  if (info.isDirectory()) return { toplevel, gitDir: path };
  if (!info.isFile()) throw new AskGit();
  const pointer = /^gitdir: (.+)$/.exec(known(await plainText(path))?.trim() ?? '');
  if (!pointer) throw new AskGit();
  const gitDir = resolve(toplevel, pointer[1]!);
  if (!(await lstat(gitDir).catch(() => null))?.isDirectory()) throw new AskGit();
  return { toplevel, gitDir };
}

interface Config {
  remotes: Map<string, string>;
  /** No setting changes what `git log` prints of a commit: no mailmap, no output encoding, SHA-1 names. */
  storedHistory: boolean;
}

/** Variables that make git read history from elsewhere or rewrite it. */
const HISTORY_ENVIRONMENT = /^GIT_(OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|GRAFT_FILE|SHALLOW_FILE|REPLACE_REF_BASE|NO_REPLACE_OBJECTS)$/;

function historyRewritten(env: Record<string, string | undefined>): boolean {
  return Object.keys(env).some((name) => HISTORY_ENVIRONMENT.test(name) && env[name] !== undefined);
}

/** No mailmap in the work tree, no grafts, no replace refs: the stored commits are what git shows. */
async function storedHistory(toplevel: string, commonDir: string, refs: Refs): Promise<boolean> {
  const present = async (path: string) => (await lstat(path).catch(() => null)) !== null;
  if ((await present(join(toplevel, '.mailmap'))) || (await present(join(commonDir, 'info', 'grafts'))) || (await present(join(commonDir, 'refs', 'replace')))) return false;
  return !(await refs.anyPacked('refs/replace/'));
}

/**
 * The remotes of a repository's config, or null for a config this reader does not follow: an
 * include, a bare or moved work tree, another ref storage, a line it cannot read.
 */
export function parseConfig(text: string): Config | null {
  const remotes = new Map<string, string>();
  let storedHistory = true;
  let section = '';
  let subsection: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const header = /^\[([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\]\s*(?:[#;].*)?$/.exec(line);
      if (!header) return null;
      section = header[1]!.toLowerCase();
      subsection = header[2] === undefined ? null : header[2].replace(/\\(.)/g, '$1');
      if (section === 'include' || section === 'includeif' || section.includes('.')) return null;
      continue;
    }
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry) return null;
    const key = entry[1]!.toLowerCase();
    const value = entry[2] === undefined ? 'true' : configValue(entry[2]);
    if (value === null) return null;
    if (section === 'core' && (key === 'worktree' || (key === 'bare' && value.toLowerCase() !== 'false'))) return null;
    if (section === 'extensions' && (key === 'refstorage' || key === 'worktreeconfig')) return null;
    if (section === 'remote' && subsection !== null && key === 'url') remotes.set(subsection, value);
    if (section === 'mailmap' || (section === 'i18n' && key === 'logoutputencoding') || (section === 'extensions' && key === 'objectformat' && value.toLowerCase() !== 'sha1')) storedHistory = false;
  }
  return { remotes, storedHistory };
}

/** A config value as git reads it: quotes removed, escapes applied, a comment cut off; null for a continued line. */
function configValue(written: string): string | null {
  let value = '';
  let quoted = false;
  for (let i = 0; i < written.length; i++) {
    const char = written[i]!;
    if (char === '\\') {
      const next = written[++i];
      if (next === undefined) return null;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'b' ? '\b' : next;
    } else if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '#' || char === ';')) break;
    else value += char;
  }
  return quoted ? null : value.trim();
}

/** The refs of a repository: loose files first, then packed-refs, as git looks them up. */
class Refs {
  private packed: Map<string, string> | undefined;

  constructor(private readonly commonDir: string) {}

  async head(text: string): Promise<{ head: string | null; branch: string | null }> {
    if (OBJECT_NAME.test(text)) return { head: text, branch: null };
    const symbolic = /^ref: (refs\/heads\/\S+)$/.exec(text);
    if (!symbolic) throw new AskGit();
    const head = await this.resolve(symbolic[1]!, 0);
    return { head, branch: head === null ? null : symbolic[1]!.slice('refs/heads/'.length) };
  }

  /** The object a ref names, or null when it names none yet (a branch with no commit). */
  private async resolve(name: string, depth: number): Promise<string | null> {
    if (depth > MAX_SYMBOLIC_DEPTH || name.split('/').some((part) => part === '..' || part === '') || isAbsolute(name)) throw new AskGit();
    // Refs other than a worktree's own (HEAD, refs/bisect…) live in the common directory.
    const loose = known(await plainText(join(this.commonDir, name)));
    if (loose !== null) {
      const text = loose.trim();
      if (OBJECT_NAME.test(text)) return text;
      const next = /^ref: (refs\/\S+)$/.exec(text);
      if (!next) throw new AskGit();
      return this.resolve(next[1]!, depth + 1);
    }
    return (await this.packedRefs()).get(name) ?? null;
  }

  private async packedRefs(): Promise<Map<string, string>> {
    if (!this.packed) {
      this.packed = new Map();
      const text = known(await plainText(join(this.commonDir, 'packed-refs'), SAVED_DOCUMENT_BYTES)) ?? '';
      for (const line of text.split('\n')) {
        // `# pack-refs with: …` heads the file; `^…` lines peel the tag above them.
        if (line === '' || line.startsWith('#') || line.startsWith('^')) continue;
        const entry = /^([0-9a-f]{40}|[0-9a-f]{64}) (refs\/\S+)$/.exec(line);
        if (!entry) throw new AskGit();
        this.packed.set(entry[2]!, entry[1]!);
      }
    }
    return this.packed;
  }

  async anyPacked(prefix: string): Promise<boolean> {
    return [...(await this.packedRefs()).keys()].some((name) => name.startsWith(prefix));
  }

  /** Tags, loose or packed, each once (a tag can be both). */
  async tagCount(): Promise<number> {
    const names = new Set([...(await this.packedRefs()).keys()].filter((name) => name.startsWith('refs/tags/')));
    const visit = async (directory: string, prefix: string): Promise<void> => {
      const entries = await readdir(directory, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw new AskGit();
      });
      for (const entry of entries) {
        if (entry.isDirectory()) await visit(join(directory, entry.name), `${prefix}${entry.name}/`);
        // A `.lock` file is a ref being written, which git does not list.
        else if (entry.isFile()) {
          if (!entry.name.endsWith('.lock')) names.add(`${prefix}${entry.name}`);
        }
        else throw new AskGit();
      }
    };
    await visit(join(this.commonDir, 'refs', 'tags'), 'refs/tags/');
    return names.size;
  }
}
