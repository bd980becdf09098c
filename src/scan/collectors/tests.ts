import { defineCollector, type Collector } from '../collector.js';
import { compareStrings } from '../../util/compare.js';
import { byFileName, extensionOf } from '../../util/repo-path.js';
import { pathContext } from '../path-context.js';
import { hasRealJvmTest, hasRealPythonTest, hasRealScriptTest, testsOnlyData } from './placeholder-tests.js';

export interface TestFacts {
  /** Test files in the project (not fixtures), sorted. */
  files: string[];
  count: number;
  /** Files named and written as tests whose every test checks nothing (`assert True`, `pass`), or commands named like tests, left out of `files`. */
  placeholders: string[];
  /** Python test files that read a dataset and assert on it, importing none of the project's code: data checks, left out of `files`. */
  dataOnly: string[];
  /** Test frameworks detected from config files, dependencies or imports: pytest, unittest, hypothesis, jest, vitest… */
  frameworks: string[];
  configs: Array<{ path: string; framework: string }>;
  /** Non-test source modules in the project, for the test-to-code ratio. */
  sourceFiles: number;
}

/**
 * File names test runners collect by default (pytest, unittest discovery, Jest, Vitest, Mocha), and
 * `*_tests.py`, Django's `tests.py` or a `test.py`, which teams run by path (`pytest
 * src/tests/model_tests.py`, `python test.py`). Other languages' runners collect by place: Maven,
 * Gradle and sbt the sources under `src/test/`, testthat `tests/testthat/test*.R`, Julia's
 * `Pkg.test` the files under `test/`, Cargo the crates' `tests/*.rs`, Go every `*_test.go`; Xcode
 * and SwiftPM test targets hold `*Tests.swift` files by convention; RSpec collects `*_spec.rb` and
 * Rails' Minitest `*_test.rb`.
 */
const TEST_FILE = /(^|\/)(test_[^/]*\.py|[^/]*_tests?\.py|tests?\.py|[^/]*\.(test|spec)\.[cm]?[jt]sx?|[^/]*_test\.go|[^/]*Tests?\.swift|[^/]*_(?:spec|test)\.rb)$/;
const TEST_PLACE = /(^|\/)(src\/test\/(?:java|scala|kotlin)\/.*\.(?:java|scala|kt)|tests\/testthat\/test[^/]*\.[Rr]|test\/.*\.jl|tests\/[^/]*\.rs)$/;
/** The languages whose tests are told by their place: only their files are asked where they are. */
const PLACED_LANGUAGE = byFileName((name) => /\.(?:java|scala|kt|[Rr]|jl|rs)$/.test(name));

function placedTest(path: string): boolean {
  return PLACED_LANGUAGE(path) && TEST_PLACE.test(path);
}

/**
 * A test file is one that defines a test: a script named `test_gantry.py` that calls a service
 * once under `if __name__ == "__main__"` is named like a test and tests nothing. A `test.py` is
 * as often a model's evaluation script (`def test(model, loader)` reports accuracy on the test
 * split), so it must define a test as pytest names them: `test_…` functions or `Test…` classes.
 * Elsewhere a test is what the language's frameworks declare: JUnit's `@Test`, a ScalaTest or
 * Kotest spec or suite, `test_that(…)`, `@test`/`@testset`, `#[test]`, Go's `func TestX(t`, an
 * `XCTestCase` subclass or Swift Testing's `@Test`, an RSpec example (`it "…"`) or a Minitest
 * `test "…"` / `def test_…`.
 */
const DEFINES_TEST = {
  python: /^\s*(?:async\s+)?def\s+test\w*\s*\(|^\s*class\s+Test\w*|\bTestCase\b/m,
  pytestNamed: /^\s*(?:async\s+)?def\s+test_\w*\s*\(|^\s*class\s+Test\w*|\bTestCase\b/m,
  script: /\b(?:it|test|describe)(?:\.(?:each|only|skip|concurrent)\b[^(]*)?\s*\(/,
  jvm: /@(?:Test|ParameterizedTest|RepeatedTest)\b|(?:\bextends\s+|:\s*)[\w.]*(?:Spec|Suite|TestCase)\b/,
  r: /^\s*(?:test_that|describe)\s*\(/m,
  julia: /^\s*@(?:test|testset)\b/m,
  rust: /#\[(?:tokio::)?test\]/,
  go: /^func\s+(?:Test|Benchmark|Fuzz)\w*\s*\(/m,
  swift: /:\s*XCTestCase\b|^\s*@(?:Test|Suite)\b/m,
  ruby: /^[ \t]*(?:it|specify|scenario|test)[ \t(]*["'{]|^[ \t]*it[ \t]+do\b|^[ \t]*def[ \t]+test_\w/m,
};

const BY_EXTENSION: Record<string, RegExp> = { java: DEFINES_TEST.jvm, scala: DEFINES_TEST.jvm, kt: DEFINES_TEST.jvm, r: DEFINES_TEST.r, jl: DEFINES_TEST.julia, rs: DEFINES_TEST.rust, go: DEFINES_TEST.go, swift: DEFINES_TEST.swift, rb: DEFINES_TEST.ruby };

function definesTest(path: string, text: string): boolean {
  if (!path.endsWith('.py')) {
    const extension = extensionOf(path);
    return (extension !== null && Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension]! : DEFINES_TEST.script).test(text);
  }
  return (path === 'test.py' || path.endsWith('/test.py') ? DEFINES_TEST.pytestNamed : DEFINES_TEST.python).test(text);
}

/** Config files that prove a framework is set up, whatever the dependencies say. */
const CONFIG_FILES: Array<{ name: RegExp; framework: string; section?: RegExp }> = [
  { name: /(^|\/)pytest\.ini$/, framework: 'pytest' },
  { name: /(^|\/)conftest\.py$/, framework: 'pytest' },
  { name: /(^|\/)pyproject\.toml$/, framework: 'pytest', section: /^\[tool\.pytest\.ini_options\]/m },
  { name: /(^|\/)setup\.cfg$/, framework: 'pytest', section: /^\[tool:pytest\]/m },
  { name: /(^|\/)tox\.ini$/, framework: 'pytest', section: /^\[pytest\]/m },
  { name: /(^|\/)tox\.ini$/, framework: 'tox' },
  { name: /(^|\/)noxfile\.py$/, framework: 'nox' },
  { name: /(^|\/)\.coveragerc$/, framework: 'coverage' },
  { name: /(^|\/)jest\.config\.[cm]?[jt]s$/, framework: 'jest' },
  { name: /(^|\/)vitest\.config\.[cm]?[jt]s$/, framework: 'vitest' },
];

/** Whether a file name is a test's or a test runner's configuration: these patterns read the name alone. */
const NAMED_FOR_TESTS = byFileName((name) => TEST_FILE.test(name) || CONFIG_FILES.some((config) => config.name.test(name)));

/** Imports in test files that name the framework they are written for. */
const FRAMEWORK_IMPORTS: Array<[string, RegExp]> = [
  ['pytest', /^\s*(import|from)\s+pytest\b/m],
  ['unittest', /^\s*(import|from)\s+unittest\b/m],
  ['hypothesis', /^\s*(import|from)\s+hypothesis\b/m],
];

const JVM_SOURCE = /\.(?:java|kt)$/;
const SCRIPT_SOURCE = /\.[cm]?[jt]sx?$/;

/** Whether a test file has a test that can fail on the team's code, in the languages whose placeholders are known. */
function hasRealTest(path: string, text: string): boolean {
  if (path.endsWith('.py')) return hasRealPythonTest(text);
  if (JVM_SOURCE.test(path)) return hasRealJvmTest(text);
  return !SCRIPT_SOURCE.test(path) || hasRealScriptTest(text);
}

export const testsCollector = defineCollector({ key: 'tests', create: collectTests });

function collectTests(): Collector<TestFacts> {
  const files: string[] = [];
  const placeholders: string[] = [];
  const dataOnly: string[] = [];
  const frameworks = new Set<string>();
  const configs: Array<{ path: string; framework: string }> = [];

  return {
    wants: (path) => NAMED_FOR_TESTS(path) || placedTest(path),
    visit(file) {
      // Tests in examples, fixtures or vendored code test someone else's work.
      if (file.context !== 'project' && file.context !== 'test') return;
      for (const config of CONFIG_FILES) {
        if (config.name.test(file.path) && (!config.section || config.section.test(file.text))) {
          configs.push({ path: file.path, framework: config.framework });
          frameworks.add(config.framework);
        }
      }
      const python = file.path.endsWith('.py');
      if (!(TEST_FILE.test(file.path) || placedTest(file.path)) || !definesTest(file.path, file.text)) return;
      // unittest classes (`TestCase`) define tests in methods, judged like functions.
      if (!hasRealTest(file.path, file.text)) {
        placeholders.push(file.path);
        return;
      }
      if (python && testsOnlyData(file.text)) {
        dataOnly.push(file.path);
        return;
      }
      files.push(file.path);
      for (const [framework, pattern] of FRAMEWORK_IMPORTS) if (pattern.test(file.text)) frameworks.add(framework);
    },
    finish(index) {
      const sourceFiles = index.files.filter(
        (file) => file.path.endsWith('.py') && pathContext(file.path) === 'project' && !/(^|\/)(__init__|setup)\.py$/.test(file.path),
      );
      return {
        files,
        count: files.length,
        placeholders,
        dataOnly,
        frameworks: [...frameworks].sort(compareStrings),
        configs,
        sourceFiles: sourceFiles.length,
      };
    },
  };
}
