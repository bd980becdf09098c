import type { FileContent } from '../../../collector.js';
import { unquote, type ScriptLine } from '../shell.js';
import { programName } from '../wrappers.js';
import { child, scriptsOf, yamlDocuments } from '../yaml.js';
import { scriptTarget, type Follower } from './follower.js';
import { repoPath, type RepoFiles } from './repo-files.js';

/*
 * A job submitted to a compute platform from a spec file runs the spec's command there:
 * `anyscale job submit deploy/jobs/workloads.yaml` runs its `entrypoint`, `az ml job create -f
 * job.yml` its `command`. What CI runs is that command, so it is followed like a script.
 */

interface Platform {
  /** The words that submit a spec, after the program: `job submit`, `ml job create`. */
  submits: (words: readonly string[]) => boolean;
  /** Options that name the spec file; otherwise the first argument ending in .yaml or .yml does. */
  fileOptions: ReadonlySet<string>;
  /** The spec's key holding the command. */
  key: string;
}

const PLATFORMS: Readonly<Record<string, Platform>> = {
  anyscale: { submits: ([noun, verb]) => (noun === 'job' || noun === 'jobs') && verb === 'submit', fileOptions: new Set(['-f', '--config-file']), key: 'entrypoint' },
  az: { submits: ([group, noun, verb]) => group === 'ml' && noun === 'job' && verb === 'create', fileOptions: new Set(['-f', '--file']), key: 'command' },
};

function specPath(words: readonly string[], fileOptions: ReadonlySet<string>): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if (fileOptions.has(words[i]!)) return words[i + 1];
    const equals = words[i]!.indexOf('=');
    if (equals > 0 && fileOptions.has(words[i]!.slice(0, equals))) return words[i]!.slice(equals + 1);
  }
  return words.find((word) => /\.ya?ml$/.test(word));
}

/** The spec's command, as lines with their places in the spec file. */
function commandOf(key: string): (file: FileContent) => ScriptLine[][] {
  return (file) => {
    const docs = yamlDocuments(file.text);
    if (!Array.isArray(docs) || docs.length === 0) return [];
    const y = docs[0]!;
    return scriptsOf(y, child(y, y.doc.contents, key));
  };
}

export const jobSpecs: Follower = {
  follow(words, cwd, repo: RepoFiles) {
    const program = programName(unquote(words[0]?.text ?? ''));
    const platform = Object.hasOwn(PLATFORMS, program) ? PLATFORMS[program]! : null;
    const rest = words.slice(1).map((word) => unquote(word.text));
    if (!platform || !platform.submits(rest)) return null;
    const written = specPath(rest, platform.fileOptions);
    const path = written === undefined ? null : repoPath(cwd, written);
    const commands = path && repo.has(path) ? repo.parse(path, `job-spec:${platform.key}`, commandOf(platform.key)) : null;
    if (!path || !commands || commands.length === 0) return null;
    // The platform runs the command from the working directory it uploads: the one the job was submitted from.
    return [scriptTarget(`job:${path}@${cwd}`, path, commands.map((lines) => ({ cwd, lines })))];
  },
};
