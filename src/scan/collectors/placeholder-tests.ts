/*
 * Whether a Python (or, below, a JVM) test file tests anything. Project templates ship tests that pass by
 * construction (`def test_x(): pass`, `assert True`, an xfail `test_that_you_wrote_tests`, a test
 * that prints "Hello" or only imports a module): a file whose every test is such a placeholder
 * is not a test of the project. One pass over the lines; each line is read once.
 *
 * They also ship commands named like tests: SageMaker templates' `test_endpoints.py` is run by a
 * build step with `--import-build-config`, and its `test_endpoint(endpoint_name)` takes an argument
 * that no test runner supplies. A file that parses its own command line in a `__main__` block and
 * imports no test framework is such a command.
 */
const MAIN_BLOCK = /^if[ \t]+__name__[ \t]*==[ \t]*["']__main__["'][ \t]*:/m;
const PARSES_COMMAND_LINE = /\bArgumentParser[ \t]*\(|\bsys\.argv\b/;
const IMPORTS_TEST_FRAMEWORK = /^[ \t]*(?:import|from)[ \t]+(?:pytest|unittest)\b/m;

function isCommand(text: string): boolean {
  return MAIN_BLOCK.test(text) && PARSES_COMMAND_LINE.test(text) && !IMPORTS_TEST_FRAMEWORK.test(text);
}

const TEST_DEFINITION = /^([ \t]*)(?:async[ \t]+)?def[ \t]+test\w*[ \t]*\(/;
/**
 * A statement that checks nothing; `try`/`except` only wrap others. Kedro's project template ships
 * `test_run.py`, whose tests assert the package name or path it was generated with
 * (`assert project_context.project_path == Path.cwd()`, "here for the demonstration purpose"); the AWS
 * CDK's `cdk init` ships a test that builds the app's stack and its template, its assertion commented out.
 */
const PLACEHOLDER_STATEMENT =
  /^(?:(?:app|stack|template)[ \t]*=[ \t]*(?:(?:core|cdk)\.App\(\)|\w+\(app,[^)]*\)|assertions\.Template\.from_stack\(stack\))|pass|\.\.\.|return(?:[ \t]+None)?|assert[ \t]+(?:True|False|1|not[ \t]+False|1[ \t]*==[ \t]*1)\b.*|assert[ \t]+project_context\.(?:package_name|project_path)[ \t]*==.*|self\.assert(?:True|Equal)\([ \t]*(?:True|1,[ \t]*1)[ \t]*\).*|print\(.*|try:|except\b.*:|finally:|else:|(?:import|from)[ \t]+\S.*|pytest\.(?:skip|xfail|fail)\(.*\))$/;
const DOCSTRING_START = /^[rRuU]?("""|''')/;

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

/** The statements of a test body, without comments, blank lines and a leading docstring. */
function statementsOf(lines: readonly string[]): string[] {
  const statements: string[] = [];
  let inDocstring: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (inDocstring) {
      if (line.includes(inDocstring)) inDocstring = null;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const docstring = statements.length === 0 ? DOCSTRING_START.exec(line) : null;
    if (docstring) {
      const quote = docstring[1]!;
      if (line.indexOf(quote, docstring.index + docstring[0].length) < 0) inDocstring = quote;
      continue;
    }
    const comment = line.search(/[ \t]#/);
    statements.push(comment < 0 ? line : line.slice(0, comment).trimEnd());
  }
  return statements;
}

/*
 * A test that prints its result for someone to read, in a file that asserts, raises or fails
 * nowhere (not in a helper either), is a demonstration script named like a test: a client that
 * prints a running server's reply, a "test script" that prints "Test 1: Hash Consistency" and
 * each hash, a connectivity check that prints and returns True. It fails only if the code it
 * calls throws; a smoke test that prints nothing (`def test_train(): main(cfg)`) still counts.
 */
const PRINTS = /^p?print\w*[ \t]*\(/;
const CHECKS = /assert|raise|\bfail[ \t]*\(/i;
/** `sys.exit(1)` on a bad result in a test's body fails it as a raise does; `sys.exit(main())` under `__main__` runs no test. */
const EXITS = /\bexit[ \t]*\(/;

/** True when the file is no command and at least one test function in it has a body that can fail. */
export function hasRealPythonTest(text: string): boolean {
  if (isCommand(text)) return false;
  const checks = CHECKS.test(text);
  const lines = text.split('\n');
  let real = false;
  let prints = false;
  let exits = false;
  let i = 0;
  while (i < lines.length) {
    const definition = TEST_DEFINITION.exec(lines[i]!);
    if (!definition) {
      i++;
      continue;
    }
    const indent = definition[1]!.length;
    // A body on the definition's own line: `def test_x(): assert True`.
    const line = lines[i]!;
    const colon = line.indexOf(':', line.indexOf(')'));
    const inline = line.indexOf(')') < 0 || colon < 0 ? '' : line.slice(colon + 1).trim();
    const body: string[] = inline === '' ? [] : [inline];
    i++;
    while (i < lines.length && (lines[i]!.trim() === '' || indentOf(lines[i]!) > indent)) body.push(lines[i++]!);
    const statements = statementsOf(body);
    if (statements.length > 0 && !statements.every((statement) => PLACEHOLDER_STATEMENT.test(statement))) {
      if (checks) return true;
      real = true;
    }
    prints ||= statements.some((statement) => PRINTS.test(statement));
    exits ||= statements.some((statement) => EXITS.test(statement));
  }
  return real && (!prints || exits);
}

/*
 * A JVM test class whose every `@Test` method has an empty body: Spring Initializr's generated
 * `contextLoads()` only starts the application context, so it tests nothing the team wrote.
 */
const JVM_TEST_ANNOTATION = /@Test\b/g;
// Each repeated part starts with its own token (`@`, `//` up to the line's end), so no text can be split two ways.
const JVM_EMPTY_TEST =
  /@Test\b\s*(?:@(?!Test\b)\w+(?:\([^)\n]*\))?\s*)*(?:(?:public|internal|protected|private)\s+)?(?:void|fun)\s+(?:`[^`\n]*`|\w+)\s*\(\s*\)\s*(?::\s*Unit\s*)?\{\s*(?:\/\/[^\n]*\n\s*)*\}/g;

/** True when a Java or Kotlin test file has a test whose body can fail, or is not written with `@Test` at all. */
export function hasRealJvmTest(text: string): boolean {
  const tests = text.match(JVM_TEST_ANNOTATION)?.length ?? 0;
  return tests === 0 || (text.match(JVM_EMPTY_TEST)?.length ?? 0) < tests;
}

/*
 * JavaScript generators write a test with the app they create: Create React App's `renders learn
 * react link`, Vue CLI's HelloWorld spec, Angular CLI's `should create` for each component. They test
 * the generated boilerplate (the React one fails as soon as the page is edited), not the team's code.
 */
const SCRIPT_TEST_CALL = /\b(?:it|test)(?:\.(?:only|skip|concurrent))?[ \t]*\(/g;
/** A test call and its title, written in any of the three quotes. */
const SCRIPT_TEST_TITLE = new RegExp(`${SCRIPT_TEST_CALL.source}[ \\t]*(?:'([^'\\n]*)'|"([^"\\n]*)"|\`([^\`\\n]*)\`)`, 'g');
const GENERATED_TITLE =
  /^(?:renders learn react link|renders props\.msg when passed|should create(?: the app)?|should be created|should render title|should have (?:as title '[^']*'|the '[^']*' title))$/;

/** True when a JavaScript or TypeScript test file has a test other than the ones its generator wrote. */
export function hasRealScriptTest(text: string): boolean {
  const calls = text.match(SCRIPT_TEST_CALL)?.length ?? 0;
  const titles = [...text.matchAll(SCRIPT_TEST_TITLE)].map((match) => match[1] ?? match[2] ?? match[3]!);
  return calls === 0 || titles.length < calls || !titles.every((title) => GENERATED_TITLE.test(title));
}

/*
 * A data test: a file that reads a dataset and asserts on it, importing nothing but the standard
 * library, a test framework, dataframe libraries and its own test package, checks the data, not
 * the project's code (a course template's `test_data.py` asserting a CSV's shape and columns).
 */
const IMPORT_LINE = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))/gm;
const NOT_THE_PROJECT = new Set([
  '__future__', 'collections', 'csv', 'datetime', 'functools', 'glob', 'io', 'itertools', 'json', 'logging', 'math', 'os', 'pathlib', 'random', 're',
  'shutil', 'sys', 'tempfile', 'time', 'typing', 'warnings',
  'hypothesis', 'pytest', 'unittest',
  'numpy', 'pandas', 'polars', 'pyarrow',
  'conftest', 'test', 'tests',
]);
const READS_DATA = /\b(?:pd|pandas|np|numpy|pl|polars)\.(?:read_\w+|load|loadtxt|genfromtxt|scan_\w+)[ \t]*\(/;

/** True when the file reads data and imports no module that could be the project's own (a relative import could). */
export function testsOnlyData(text: string): boolean {
  if (!READS_DATA.test(text)) return false;
  for (const match of text.matchAll(IMPORT_LINE)) {
    const modules = match[1] !== undefined ? [match[1]] : match[2]!.split(',');
    if (modules.some((module) => !NOT_THE_PROJECT.has(module.trim().split('.')[0]!))) return false;
  }
  return true;
}
