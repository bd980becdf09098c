import { byFileName } from '../util/repo-path.js';
import type { PathContext } from './location.js';

/*
 * Which part of a project a path belongs to. Examples, fixtures, vendored code and documentation
 * show what *someone* does, not what this team does in production, so rules count them only
 * when they ask for them. The first matching rule wins, most specific first.
 */
const DIRECTORY_CONTEXTS: Array<[PathContext, ReadonlySet<string>]> = [
  ['fixture', new Set(['fixtures', 'fixture', '__fixtures__', 'testdata', 'test_data', 'test-data', '__snapshots__', 'cassettes'])],
  ['vendor', new Set(['vendor', 'vendored', 'third_party', 'third-party', 'thirdparty', 'external', 'extern', 'site-packages'])],
  /*
   * Code the team has set aside: it no longer runs, so its pipelines, tests and serving are no
   * practice of the project's. Not `backup/` (a team's backup scripts are its own) nor `unused/`.
   */
  ['archive', new Set(['archive', 'archived', '_archive', 'old', 'deprecated', 'legacy', 'obsolete', 'attic'])],
  // Not `recipes/`: in ML it holds the team's own training set-ups (alignment-handbook's configurations, torchtune's scripts, ESPnet's).
  ['example', new Set(['examples', 'example', 'samples', 'sample', 'demo', 'demos', 'tutorials', 'tutorial', 'cookbook'])],
  ['test', new Set(['tests', 'test', 'testing', '__tests__', 'spec', 'specs', 'e2e', 'integration_tests', 'unit_tests'])],
  ['docs', new Set(['docs', 'doc', 'documentation', 'site-docs'])],
];

/**
 * Test files by name. `test_time_augmentation.py` is no test: test-time augmentation (or
 * adaptation) is model code that runs at inference, as in detectron2's `modeling/`.
 */
const TEST_FILE = /(^test_(?!time_(augment|adapt)).*\.py$)|(_tests?\.py$)|(^tests\.py$)|(^conftest\.py$)|(\.(test|spec)\.[cm]?[jt]sx?$)/;

/**
 * Another tool's own manifests, written into the repository by that tool: `flux bootstrap` commits
 * Flux's controllers (Deployments, Services, their scrape annotations) as gotk-components.yaml.
 * They describe the tool, not the project's workload.
 */
const TOOL_GENERATED_FILE = /^gotk-components\.ya?ml$/;

/** The context a file's own name gives it, where no directory of its path gives one. */
const contextByName = byFileName((name): PathContext => (TOOL_GENERATED_FILE.test(name) ? 'vendor' : TEST_FILE.test(name) ? 'test' : 'project'));

/**
 * A directory's context (by the rank of the first matching rule; NO_RULE for none) depends only
 * on the directory, and a tree has a few files per directory: each is classified once.
 */
const directoryMemo = new Map<string, number>();
const MEMO_LIMIT = 200_000;
const NO_RULE = DIRECTORY_CONTEXTS.length;

/** The last path asked for and its context: the scan's collectors ask about each path in turn, most often the same string. */
let lastPath: string | undefined;
let lastContext: PathContext = 'project';

/**
 * The directory of the last path classified, and its rank: the scan goes through a directory's
 * files one after another, and a path in the same directory is told by its start, without cutting
 * out and looking up its directory.
 */
let lastDirectory = '';
let lastRank = NO_RULE;

/**
 * A path's context. Not memoised by path: a tree repeats its directories and its file names, each
 * classified once, and a memo of every path cost a hash of each whole path and ~36 bytes a file.
 */
export function pathContext(path: string): PathContext {
  if (path !== lastPath) {
    lastContext = classify(path);
    lastPath = path;
  }
  return lastContext;
}

function classify(path: string): PathContext {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return contextByName(path);
  if (slash !== lastDirectory.length || !path.startsWith(lastDirectory)) {
    lastDirectory = path.slice(0, slash);
    lastRank = directoryRank(lastDirectory);
  }
  return lastRank < NO_RULE ? DIRECTORY_CONTEXTS[lastRank]![0] : contextByName(path);
}

/**
 * Below a JVM source root the directories are a package's name (`com/microsoft/openai/samples/rag`,
 * `org/acme/demo/api`): a `samples` or `test` there names the code's owner or topic, not a kind of
 * folder. The root itself (`src/test/java`) still says what its files are.
 */
const IN_JVM_PACKAGE = /(?:^|\/)src\/[\w-]+\/(?:java|kotlin|scala)\//;

/** A folder of example applications or projects, as Swift and mobile repositories name them: `ExampleApps`, `SampleCode`, `demo-apps`. */
const EXAMPLE_APPS = /^(?:examples?|samples?|demos?)[-_]?(?:apps?|applications?|projects?|code)$/;
const EXAMPLE_RANK = DIRECTORY_CONTEXTS.findIndex(([context]) => context === 'example');

/** The rank of the first rule matching any directory of the path: its parent's, or its own name's when that comes first. */
function directoryRank(directory: string): number {
  let rank = directoryMemo.get(directory);
  if (rank === undefined) {
    const slash = directory.lastIndexOf('/');
    const name = directory.slice(slash + 1).toLowerCase();
    const own = IN_JVM_PACKAGE.test(directory) ? -1 : EXAMPLE_APPS.test(name) ? EXAMPLE_RANK : DIRECTORY_CONTEXTS.findIndex(([, names]) => names.has(name));
    rank = Math.min(slash < 0 ? NO_RULE : directoryRank(directory.slice(0, slash)), own < 0 ? NO_RULE : own);
    if (directoryMemo.size >= MEMO_LIMIT) directoryMemo.clear();
    directoryMemo.set(directory, rank);
  }
  return rank;
}
