import { access, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadPlugins, type PluginRequest } from '../plugins/load.js';
import { isTestsFile, packOf, testsFileOf } from '../rules/pack-files.js';
import { builtinPackFiles, loadRuleSet, packFiles, packName } from '../rules/load.js';
import { InputError } from '../util/errors.js';
import { RuleTester, evidenceText } from './rule-tester.js';
import { loadTestsFile } from './tests-file.js';

export interface CaseResult {
  ruleId: string;
  name: string;
  /** The status the case expects. */
  status: string;
  file: string;
  line: number;
  /** How the finding differs from the case; empty when it passed. */
  differences: string[];
  /** The finding's evidence, one item a line, to show beside a failure. */
  evidence: string;
}

export interface PackResult {
  /** The pack, named as its rules' `source`. */
  pack: string;
  /** Its tests file, or null when it has none. */
  tests: string | null;
  cases: CaseResult[];
  /** Each rule with outcomes no case shows, and which. */
  uncovered: Array<{ ruleId: string; missing: string[] }>;
}

export interface PackTestsOptions {
  /** Packs, tests files, directories of packs, or plugin directories (those holding a package.json). */
  paths: readonly string[];
  /** Other packs the tested ones need (`--rules`). */
  rules?: readonly string[];
  /** Plugins the tested packs use (`--plugin`). */
  plugins?: readonly PluginRequest[];
}

const exists = (path: string) => access(path).then(() => true, () => false);

/** What each path names: packs to test, or a plugin whose packs to test once it is loaded. */
async function targetsOf(paths: readonly string[]): Promise<{ packs: string[]; pluginDirs: string[] }> {
  const packs: string[] = [];
  const pluginDirs: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const stats = await stat(path).catch(() => null);
    if (!stats) throw new InputError(`no such pack, tests file or directory: ${given}`);
    if (stats.isDirectory() && (await exists(join(path, 'package.json')))) pluginDirs.push(path);
    else if (stats.isDirectory()) packs.push(...(await packFiles([path])));
    else packs.push(isTestsFile(path) ? packOf(path) : path);
  }
  return { packs, pluginDirs };
}

/**
 * Runs the cases beside each pack the paths name (a plugin's packs, for a plugin directory), with the
 * built-in packs, the given ones and the plugins loaded, and measures which outcomes of each of the
 * tested packs' rules no case shows.
 */
export async function runPackTests(options: PackTestsOptions): Promise<PackResult[]> {
  const { packs, pluginDirs } = await targetsOf(options.paths);
  const requests = [...(options.plugins ?? []), ...pluginDirs.map((dir) => ({ spec: dir, from: dir }))];
  const plugins = await loadPlugins(requests);
  const tested = plugins.slice(plugins.length - pluginDirs.length).flatMap((plugin) => plugin.packs);
  const builtin = new Set(builtinPackFiles());
  const loadedAlready = new Set([...builtin, ...plugins.flatMap((plugin) => plugin.packs)]);
  const ruleSet = await loadRuleSet([...(options.rules ?? []), ...new Set(packs.filter((pack) => !loadedAlready.has(pack)))], { plugins });
  const tester = RuleTester.of(ruleSet);

  const results: PackResult[] = [];
  for (const pack of [...new Set([...tested, ...packs])]) {
    const rules = ruleSet.rules.filter((rule) => rule.source === packName(pack));
    const testsFile = testsFileOf(pack);
    const hasTests = await exists(testsFile);
    const cases = hasTests ? await loadTestsFile(testsFile, rules, tester) : [];
    const caseResults: CaseResult[] = [];
    for (const located of cases) {
      const { finding, differences } = await tester.check(located.ruleId, located.testCase);
      caseResults.push({ ruleId: located.ruleId, name: located.testCase.name, status: located.testCase.status, file: located.file, line: located.line, differences, evidence: evidenceText(finding) });
    }
    const uncovered = rules
      .map((rule) => ({ ruleId: rule.id, missing: tester.uncovered(rule.id, cases.filter((located) => located.ruleId === rule.id).map((located) => located.testCase)) }))
      .filter((rule) => rule.missing.length > 0);
    results.push({ pack: packName(pack), tests: hasTests ? testsFile : null, cases: caseResults, uncovered });
  }
  return results;
}
