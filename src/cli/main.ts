import { Command, CommanderError, Option } from 'commander';
import { BUILTIN_PROFILES } from '../config/profile-names.js';
import { DOCUMENT_FORMATS } from '../render/document.js';
import { FORMATS } from '../render/index.js';
import { InputError } from '../util/errors.js';
import { PACKAGE_VERSION } from '../util/package-root.js';
import { notice, type CliIO } from './io.js';

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
      // One line, like every other error: commander puts its suggestion on a second one.
      outputError: (text) => notice(io, text.trim().replace(/^error: /, '')),
    });
  const profileOption = () => new Option('--profile <name>', `the kind of project: ${BUILTIN_PROFILES.join(', ')}, a profile the configuration declares, or a profile file`);
  const rulesOption = () => new Option('--rules <path>', 'extra rule pack file or directory (repeatable)').argParser(collect).default([] as string[]);
  const pluginOption = () => new Option('--plugin <name>', 'a code plugin: an installed package, or a path (repeatable)').argParser(collect).default([] as string[]);
  /** Where the documents of `render`, `compare` and `portfolio` go: the same options as `audit`'s. */
  const outputOptions = (command: Command, formats: readonly string[], name: string) =>
    command
      .option('-f, --format <formats>', `output formats, comma-separated: ${formats.join(', ')}`, 'text')
      .option('-o, --output <file>', 'write the (single) format to this file')
      .option('--out-dir <dir>', `write each format to <dir>/${name}.<ext>`)
      .option('--no-color', 'plain text even on a terminal');
  /** A consultant's branding, for `audit` and `render`; also settable in the configuration's `report` section. */
  const brandingOptions = (command: Command) =>
    command
      .option('--title <text>', 'the report title (default: "Production readiness: <repository>")')
      .option('--client <name>', 'who the report is for, shown on its first screen')
      .option('--author <name>', 'who prepared it, shown on its first screen')
      .option('--logo <file>', 'a PNG, JPEG, GIF, WebP or SVG logo, embedded in the HTML report')
      .option('--template-dir <dir>', 'templates replacing the built-in HTML ones (see "Branding and templates" in the README)')
      .option('--detail <level>', 'what the HTML and Markdown reports hold: executive (verdict, top risks, roadmap, business case, questions) or full (also every finding and the appendix)', 'executive');

  const audit = brandingOptions(root
    .command('audit', { isDefault: true })
    .description('scan a repository, score its readiness and plan its roadmap (the default command)')
    .argument('[path]', 'repository to audit', '.')
    .option('-a, --answers <file>', 'questionnaire answers, YAML or JSON (default: <path>/scale-audit.answers.yaml when it exists)')
    .option('--no-answers', 'ignore scale-audit.answers.yaml in the audited directory')
    .option('--assumptions <file>', 'business assumptions replacing the defaults (budget multiplier, governance share, timeline, target level)')
    .option('-f, --format <formats>', `output formats, comma-separated: ${FORMATS.join(', ')}`, 'text')
    .option('-o, --output <file>', 'write the (single) format to this file')
    .option('--out-dir <dir>', 'write each format to <dir>/report.<ext>')
    .option('--fail-under <score>', 'exit 1 when the readiness score is below this (0-100)')
    .option('--fail-under-category <minimums>', 'exit 1 when a category is below its minimum, e.g. data=60,security=80')
    .option('--fail-on <severity>', 'exit 1 when any rule of this severity or above fails: critical, high, medium, low')
    .option('--min-level <level>', 'exit 1 below this maturity level (0-4)')
    .option('--min-confidence <percent>', 'exit 1 when less than this share of the rules is known')
    .option('--baseline <file>', 'exit 1 on any regression from this baseline')
    .option('--write-baseline <file>', 'save this run as a baseline')
    .option('-c, --config <file>', 'configuration file (default: the nearest .scale-audit.yaml/.yml/.json)')
    .option('--no-config', 'use no configuration file')
    .addOption(profileOption())
    .addOption(rulesOption())
    .addOption(pluginOption())
    .option('--no-color', 'plain text even on a terminal')
    .option('-q, --quiet', 'no progress display on a terminal (it is never shown in CI or when stderr is not a terminal)'))
    .action(async (path: string, options) => setExit(await (await import('./commands/audit.js')).auditCommand(path, options, io)));
  // `scale-audit .` runs audit, so the top-level help shows audit's options too, not only the command list.
  root.addHelpText('after', () => `\n\`scale-audit [path]\` runs the default command, audit:\n\n${audit.helpInformation()}`);

  root
    .command('init')
    .description('answer the questionnaire: asks, in a terminal, only what the scan cannot settle; otherwise writes a template')
    .argument('[path]', 'repository the answers are for', '.')
    .option('-a, --answers <file>', 'the answers file to create or continue (default: <path>/scale-audit.answers.yaml)')
    .option('--template', 'write a commented template of every question instead of asking')
    .option('--force', 'replace an existing answers file without asking')
    .addOption(rulesOption())
    .addOption(pluginOption())
    .action(async (path: string, options) => setExit(await (await import('./commands/init.js')).initCommand(path, options, io)));

  root
    .command('schema')
    .description('print the JSON Schema of a file format: answers, assumptions, baseline, config, pack-tests, profile, report, rule-pack (none: list them)')
    .argument('[name]', 'which schema')
    .addOption(rulesOption())
    .addOption(pluginOption())
    .action(async (name: string | undefined, options) => setExit(await (await import('./commands/schema.js')).schemaCommand(name, options, io)));

  root
    .command('rules')
    .description('list the rules')
    .option('--json', 'as JSON')
    .addOption(rulesOption())
    .addOption(pluginOption())
    .action(async (options) => setExit(await (await import('./commands/rules.js')).rulesCommand(options, io)));

  root
    .command('explain')
    .description('show one rule in full: why it matters, how it is detected, how to fix it')
    .argument('<rule-id>', 'for example mlops.experiment-tracking')
    .addOption(rulesOption())
    .addOption(pluginOption())
    .action(async (id: string, options) => setExit(await (await import('./commands/explain.js')).explainCommand(id, options, io)));

  root
    .command('config')
    .description('show the effective configuration and where each value comes from')
    .argument('[path]', 'audited directory, where the search for .scale-audit.yaml starts', '.')
    .option('--print', 'print the effective configuration (the default)')
    .option('--json', 'as JSON')
    .option('-c, --config <file>', 'configuration file (default: the nearest .scale-audit.yaml/.yml/.json)')
    .option('--no-config', 'use no configuration file')
    .addOption(profileOption())
    .option('--fail-under <score>', 'as for audit: shows how flags override the file')
    .option('--fail-under-category <minimums>', 'as for audit')
    .option('--fail-on <severity>', 'as for audit')
    .option('--min-level <level>', 'as for audit')
    .option('--min-confidence <percent>', 'as for audit')
    .addOption(rulesOption())
    .addOption(pluginOption())
    .action(async (path: string, options) => setExit(await (await import('./commands/config.js')).configCommand(path, options, io)));

  brandingOptions(outputOptions(
    root
      .command('render')
      .description('render a saved JSON report again, in any format')
      .argument('<report>', 'a report written with --format json'),
    FORMATS,
    'report',
  )).action(async (file: string, options) => setExit(await (await import('./commands/render.js')).renderCommand(file, options, io)));

  outputOptions(
    root
      .command('compare')
      .description('show the progress between two saved JSON reports: score, level and category deltas, fixed and new gaps')
      .argument('<before>', 'the earlier report (JSON)')
      .argument('<after>', 'the later report (JSON)'),
    DOCUMENT_FORMATS,
    'compare',
  ).action(async (before: string, after: string, options) => setExit(await (await import('./commands/compare.js')).compareCommand(before, after, options, io)));

  outputOptions(
    root
      .command('portfolio')
      .description('aggregate many saved JSON reports: ranking, heat map, common gaps, levels')
      .argument('<reports...>', 'report files, directories searched for *.json, or glob patterns (quoted)'),
    DOCUMENT_FORMATS,
    'portfolio',
  ).action(async (paths: string[], options) => setExit(await (await import('./commands/portfolio.js')).portfolioCommand(paths, options, io)));

  root
    .command('test')
    .description("run the cases beside rule packs (<pack>.tests.yaml), or a plugin's, and check each rule's outcomes are all covered")
    .argument('<paths...>', 'packs, tests files, directories of packs, or plugin directories')
    .addOption(rulesOption())
    .addOption(pluginOption())
    .action(async (paths: string[], options) => setExit(await (await import('./commands/test.js')).testCommand(paths, options, io)));

  root
    .command('scan')
    .description('print the facts the scan collects, for debugging and for rule authors')
    .argument('[path]', 'repository to scan', '.')
    .option('--json', 'print every fact as JSON (otherwise a summary)')
    .addOption(rulesOption())
    .addOption(pluginOption())
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
      notice(io, error.describe());
      return EXIT.usage;
    }
    if (io.env.SCALE_AUDIT_DEBUG) io.stderr.write(`${(error as Error).stack}\n`);
    notice(io, `internal error: ${(error as Error).message} (${io.env.SCALE_AUDIT_DEBUG ? 'the stack is above' : 'set SCALE_AUDIT_DEBUG=1 for details'}; please report it)`);
    return EXIT.usage;
  }
}
