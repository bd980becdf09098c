import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import type { CliIO } from './io.js';

/*
 * Compiling the CLI is a good part of what a short audit costs: V8 parses the bundle, then
 * compiles each function the first time it runs. The build runs a few audits and stores V8's code
 * cache beside each chunk of the bundle (`<chunk>.cache`, scripts/code-cache.mjs); a run hands
 * each chunk its cache. V8 takes a cache only for the same source, V8 version and flags, and
 * otherwise compiles from source as it would have: a stale or foreign cache costs a file read.
 * Node 20 has no compile cache for ES modules, which is why the bundle is CommonJS.
 */

/**
 * V8's defaults suit a long-running page; an audit is a short process, the CLI sets some of them
 * before it compiles any chunk (and so does the build that stores the chunks' code caches, since V8
 * takes a cache only under the flags it was made with). Counted with callgrind, which counts
 * instructions whatever the machine's load:
 * - a function is optimised by TurboFan after a budget of interpreted work; eight times that budget
 *   leaves a short audit's code to the baseline compiler and still optimises what a long one runs
 *   most (7% fewer instructions for the 50-file audit, 6% fewer for babel/babel);
 * - a regular expression is compiled to bytecode for its first run and to machine code from its
 *   second: the peephole pass over the bytecode cost more than the runs it speeds up (~50 M of the
 *   50-file audit's 1,320 M instructions), and most of a small audit's patterns run a few times
 *   only, for which the bytecode will do: machine code from the hundredth run (~35 M fewer; a
 *   long audit runs its patterns thousands of times, and babel/babel's kept its time).
 * - the young generation starts at 1 MiB per semi-space and V8 doubles it, up to 8 MiB, while much of
 *   what it holds survives: a short audit's first allocations (the rule set, the program's closures)
 *   all survive, so it grew to its largest and touched ~10 MiB of fresh pages, each a page fault of
 *   ~12 µs here. Kept at its starting size (`--semi-space-growth-factor=1`): the 50-file audit
 *   ~1,700 fewer page faults and 8-18% less CPU; babel/babel the same CPU (1.02×, `farm-bench -n 6`)
 *   and 104 instead of 137 MiB at its peak; the 10,000- and 50,000-file trees 0.93× and 0.99× the
 *   CPU, 79 and 114 instead of 87 and 138 MiB. Its collections are more frequent but each copies
 *   less, and a young generation that fits the processor's cache is cheap to sweep. 200,000 files
 *   take 1.07× the CPU (`farm-bench -n 2`: a large old generation's pointers into the young one are
 *   scanned at each collection), within the bench's bound.
 * Dropped: `--no-parallel-scavenge` (each small collection on the main thread alone: 0.95-0.96× the
 * CPU of the 50-file audit, babel/babel and 50,000 files, but 1.13-1.7× at 200,000 files, where
 * each collection's roots are many). `--no-regexp-tier-up` (regular expressions compiled straight to machine code, 6% fewer):
 * audits run in a loop died of SIGSEGV inside native regexp code about once in a thousand runs
 * with it. `--no-incremental-marking` (~75 M fewer instructions for the 50-file audit, whose
 * collection then waits for the old generation's limit): babel/babel's peak memory rose from
 * 131-134 to 146-148 MiB, at the 150 MiB target.
 */
const V8_FLAGS = '--interrupt-budget=540672 --no-regexp-peephole-optimization --regexp-tier-up-ticks=100 --semi-space-growth-factor=1';

/**
 * Node's built-in modules that every audit loads (commander's child_process, the terminal check's
 * tty, the packs' digests, git's compressed objects, the report's files). Node ships a code cache
 * for each, made under V8's default flags, which V8 rejects once V8_FLAGS are set: loaded later, each
 * is compiled from source (~45 ms of a small audit's CPU). Loaded before the flags, they come from
 * Node's cache.
 */
const BUILTINS = ['node:child_process', 'node:crypto', 'node:fs/promises', 'node:tty', 'node:zlib'];

/** What the CLI's entry points export, as bin/scale-audit.js uses them. */
export interface CliBundle {
  run(argv: readonly string[], io: CliIO): Promise<number>;
  processIO(): CliIO;
}

interface Compiled {
  script: Script;
  cacheFile: string;
  /** Whether V8 used the stored cache for it. */
  cached: boolean;
}

/** How Node's wrapper of a CommonJS module starts. */
const WRAPPER_START = Module.wrap('\u0000').split('\u0000')[0]!;

type CompileHook = (this: Module & { exports: unknown }, content: string, filename: string) => unknown;

const loaded: Compiled[] = [];

/**
 * The bundle in `dir` (main.cjs and io.cjs), each of its chunks compiled with its stored cache. Only
 * files in `dir` are compiled this way; every other module loads as Node loads it.
 */
export function loadCliBundle(dir: string): CliBundle {
  const require = createRequire(join(dir, 'main.cjs'));
  for (const name of BUILTINS) require(name);
  // Set once, before anything of the CLI compiles. Changing V8's flags again while the program runs
  // (as an earlier version did around each built-in module's first load, to take Node's own code
  // cache for it) races V8's background compiler threads: one audit in about 400 died of SIGSEGV.
  setFlagsFromString(V8_FLAGS);
  const prototype = Module.prototype as unknown as { _compile: CompileHook };
  const compile = prototype._compile;
  prototype._compile = function (content, filename) {
    // A script handed a code cache cannot import() on Node 20: the chunk that does is left to Node.
    if (dirname(filename) !== dir || basename(filename).startsWith('import-module-')) return compile.call(this, content, filename);
    const cacheFile = `${filename}.cache`;
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    // The build wrote the chunk wrapped (scripts/bundle.mjs); a file it did not write (the HTML pages) is wrapped here.
    const script = new Script(content.startsWith(WRAPPER_START) ? content : Module.wrap(content), {
      filename,
      cachedData,
    });
    loaded.push({ script, cacheFile, cached: cachedData !== undefined && !script.cachedDataRejected });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  const { run } = require('./main.cjs') as Pick<CliBundle, 'run'>;
  const { processIO } = require('./io.cjs') as Pick<CliBundle, 'processIO'>;
  return { run, processIO };
}

/** The chunks loaded so far, and whether each came from its stored cache. */
export function loadedChunks(): Array<{ file: string; cached: boolean }> {
  return loaded.map(({ cacheFile, cached }) => ({ file: cacheFile.slice(0, -'.cache'.length), cached }));
}

/** Stores the code cache of every chunk loaded so far, with what the run compiled: the build's step. */
export function saveCodeCaches(): void {
  for (const { script, cacheFile } of loaded) writeFileSync(cacheFile, script.createCachedData());
}
