#!/usr/bin/env node
// `npm run build`: dist/ from src/, then the steps that read it. tsc's type check runs beside the
// rest instead of before it (it took 12-17 s on one core while the other idled): the JavaScript is
// written file by file with oxc (rolldown's transform, a few hundred milliseconds), which
// tsconfig.json's `verbatimModuleSyntax` makes a per-file emit of what tsc would write (no import is
// dropped or kept for what another file says it is); tsc checks and writes the declarations
// (dist/**/*.d.ts) only. The build fails when either fails. scripts/test.mjs starts the tests
// without waiting for the check.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync, TsconfigCache } from 'rolldown/utils';
import { DECLARATIONS_PENDING } from './declarations.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSCONFIG = join(ROOT, 'tsconfig.json');
const STEPS = ['cache-packs', 'validate-data', 'bundle', 'precompile-templates', 'code-cache'];

/** Runs a program to its end: its exit code, and what it wrote, both streams in one. */
function finished(command, args, { quiet }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'] });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(output).toString() }));
  });
}

/**
 * tsc: the type check and the declarations, incremental as before (dist/.tsbuildinfo). Its report
 * is held back until it ends, so that it is not lost among the tests' output.
 */
async function typeCheck() {
  await mkdir(dirname(DECLARATIONS_PENDING), { recursive: true });
  await writeFile(DECLARATIONS_PENDING, `${process.pid}\n`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = await finished(process.execPath, [tsc, '-p', TSCONFIG, '--emitDeclarationOnly'], { quiet: true });
  await rm(DECLARATIONS_PENDING, { force: true });
  return result;
}

/** The JavaScript of every module of src/ at its place in dist/, as tsc lays it out (rootDir src, outDir dist). */
async function emitJavaScript() {
  const { compilerOptions } = JSON.parse(await readFile(TSCONFIG, 'utf8'));
  const source = join(ROOT, compilerOptions.rootDir);
  const files = (await readdir(source, { recursive: true })).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  const cache = new TsconfigCache(TSCONFIG);
  const failures = [];
  await Promise.all(
    files.map(async (file) => {
      const path = join(source, file);
      const { code, errors } = transformSync(path, await readFile(path, 'utf8'), { lang: 'ts', sourceType: 'module', target: compilerOptions.target.toLowerCase(), tsconfig: TSCONFIG }, cache);
      if (errors.length > 0) return failures.push(...errors.map((error) => `${path}: ${error.message}`));
      const target = join(ROOT, compilerOptions.outDir, file.replace(/\.ts$/, '.js'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, code);
    }),
  );
  if (failures.length > 0) throw new Error(failures.sort().join('\n'));
}

/** The steps that read the emitted JavaScript, in order; the first that fails stops the build. */
async function buildSteps() {
  for (const step of STEPS) {
    const { code } = await finished(process.execPath, [join(ROOT, 'scripts', `${step}.mjs`)], { quiet: false });
    if (code !== 0) return code;
  }
  return 0;
}

/** Prints the type check's report; true when it passed. */
export function reportTypeCheck({ code, output }) {
  if (code === 0) return true;
  process.stderr.write(`${output}tsc: the type check failed (exit ${code}); the build fails with it\n`);
  return false;
}

/**
 * The build with its type check started first: the steps' exit status (0 when the JavaScript was
 * written and every step passed), and the type check, still running.
 */
export async function build() {
  const types = typeCheck();
  try {
    await emitJavaScript();
    return { code: await buildSteps(), types };
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return { code: 1, types };
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { code, types } = await build();
  const checked = reportTypeCheck(await types);
  process.exitCode = code !== 0 ? code : checked ? 0 : 1;
}
