import type { Follower } from './follower.js';
import { make } from './make.js';
import { shellScripts } from './shell-scripts.js';

/**
 * The runners whose definitions a CI command is followed into, tried in this order: the first
 * that recognises the command decides.
 */
export const FOLLOWERS: readonly Follower[] = [shellScripts, make];
