import { packFiles } from '../rules/load.js';
import { inputErrorAt, type YamlSource } from '../util/yaml-source.js';
import { isInsideRepository } from './trust.js';
import type { Config } from './types.js';

/**
 * The rule packs a configuration adds. One inside the audited repository is the repository's, and
 * may add only packs the repository holds: a pack it names elsewhere on the auditor's machine
 * (`/etc/…`, `../../other-project/`, or through a link) would be read, and quoted in error
 * messages, in a CI log the repository's authors can read. Each pack, a directory's files included,
 * must lie inside the repository, links resolved; one outside is refused at its line.
 */
export async function configPacks(loaded: { config: Config; source: YamlSource }, target: string): Promise<string[]> {
  const { config, source } = loaded;
  if (config.packs.length === 0 || config.file === null || !(await isInsideRepository(config.file, target))) return config.packs;
  const outside = async (file: string) => !(await isInsideRepository(file, target));
  for (const [i, pack] of config.packs.entries()) {
    // A directory outside is not even listed; inside, each of its packs may be a link out.
    const escaped = (await outside(pack)) ? pack : await firstOf(await packFiles([pack]), outside);
    if (escaped !== undefined) {
      throw inputErrorAt(source, ['packs', i], `packs[${i}]: ${escaped} is outside the audited repository, and a configuration inside it may only add packs the repository holds (pass others with --rules)`);
    }
  }
  return config.packs;
}

async function firstOf<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<T | undefined> {
  for (const item of items) if (await test(item)) return item;
  return undefined;
}
