import { simpleCommands, unquote, type ScriptLine, type Word } from './shell.js';

/*
 * Commands that run other commands: `sudo` and `env` prefixes, environment runners (`poetry run`,
 * `npx`), containers (`docker run image command`) and shells (`bash -c "…"`). Each gives the
 * command it runs, so that what finally runs is what gets classified.
 */

/** Words that run the command after them: `sudo`, `time`, `npx`… (value: how many arguments they take). */
const PREFIX_COMMANDS = new Map<string, number>([
  ...['sudo', 'time', 'exec', 'env', 'nohup', 'nice', 'command', 'xvfb-run', 'npx', 'bunx', 'uvx'].map((word) => [word, 0] as const),
  ['timeout', 1],
]);

/** Environment and package runners whose arguments are the command itself. */
const RUNNERS = [
  'poetry run', 'uv run', 'uv tool run', 'pipenv run', 'pdm run', 'rye run', 'hatch run', 'pixi run', 'conda run', 'mamba run',
  'micromamba run', 'pipx run', 'npm exec', 'pnpm exec', 'pnpm dlx', 'yarn dlx', 'yarn exec', 'bundle exec',
].map((runner) => runner.split(' '));

const RUNNER_OPTIONS_WITH_VALUE = new Set(['-n', '--name', '-p', '--prefix', '-e', '--env', '--environment', '--with', '--extra', '--group', '--python', '--directory', '--project', '--package', '--from', '--spec']);

const CONTAINER_TOOLS = new Set(['docker', 'podman', 'nerdctl', 'docker-compose', 'podman-compose']);
const CONTAINER_OPTIONS_WITH_VALUE = new Set([
  '-v', '--volume', '-e', '--env', '--env-file', '-w', '--workdir', '-u', '--user', '--name', '-p', '--publish', '--entrypoint', '--network', '--net',
  '--mount', '--platform', '--gpus', '-l', '--label', '-m', '--memory', '--shm-size', '--ipc', '--cpus', '--add-host', '-h', '--hostname', '--device',
  '--runtime', '--pull', '-f', '--file', '--project-name', '--profile',
]);

export const SHELL = /^(?:\/(?:usr\/)?bin\/)?(?:ba|z|da)?sh$/;
export const SHELL_COMMAND_FLAG = /^-[a-z]*c[a-z]*$/;
const ENV_ASSIGNMENT = /^[A-Za-z_]\w*=/;
const NO_OPTIONS_WITH_VALUE = new Set<string>();

function skipOptions(words: readonly Word[], from: number, withValue: ReadonlySet<string>): number {
  let i = from;
  while (i < words.length && words[i]!.text.startsWith('-')) {
    const option = words[i]!.text;
    i += !option.includes('=') && withValue.has(option) ? 2 : 1;
  }
  return i;
}

/** Runners that fetch the package they run, pinned or not: `npx promptfoo@latest eval`, `uvx ruff@0.6.9 check`. */
const PACKAGE_RUNNERS = new Set(['npx', 'bunx', 'uvx', 'pnpm dlx', 'yarn dlx', 'npm exec', 'pnpm exec', 'yarn exec', 'pipx run', 'uv tool run']);
const PACKAGE_VERSION = /^(@?[^\s@]+)@[\w.^~*+-]+$/;

/** The command a package runner runs, named without the version it is fetched at. */
function withoutVersion(words: readonly Word[]): readonly Word[] {
  const first = words[0];
  const unversioned = first && PACKAGE_VERSION.exec(first.text);
  return unversioned ? [{ ...first, text: unversioned[1]! }, ...words.slice(1)] : words;
}

function skipPrefixes(words: readonly Word[]): readonly Word[] {
  let i = 0;
  let fetched = false;
  while (i < words.length) {
    const word = words[i]!.text;
    if (ENV_ASSIGNMENT.test(word)) {
      i++;
      continue;
    }
    const argumentCount = PREFIX_COMMANDS.get(word);
    if (argumentCount === undefined) break;
    fetched = PACKAGE_RUNNERS.has(word);
    i = skipOptions(words, i + 1, NO_OPTIONS_WITH_VALUE) + argumentCount;
  }
  return fetched ? withoutVersion(words.slice(i)) : words.slice(i);
}

function skipRunner(words: readonly Word[]): readonly Word[] {
  const runner = RUNNERS.find((parts) => parts.every((part, k) => words[k]?.text === part));
  if (!runner) return words;
  const skipped = words.slice(skipOptions(words, runner.length, RUNNER_OPTIONS_WITH_VALUE));
  const rest = PACKAGE_RUNNERS.has(runner.join(' ')) ? [...withoutVersion(skipped)] : skipped;
  // `hatch run test:pytest` names the environment before the command.
  const first = rest[0];
  if (first && /^[\w.-]+:\S/.test(first.text)) rest[0] = { ...first, text: first.text.replace(/^[\w.-]+:/, '') };
  return rest;
}

/** A variable that holds the Python interpreter: `$PYTHON`, `${PYTHON_BIN}`, `$(PY)`, a scoped one such as `"${ci_python}"` or `$VENV_PYTHON`. */
const PYTHON_VARIABLE = /^"?\$(?:\{|\()?(?:\w+_)?(?:PY|PYTHON\d*(?:_?(?:BIN|EXE|EXEC|CMD|INTERPRETER))?)(?:\}|\))?"?$/i;
/** Variables before a program's name: `${PREFIX}coverage`, `$(VENV)/bin/pytest`. */
const LEADING_VARIABLES = /^(?:\$\{\w+\}|\$\(\w+\)|\$\w+)+(?=[\w./-])/;

/**
 * The program a command word names, for matching: without the variables that locate it
 * (`${PREFIX}coverage` → `coverage`) or its directory (`.venv/bin/pytest` → `pytest`).
 */
export function programName(word: string): string {
  if (PYTHON_VARIABLE.test(word)) return 'python';
  const name = word.replace(LEADING_VARIABLES, '');
  return name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
}

const PYTHON = /^python[\d.]*$/;

/** `python -m poetry run …` → `poetry run …`: a tool run as a module is the tool. */
function skipPythonModule(words: readonly Word[]): readonly Word[] {
  const program = programName(words[0]?.text ?? '');
  return PYTHON.test(program) && words[1]?.text === '-m' && /^[A-Za-z][\w-]*$/.test(words[2]?.text ?? '') ? words.slice(2) : words;
}

/** Options of `coverage run` that take a value; `-m` is not one of them, it names the module that runs. */
const COVERAGE_OPTIONS_WITH_VALUE = new Set(['--rcfile', '--source', '--omit', '--include', '--concurrency', '--context', '--data-file']);

/**
 * `coverage run [options] manage.py test` is `python manage.py test` measured: the program that
 * runs is what coverage is given, a script (`manage.py test`, `setup.py test`) or a module (`-m pytest`).
 */
function skipCoverage(words: readonly Word[]): readonly Word[] {
  if (programName(words[0]?.text ?? '') !== 'coverage' || words[1]?.text !== 'run') return words;
  let i = 2;
  while (i < words.length && words[i]!.text.startsWith('-') && words[i]!.text !== '-m' && words[i]!.text !== '--module') {
    i += !words[i]!.text.includes('=') && COVERAGE_OPTIONS_WITH_VALUE.has(words[i]!.text) ? 2 : 1;
  }
  if (i >= words.length) return words;
  const program = words[i]!.text === '--module' ? [{ ...words[i]!, text: '-m' }, ...words.slice(i + 1)] : words.slice(i);
  return [{ ...words[0]!, text: 'python' }, ...program];
}

/**
 * The ways to read one command: as written (minus `sudo`, variables…), and, for `poetry run
 * pytest`, `npx eslint` or `coverage run -m pytest`, as the command the runner runs. `pdm run
 * test` is only meaningful as written (a project script), `uv run pytest` only as run.
 */
export function commandForms(words: readonly Word[]): Array<readonly Word[]> {
  const direct = skipPrefixes(words);
  const asTool = skipPythonModule(direct);
  const run = skipPrefixes(skipRunner(asTool));
  const measured = skipCoverage(run);
  // Each step drops words when it applies, so a form as long as the one before it is the same form.
  return [direct, run, measured].filter((form, i, forms) => i === 0 || form.length !== forms[i - 1]!.length);
}

/** A word the CI or the shell replaces before the command runs: `${{ env.OPTS }}`, `$(Build.Tag)`, `"${IMAGE}"`. */
const SUBSTITUTED = /^"?(?:\$\{\{[^}]*\}\}|\$\{\w+\}|\$\([\w.]+\)|\$\w+)"?$/;

/** Substituted words in a row, each read as the image and as options: a real command has one or two, a hostile one thousands. */
const MAX_READINGS = 3;

export interface ContainerCommand {
  image: Word;
  command: readonly Word[];
}

/**
 * `docker run [options] image command…`, `docker compose run service command…`. Where the image
 * would be a substituted word, that word may hold the image (`docker run $IMAGE pytest`) or more
 * options (`docker compose run ${{ env.OPTS }} app pytest`): both readings are given.
 */
export function containerCommands(words: readonly Word[]): ContainerCommand[] {
  if (!CONTAINER_TOOLS.has(words[0]?.text ?? '')) return [];
  const verb = words.findIndex((word, i) => i > 0 && i <= 4 && (word.text === 'run' || word.text === 'exec'));
  if (verb < 0) return [];
  const readings: ContainerCommand[] = [];
  let at = skipOptions(words, verb + 1, CONTAINER_OPTIONS_WITH_VALUE);
  while (words[at] && readings.length < MAX_READINGS) {
    const image = words[at]!;
    readings.push({ image, command: words.slice(at + 1) });
    if (!SUBSTITUTED.test(image.text)) break;
    at = skipOptions(words, at + 1, CONTAINER_OPTIONS_WITH_VALUE);
  }
  return readings;
}

/** The script of `bash -c "…"` / `sh -ec '…'`. */
export function shellArgument(words: readonly Word[]): Word | null {
  if (!SHELL.test(words[0]?.text ?? '')) return null;
  const flag = words.findIndex((word, i) => i > 0 && SHELL_COMMAND_FLAG.test(word.text));
  const script = flag > 0 ? words[flag + 1] : undefined;
  return script ? { text: unquote(script.text), line: script.line } : null;
}

/** The code of `python -c "…"`: a `-c` among the interpreter's own options, not one after `-m pytest` or a script. */
export function pythonArgument(words: readonly Word[]): Word | null {
  if (!PYTHON.test(programName(words[0]?.text ?? ''))) return null;
  for (let i = 1; i < words.length && words[i]!.text.startsWith('-') && words[i]!.text !== '-m'; i++) {
    const code = words[i]!.text === '-c' ? words[i + 1] : undefined;
    if (code) return { text: unquote(code.text), line: code.line };
  }
  return null;
}

/**
 * What reads the here-document a line opens as its program: Python (`python3 << 'EOF'`,
 * `uv run python - <<EOF`) or a shell (`bash -s <<EOF`), given only options; null when the
 * document is data (`cat > config.yaml <<EOF`, `python train.py <<EOF`).
 */
export function hereDocumentReader(opener: ScriptLine): 'python' | 'shell' | null {
  const at = opener.text.indexOf('<<');
  const command = at < 0 ? undefined : simpleCommands([{ ...opener, text: opener.text.slice(0, at) }]).at(-1);
  if (!command) return null;
  for (const form of commandForms(command.words)) {
    const program = programName(form[0]?.text ?? '');
    if (!form.slice(1).every((word) => word.text.startsWith('-'))) continue;
    if (PYTHON.test(program)) return 'python';
    if (SHELL.test(program)) return 'shell';
  }
  return null;
}
