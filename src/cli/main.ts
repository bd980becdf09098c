import { Command, CommanderError, Option } from 'commander';
import { InputError } from '../util/errors.js';
import { PACKAGE_VERSION } from '../util/package-root.js';
import type { CliIO } from './io.js';

export const EXIT = { ok: 0, gateFailed: 1, usage: 2 } as const;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Each command loads its own modules when it runs: `--help` need not load the scanner. */
function program(io: CliIO, setExit: (code: number) => void): Command {
  const root = new Command('scale-audit')
    .description('Audits an AI/ML repository (and an answered questionnaire) for production readiness, and plans the way from proof of concept to production.')
    .version(PACKAGE_VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`scale-audit: ${text.replace(/^error: /, '')}`),
    });
  const rulesOption = () => new Option('--rules <path>', 'extra rule pack file or directory (repeatable)').argParser(collect).default([] as string[]);

  root
    .command('audit', { isDefault: true })
    .description('scan a repository, score its readiness and plan its roadmap (the default command)')
    .argument('[path]', 'repository to audit', '.')
    .option('-a, --answers <file>', 'questionnaire answers (YAML or JSON)')
    .option('-f, --format <formats>', 'output formats, comma-separated: text, md, html, json', 'text')
    .option('-o, --output <file>', 'write the (single) format to this file')
    .option('--out-dir <dir>', 'write each format to <dir>/report.<ext>')
    .option('--fail-under <score>', 'exit 1 when the readiness score is below this (0-100)')
    .addOption(rulesOption())
    .option('--no-color', 'plain text even on a terminal')
    .action(async (path: string, options) => setExit(await (await import('./commands/audit.js')).auditCommand(path, options, io)));

  root
    .command('rules')
    .description('list the rules')
    .option('--json', 'as JSON')
    .addOption(rulesOption())
    .action(async (options) => setExit(await (await import('./commands/rules.js')).rulesCommand(options, io)));

  root
    .command('explain')
    .description('show one rule in full: why it matters, how it is detected, how to fix it')
    .argument('<rule-id>', 'for example mlops.experiment-tracking')
    .addOption(rulesOption())
    .action(async (id: string, options) => setExit(await (await import('./commands/explain.js')).explainCommand(id, options, io)));

  root
    .command('scan')
    .description('print the facts the scan collects, for debugging and for rule authors')
    .argument('[path]', 'repository to scan', '.')
    .option('--json', 'print every fact as JSON (otherwise a summary)')
    .addOption(rulesOption())
    .action(async (path: string, options) => setExit(await (await import('./commands/scan.js')).scanCommand(path, options, io)));

  return root;
}

/** Runs the CLI and returns the exit code: 0 success, 1 a gate failed, 2 usage or input error. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program(io, (exit) => (code = exit)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr.write(`scale-audit: ${error.describe()}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`scale-audit: internal error: ${(error as Error).message}\n`);
    io.stderr.write(io.env.SCALE_AUDIT_DEBUG ? `${(error as Error).stack}\n` : 'Set SCALE_AUDIT_DEBUG=1 for details, and please report it.\n');
    return EXIT.usage;
  }
}
