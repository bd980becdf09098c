import { execFile } from 'node:child_process';
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN } from './cli.js';
import { tempDir } from './temp.js';

/** A GitHub Actions step, as a workflow or a composite action writes it. */
export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  if?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

/** Runs a shell script with bash as a CI runner does (errexit, pipefail), in a scratch workspace; resolves to its exit code. */
export function runScript(script: string, env: Record<string, string>, cwd: string): Promise<number> {
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } }, (error) =>
      resolve(error ? Number(error.code ?? 1) : 0),
    );
  });
}

/** The lines a step appended to $GITHUB_OUTPUT, as name → value. */
export async function outputsOf(file: string): Promise<Record<string, string>> {
  const text = (await readFile(file, 'utf8')).trim();
  return Object.fromEntries(text ? text.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]) : []);
}

/**
 * A directory holding an `npx` that runs this checkout's CLI in place of the pinned package, so a
 * pipeline's scale-audit commands run for real without the registry. It refuses any other package
 * or version: a command that is not pinned to `scale-audit@<version>` fails.
 */
export async function fakeNpx(version: string): Promise<string> {
  const dir = await tempDir({
    npx: `#!/bin/sh\n[ "$1" = "--yes" ] && [ "$2" = "scale-audit@${version}" ] || { echo "unexpected npx $*" >&2; exit 99; }\nshift 2\nexec "${process.execPath}" "${BIN}" "$@"\n`,
  });
  await chmod(join(dir, 'npx'), 0o755);
  return dir;
}
