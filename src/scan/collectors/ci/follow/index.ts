import type { Follower } from './follower.js';
import { invoke } from './invoke.js';
import { jobSpecs } from './job-specs.js';
import { just } from './just.js';
import { make } from './make.js';
import { mise } from './mise.js';
import { nox } from './nox.js';
import { packageScripts } from './package-scripts.js';
import { pythonProjectScripts } from './python-project.js';
import { shellScripts } from './shell-scripts.js';
import { taskfile } from './taskfile.js';
import { tox } from './tox.js';

/**
 * The runners whose definitions a CI command is followed into, tried in this order: the first
 * that recognises the command decides. The project's own commands (`[project.scripts]`) come
 * last, since any plain command may be one.
 */
export const FOLLOWERS: readonly Follower[] = [shellScripts, make, just, mise, taskfile, tox, nox, invoke, jobSpecs, packageScripts, pythonProjectScripts];
