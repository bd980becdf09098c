// While the build's type check writes dist/'s declarations, this file in dist/ holds the id of the
// build's process (scripts/build.mjs), so that a test packing dist/ beside it waits for them.
import { readFile } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const DECLARATIONS_PENDING = fileURLToPath(new URL('../dist/.declarations-pending', import.meta.url));

/** Resolves once no build is writing the declarations: the file is gone, or the process it names has ended (a build cut short). */
export async function declarationsWritten() {
  for (;;) {
    const pid = Number(await readFile(DECLARATIONS_PENDING, 'utf8').catch(() => ''));
    if (!pid || !alive(pid)) return;
    await setTimeout(100);
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
