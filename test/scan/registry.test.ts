import { describe, expect, it } from 'vitest';
import { defineCollector, type Collector, type CollectorOptions } from '../../src/scan/collector.js';
import { BUILTIN_COLLECTORS } from '../../src/scan/collectors/index.js';
import { FACT_ROOTS } from '../../src/scan/facts.js';
import { scan, scanFiles } from '../../src/scan/scan.js';
import { inputError } from '../helpers/input-error.js';
import { tempDir } from '../helpers/temp.js';

/** A collector as a plugin would bring it: it reads a file kind no built-in collector reads. */
interface MakefileFacts {
  targets: Array<{ path: string; line: number; name: string }>;
}

const seenOptions: CollectorOptions[] = [];

const makefileCollector = defineCollector({
  key: 'makefiles',
  create(options): Collector<MakefileFacts> {
    seenOptions.push(options);
    const targets: MakefileFacts['targets'] = [];
    return {
      wants: (path) => /(^|\/)Makefile$/.test(path),
      visit(file, warn) {
        const found = file.lines().flatMap((text, index) => {
          const target = /^([\w-]+):/.exec(text)?.[1];
          return target ? [{ path: file.path, line: index + 1, name: target }] : [];
        });
        if (found.length === 0) warn({ path: file.path, message: 'a Makefile with no targets' });
        targets.push(...found);
      },
      finish: () => ({ targets }),
    };
  },
});

const FILES = {
  Makefile: 'test:\n\tpytest\n\nlint:\n\truff check .\n',
  'docs/Makefile': '# generated\n',
  '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
};
const NOW = new Date('2026-01-01T00:00:00Z');

describe('collectors passed to the scan from outside', () => {
  it('fill their own slice of Facts, after the built-in ones, and leave those untouched', async () => {
    const plain = await scanFiles(FILES, { signals: [], now: NOW });
    const extended = await scanFiles(FILES, { signals: [], now: NOW, collectors: [makefileCollector] });

    expect(extended.makefiles.targets).toEqual([
      { path: 'Makefile', line: 1, name: 'test' },
      { path: 'Makefile', line: 4, name: 'lint' },
    ]);
    expect(Object.keys(extended)).toEqual([...Object.keys(plain).slice(0, -2), 'makefiles', 'git', 'warnings']);
    const { makefiles: _, ...rest } = extended;
    expect(JSON.stringify({ ...rest, warnings: [] })).toBe(JSON.stringify({ ...plain, warnings: [] }));
    expect(extended.warnings).toContainEqual({ path: 'docs/Makefile', message: 'a Makefile with no targets' });
  });

  it('are created afresh for every scan, with the signals the rule packs declare', async () => {
    const signals = [{ id: 'make', files: ['Makefile'], pattern: 'pytest' }];
    seenOptions.length = 0;
    const first = await scanFiles(FILES, { signals, now: NOW, collectors: [makefileCollector] });
    const second = await scanFiles(FILES, { signals, now: NOW, collectors: [makefileCollector] });
    expect(seenOptions).toEqual([{ signals }, { signals }]);
    expect(second.makefiles.targets).toHaveLength(first.makefiles.targets.length);
  });

  it('run in a scan of a directory on disk too', async () => {
    const root = await tempDir(FILES);
    const facts = await scan(root, { signals: [], now: NOW, git: false, collectors: [makefileCollector] });
    expect(facts.makefiles.targets.map((target) => target.name)).toEqual(['test', 'lint']);
  });

  it('may not take a key that a built-in collector or the scan itself fills, or that a fact path cannot name', async () => {
    for (const key of ['ci', 'files', 'git', 'warnings']) {
      const clash = defineCollector({ key, create: makefileCollector.create });
      const error = await inputError(scanFiles(FILES, { signals: [], now: NOW, collectors: [clash] }));
      expect(error.message).toBe(`collector key "${key}" is taken: a collector fills a slice of Facts of its own`);
    }
    const dotted = defineCollector({ key: 'make.files', create: makefileCollector.create });
    expect((await inputError(scan('.', { signals: [], now: NOW, collectors: [dotted] }))).message).toContain('"make.files" is not a word');
    const twice = await inputError(scanFiles(FILES, { signals: [], now: NOW, collectors: [makefileCollector, makefileCollector] }));
    expect(twice.message).toContain('"makefiles" is taken');
  });
});

describe('the registry', () => {
  it('gives the fact roots rules may read: the file index, every registered slice, and git', async () => {
    expect(FACT_ROOTS).toEqual(['files', ...BUILTIN_COLLECTORS.map((collector) => collector.key), 'git']);
    const facts = await scanFiles(FILES, { signals: [], now: NOW });
    for (const root of FACT_ROOTS) expect(Object.keys(facts)).toContain(root);
  });
});
