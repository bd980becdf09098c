import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Command, CommanderError } from 'commander';
import { simpleGit } from 'simple-git';
import { auditDate, type CliIO } from '../cli/io.js';
import { writeOutputs } from '../cli/write-outputs.js';
import { loadRuleSet } from '../rules/load.js';
import { InputError } from '../util/errors.js';
import { PACKAGE_ROOT, PACKAGE_VERSION } from '../util/package-root.js';
import { evaluateCorpus, type EvalResult } from './evaluate.js';
import { loadFactMap } from './fact-map.js';
import { loadLabels } from './labels.js';
import { renderEvalMarkdown, renderEvalText } from './render.js';

/*
 * `npm run eval -- --trees DIR`: the accuracy of the tool against the hand-labelled corpus in
 * eval/repos (eval/LABELS.md). Not part of the published package: it needs the corpus and the trees.
 * `main.ts` runs it in its own process; tests run it in theirs, as the CLI's `run(argv, io)`.
 */

const EVAL_DIR = join(PACKAGE_ROOT, 'eval');
const ACCURACY_FILE = join(PACKAGE_ROOT, 'docs', 'accuracy.md');
const BEGIN = '<!-- eval:begin -->';
const END = '<!-- eval:end -->';

/**
 * The commit of the tool being measured, marked when the work tree has uncommitted changes; the
 * accuracy page itself does not count, or every re-run after a --write would be marked.
 */
async function toolCommit(): Promise<string | null> {
  try {
    const git = simpleGit({ baseDir: PACKAGE_ROOT });
    const head = (await git.revparse(['--short=12', 'HEAD'])).trim();
    const changes = (await git.raw(['status', '--porcelain', '--untracked-files=no', '--', '.', `:(exclude)${relative(PACKAGE_ROOT, ACCURACY_FILE)}`])).trim();
    return changes ? `${head} with uncommitted changes` : head;
  } catch {
    return null;
  }
}

/** The accuracy page with its measured block replaced; everything around the markers is kept. */
async function updatedAccuracy(file: string, result: EvalResult): Promise<string> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read: ${error.code ?? error.message}`, file);
  });
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new InputError(`no ${BEGIN} … ${END} block to replace`, file);
  return `${text.slice(0, begin + BEGIN.length)}\n${renderEvalMarkdown(result)}${text.slice(end)}`;
}

interface EvalOptions {
  trees: string;
  labels: string;
  json?: boolean;
  write?: string | true;
}

async function evaluate(options: EvalOptions, io: CliIO): Promise<void> {
  const ruleSet = await loadRuleSet();
  const mappings = await loadFactMap(join(EVAL_DIR, 'facts.yaml'), join(EVAL_DIR, 'facts.schema.json'), new Set(ruleSet.rules.map((rule) => rule.id)));
  const labels = await loadLabels(options.labels, join(EVAL_DIR, 'label.schema.json'), mappings.map((mapping) => mapping.id));
  const result = await evaluateCorpus({
    labels,
    mappings,
    treesDir: options.trees,
    now: auditDate(io),
    tool: { version: PACKAGE_VERSION, commit: await toolCommit() },
    progress: (message) => io.stderr.write(`${message}\n`),
  });
  if (options.write) {
    const file = options.write === true ? ACCURACY_FILE : options.write;
    await writeOutputs([{ path: file, content: await updatedAccuracy(file, result) }]);
    io.stderr.write(`updated ${file}\n`);
  }
  io.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderEvalText(result));
}

/** Runs `npm run eval -- <argv>` with this IO; resolves to the exit code (2 for bad options or input). */
export async function runEval(argv: readonly string[], io: CliIO): Promise<number> {
  const program = new Command('npm run eval --')
    .description('Audits the labelled trees and measures the tool against the hand labels.')
    .requiredOption('--trees <dir>', 'the directory holding one tree per labelled repository, named owner__name')
    .option('--labels <dir>', 'the label files', join(EVAL_DIR, 'repos'))
    .option('--json', 'machine-readable output')
    .option('--write [file]', 'also replace the measured block of docs/accuracy.md (or of this file)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    await evaluate(program.opts<EvalOptions>(), io);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`eval: ${error.describe()}\n`);
    return 2;
  }
}
