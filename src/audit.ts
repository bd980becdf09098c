import { NO_ANSWERS } from './answers/types.js';
import { loadBusinessData } from './business/data.js';
import { applyRuleSettings, layeredGates } from './config/apply.js';
import type { Profile } from './config/profiles.js';
import { loadSettings } from './config/settings.js';
import type { Config, Gates, Layer, Source } from './config/types.js';
import { applyWaivers } from './config/waivers.js';
import { compareWithBaseline, type Baseline } from './gates/baseline.js';
import { evaluateGates } from './gates/gates.js';
import type { PluginRequest } from './plugins/load.js';
import { buildReport } from './report/build.js';
import type { Cover, Report } from './report/types.js';
import { evaluate } from './rules/evaluate.js';
import { guardRules } from './score/guards.js';
import { loadMlTestScoreModel } from './score/ml-test-score-model.js';
import type { Facts } from './scan/facts.js';
import { scan, type ScanOptions } from './scan/scan.js';
import { InputError } from './util/errors.js';
import { shownPath } from './util/shown-path.js';

export interface AuditOptions {
  /** The repository to audit, as the user named it. */
  path: string;
  answersFile?: string;
  /** A file of business assumptions replacing some of the defaults (data/business-assumptions.yaml). */
  assumptionsFile?: string;
  /** Extra rule pack files or directories. */
  rules?: readonly string[];
  /** Code plugins the auditor chose (`--plugin`, or an embedding program's); a configuration's come after them. */
  plugins?: readonly PluginRequest[];
  /** The audit date: the report's date and the reference for git activity windows. */
  now: Date;
  /** A configuration file; when absent, the nearest `.scale-audit.*` from the path upward; null for none. */
  config?: string | null;
  /** `--profile`: a profile's name or a profile file; it overrides the configuration's `profile:`. */
  profile?: string;
  /** Gates set on the command line, with the flag each came from; they override the configuration's. */
  gates?: { values: Gates; sources: Partial<Record<keyof Gates, Source>> };
  /** A baseline to compare with: the run then also fails on any regression from it. */
  baseline?: { file: string; baseline: Baseline };
  /** The cover set on the command line; each field overrides the configuration's. */
  cover?: Partial<Cover>;
  /** Told how the scan advances, for a progress display. */
  onProgress?: ScanOptions['onProgress'];
  /** Where files named above are shown relative to in the report; the process's working directory by default. */
  cwd?: string;
}

export interface AuditResult {
  report: Report;
  facts: Facts;
  config: Config;
}

/** A source naming a file, with the file as the report shows it; any other source as it is. */
function shownSource<S extends Source>(source: S, shown: (file: string) => string): S {
  return typeof source === 'object' && 'file' in source && typeof source.file === 'string' ? { ...source, file: shown(source.file) } : source;
}

const mapValues = <V,>(record: Record<string, V>, map: (value: V) => V) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));

/** A settings layer with every file it names as the report shows it; what it loads stays as it was. */
function layerWithShownFiles<T extends Layer>(layer: T, shown: (file: string) => string): T {
  const at = <S extends { source: Source }>(setting: S): S => ({ ...setting, source: shownSource(setting.source, shown) });
  return { ...layer, rules: mapValues(layer.rules, at), categories: mapValues(layer.categories, at), gateSources: mapValues(layer.gateSources, (source) => source && shownSource(source, shown)) };
}

/** A profile with every file it names as the report shows it. */
function profileWithShownFiles(profile: Profile, shown: (file: string) => string): Profile {
  return {
    ...profile,
    origin: profile.origin === 'built-in' ? profile.origin : { ...profile.origin, file: shown(profile.origin.file) },
    layers: profile.layers.map((layer) => layerWithShownFiles(layer, shown)),
    conditions: mapValues(profile.conditions, (condition) => ({ ...condition, source: shownSource(condition.source, shown) })),
  };
}

/** The configuration with every file it names as the report shows it. */
function configWithShownFiles(config: Config, shown: (file: string) => string): Config {
  return {
    ...layerWithShownFiles(config, shown),
    file: config.file === null ? null : shown(config.file),
    waivers: config.waivers.map((waiver) => ({ ...waiver, source: shownSource(waiver.source, shown) })),
  };
}

/**
 * The whole flow: configuration, profile and rules, answers, scan, evaluation, waivers, score, plan,
 * gates. Everything the user supplies is loaded and checked before the (slower) scan, so a typo fails fast.
 */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  // Files the auditor named are shown relative to the working directory or the audited repository, never absolute.
  const shown = (file: string) => shownPath(file, { cwd: options.cwd ?? process.cwd(), anchors: [options.path] });
  const settings = await loadSettings(options);
  const { ruleSet: baseRules } = settings;
  const config = configWithShownFiles(settings.config, shown);
  const layers = settings.layers.map((layer) => (layer === settings.config ? config : layerWithShownFiles(layer, shown)));
  const profile = settings.profile && profileWithShownFiles(settings.profile, shown);
  const gates = layeredGates([...layers, { gates: options.gates?.values ?? {}, gateSources: options.gates?.sources ?? {} }]);
  for (const id of Object.keys(gates.values.failUnderCategory ?? {})) {
    if (!baseRules.categories.some((category) => category.id === id)) {
      throw new InputError(`--fail-under-category: unknown category "${id}"; categories: ${baseRules.categories.map((category) => category.id).join(', ')}`);
    }
  }
  const ruleSet = applyRuleSettings(baseRules, layers, profile?.conditions);

  // The answers loader brings the validation library: load it only for an answers file.
  const loadedAnswers = options.answersFile ? await (await import('./answers/load.js')).loadAnswers(options.answersFile, ruleSet.questions) : NO_ANSWERS;
  const answers = { ...loadedAnswers, path: loadedAnswers.path === null ? null : shown(loadedAnswers.path) };
  const businessData = await loadBusinessData(options.assumptionsFile);
  const facts = await scan(options.path, { signals: ruleSet.signals, collectors: ruleSet.collectors, now: options.now, onProgress: options.onProgress });
  const waived = applyWaivers(evaluate(ruleSet, facts, answers), config.waivers, options.now);
  const mlTestScoreModel = await loadMlTestScoreModel();
  const report = buildReport({
    targetPath: shown(options.path),
    facts,
    ruleSet,
    answers,
    findings: waived.findings,
    guards: await guardRules(ruleSet, options.now),
    mlTestScoreModel,
    businessData,
    generatedAt: options.now,
    cover: {
      title: options.cover?.title ?? config.report.title ?? null,
      client: options.cover?.client ?? config.report.client ?? null,
      author: options.cover?.author ?? config.report.author ?? null,
    },
    profile,
    config: { file: config.file, expiredWaivers: waived.expired, unusedWaivers: waived.unused },
  });
  const baseline = options.baseline ? { file: shown(options.baseline.file), ...compareWithBaseline(report, options.baseline.baseline) } : null;
  const gateResults = evaluateGates(report, gates.values, gates.sources);
  if (baseline) {
    gateResults.push({
      gate: '--baseline',
      passed: baseline.regressions.length === 0,
      message: baseline.regressions.length === 0 ? 'no regression from the baseline' : `${baseline.regressions.length} regression${baseline.regressions.length === 1 ? '' : 's'} from the baseline: ${baseline.regressions.join('; ')}`,
      source: baseline.file,
    });
  }
  const ruleset = { ...report.ruleset, packs: report.ruleset.packs.map(shown) };
  return { report: { ...report, ruleset, gates: gateResults, baseline }, facts, config: settings.config };
}
