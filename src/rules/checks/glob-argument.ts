import { globProblem } from '../../util/glob.js';
import type { Place } from '../expr.js';
import type { ReferenceScope } from './kind.js';

/**
 * Refuses a pack whose argument holds a glob that cannot be compiled (a range such as `[z-a]`):
 * a pack is data, and its author's mistake is named at its line, never an internal error mid-audit.
 */
export function checkGlobs(globs: string | readonly string[] | undefined, at: Place, scope: ReferenceScope): void {
  if (globs === undefined) return;
  const many = typeof globs !== 'string';
  (many ? globs : [globs]).forEach((glob, i) => {
    const problem = globProblem(glob);
    if (problem) scope.refuse(`"${glob}" is not a valid glob: ${problem}`, many ? [...at, i] : at);
  });
}
