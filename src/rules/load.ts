import { globProblem, rememberExtglobs } from '../util/glob.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ANSWER_TYPES, expectedAnswer, fitsQuestion, fitsValue } from '../answers/answer-types.js';
import type { LoadedPlugin } from '../plugins/plugin.js';
import { CODE_GLOBS, isCodeGlob } from '../scan/collectors/code/languages.js';
import { BUILTIN_COLLECTORS } from '../scan/collectors/index.js';
import type { SignalScope } from '../scan/collector.js';
import { factRoots } from '../scan/facts.js';
import { compareStrings } from '../util/compare.js';
import { findCycle } from '../util/cycle.js';
import { compileLinear } from '../util/linear-regex.js';
import { InputError } from '../util/errors.js';
import { rememberAutomaton } from '../util/aho-corasick.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { rememberAlternatives, rememberLeadingLiterals, rememberLiterals, type RecordedAlternatives } from '../util/regex-literals.js';
import { DOCUMENT_BYTES, readBounded } from '../util/read-bounded.js';
import { didYouMean } from '../util/suggest.js';
import { inputErrorAt, parseYamlSource, type YamlSource } from '../util/yaml-source.js';
import { checkKindsWith, type CheckKinds } from './checks/index.js';
import { ruleQuestions } from './evaluate.js';
import type { Place } from './expr.js';
import { isPackFile } from './pack-files.js';
import { checkReferences, conditionsUsed, type KnownNames, type Refuse } from './references.js';
import { conditionMap } from './scope.js';
import type { Category, ConditionDefinition, Expr, Question, Rule, RuleSet, SignalDefinition } from './types.js';

/** The built-in packs, one per category, in the order reports show the categories. */
export const BUILTIN_PACKS = ['data', 'mlops', 'monitoring', 'infrastructure', 'security', 'governance', 'team', 'roi'] as const;

/** Built-in packs validated and converted to JSON at build time (see scripts/cache-packs.mjs). */
export const BUILTIN_CACHE = join(PACKAGE_ROOT, 'dist', 'rules', 'builtin-packs.json');

/** The built-in signals' literal automaton, stored by the same build step. */
export const BUILTIN_AUTOMATON = join(PACKAGE_ROOT, 'dist', 'rules', 'builtin-automaton.bin');

interface BuiltinCache {
  packs: Record<string, { sha256: string; value: PackDocument }>;
  /** The built-in rule set's guards, and the digest of the packs they were found for. */
  guards: { digest: string; rules: string[] };
  /** `requiredLiterals` of each built-in signal's pattern, by pattern. */
  literals: Record<string, string[] | null>;
  /** `literalAlternatives` of each built-in signal's pattern, by pattern. */
  alternatives: Record<string, RecordedAlternatives | null>;
  /** `leadingLiterals` of each CI command pattern, by pattern. */
  starts: Record<string, string[] | null>;
  /** The regular expressions of the packs' extended globs, by glob (`recordedExtglobs`). */
  extglobs: Record<string, { source: string; flags: string }>;
}

/**
 * Compiling the pack schema takes longer than a whole small audit, so it waits for a pack that needs
 * it; it is compiled once for each set of check kinds (the built-in set, or a run's with plugins).
 */
const packValidators = new WeakMap<CheckKinds, Promise<(source: YamlSource) => void>>();
function validatePack(source: YamlSource, checks: CheckKinds): Promise<void> {
  let validator = packValidators.get(checks);
  if (!validator) {
    validator = (async () => {
      const [{ compileSchema, validateSource }, { rulePackSchema }] = await Promise.all([import('../util/schema-errors.js'), import('./pack-schema.js')]);
      const validate = compileSchema(rulePackSchema(checks));
      return (parsed: YamlSource) => validateSource(parsed, validate);
    })();
    packValidators.set(checks, validator);
  }
  return validator.then((validate) => validate(source));
}

interface RawQuestion extends Omit<Question, 'category' | 'choices' | 'source'> {
  category?: string;
  choices?: Array<string | { value: string; label: string }>;
}
interface RawRule extends Omit<Rule, 'category' | 'requires' | 'references' | 'source'> {
  category?: string;
  requires?: string[];
  references?: string[];
}
interface RawSignal extends Omit<SignalDefinition, 'match' | 'builtin' | 'source'> {
  match?: SignalScope;
}
interface PackDocument {
  pack: string;
  category?: Category;
  questions?: RawQuestion[];
  signals?: RawSignal[];
  conditions?: Array<Omit<ConditionDefinition, 'source'>>;
  rules: RawRule[];
}

/** A loaded pack. Its positions are parsed again only if an error must point into it. */
interface PackFile {
  file: string;
  /** The file as read: hashed as it is, decoded only when the pack is parsed. */
  bytes: Buffer;
  pack: PackDocument;
  /** From the build cache: checked in full, schema and references, when the cache was built. */
  cached: boolean;
  /** One of the packs that ship with the tool: its patterns run in JavaScript's engine, proven linear by test. */
  builtin: boolean;
  source(): YamlSource;
}

interface Located<T> {
  item: T;
  pack: PackFile;
  path: Place;
}

function errorAt(located: { pack: PackFile; path: Place }, path: Place, message: string, key = false): InputError {
  return inputErrorAt(located.pack.source(), path, message, key);
}

function refuseIn(pack: PackFile): Refuse {
  return (place, message, key) => {
    throw inputErrorAt(pack.source(), place, message, key);
  };
}

export interface LoadedRuleSet extends RuleSet {
  /** A digest of the packs' contents: it changes exactly when the rules do. */
  digest: string;
}

export function builtinPackFiles(): string[] {
  return BUILTIN_PACKS.map((name) => join(PACKAGE_ROOT, 'rules', `${name}.yaml`));
}

/** Expands `--rules` arguments: a file as is, a directory to its YAML and JSON files (not the packs' tests). */
export async function packFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const stats = await stat(path).catch(() => null);
    if (!stats) throw new InputError(`rule pack not found: ${path}`);
    if (stats.isDirectory()) {
      const names = (await readdir(path)).filter(isPackFile).sort(compareStrings);
      if (names.length === 0) throw new InputError(`no rule packs (*.yaml, *.yml, *.json) in directory ${path}`);
      files.push(...names.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/** How a pack file is named in errors, rules' `source` and the report: within the package, or as given. */
export function packName(file: string): string {
  const fromPackage = relative(PACKAGE_ROOT, file);
  return fromPackage.startsWith('..') ? file : fromPackage;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The build's files, read at once: two files of the package, which a read each takes sooner than the thread pool. */
function readCache(use: boolean): BuiltinCache | null {
  if (!use) return null;
  // The automaton serves a scan only for exactly the literals it was built from; without it, the scan builds one.
  const automaton = readIfPresent(() => readFileSync(BUILTIN_AUTOMATON));
  if (automaton) rememberAutomaton(automaton);
  const text = readIfPresent(() => readFileSync(BUILTIN_CACHE, 'utf8'));
  return text === null ? null : (JSON.parse(text) as BuiltinCache);
}

/** What `read` reads, or null when it cannot be read: the build's files are only ever a shortcut. */
function readIfPresent<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

async function parsePack(file: string, cache: BuiltinCache | null, checks: CheckKinds, builtin: boolean): Promise<PackFile> {
  const name = packName(file);
  const bytes = await readBounded(file, { what: 'rule pack', maxBytes: DOCUMENT_BYTES }, name);
  let parsed: YamlSource | undefined;
  const source = () => (parsed ??= parseYamlSource(name, bytes.toString('utf8')));
  const cached = cache?.packs[name];
  // A cached pack is used only while its YAML is byte for byte the one that was validated.
  if (cached && cached.sha256 === sha256(bytes)) return { file: name, bytes, pack: cached.value, cached: true, builtin, source };
  await validatePack(source(), checks);
  return { file: name, bytes, pack: source().value as PackDocument, cached: false, builtin, source };
}

/**
 * A digest of the packs, names and bytes. The built-in packs alone, each byte for byte the one the
 * build validated (its SHA-256 checked by `parsePack`), are the packs the build found the digest of:
 * that one is used, rather than hashing the same bytes a second time.
 */
function digestOf(parsed: readonly PackFile[], cache: BuiltinCache | null): string {
  if (cache && parsed.every((file) => file.cached)) return cache.guards.digest;
  const digest = createHash('sha256');
  for (const file of parsed) digest.update(`${file.file}\u0000`).update(file.bytes).update('\u0000');
  return digest.digest('hex').slice(0, 12);
}

function uniqueIds<T extends { id: string }>(items: Array<Located<T>>, noun: string): Map<string, Located<T>> {
  const byId = new Map<string, Located<T>>();
  for (const located of items) {
    const previous = byId.get(located.item.id);
    if (previous) {
      throw errorAt(located, [...located.path, 'id'], `duplicate ${noun} id "${located.item.id}" (also defined in ${previous.pack.file})`);
    }
    byId.set(located.item.id, located);
  }
  return byId;
}


export interface LoadOptions {
  /** Use the build's cache of the built-in packs (default true). */
  cache?: boolean;
  /** Plugins that loaded: their packs are loaded, and may use their check kinds and facts. */
  plugins?: readonly LoadedPlugin[];
}

/** The built-in packs, then the plugins', then the extra ones (`--rules`, a configuration's `packs`). */
export async function loadRuleSet(extraPacks: readonly string[] = [], options: LoadOptions = {}): Promise<LoadedRuleSet> {
  const plugins = options.plugins ?? [];
  const checks = checkKindsWith(plugins.flatMap((plugin) => plugin.checks));
  const collectors = plugins.flatMap((plugin) => plugin.collectors);
  const cache = readCache(options.cache ?? true);
  if (cache) {
    rememberLiterals(cache.literals);
    rememberAlternatives(cache.alternatives);
    rememberLeadingLiterals(cache.starts);
    rememberExtglobs(cache.extglobs);
  }
  const extra = [...plugins.flatMap((plugin) => plugin.packs), ...(await packFiles(extraPacks.map((path) => resolve(path))))];
  const parsed = await Promise.all([
    ...builtinPackFiles().map((file) => parsePack(file, cache, checks, true)),
    ...extra.map((file) => parsePack(file, null, checks, false)),
  ]);
  const categoryList: Array<Located<Category>> = [];
  const questionList: Array<Located<RawQuestion> & { fallback?: Category }> = [];
  const signalList: Array<Located<RawSignal>> = [];
  const conditionList: Array<Located<Omit<ConditionDefinition, 'source'>>> = [];
  const ruleList: Array<Located<RawRule> & { fallback?: Category }> = [];
  const packNames = new Map<string, string>();

  for (const file of parsed) {
    const { pack } = file;
    const sameName = packNames.get(pack.pack);
    if (sameName) throw errorAt({ pack: file, path: [] }, ['pack'], `duplicate pack name "${pack.pack}" (also used by ${sameName})`);
    packNames.set(pack.pack, file.file);
    if (pack.category) categoryList.push({ item: pack.category, pack: file, path: ['category'] });
    pack.questions?.forEach((item, i) => questionList.push({ item, pack: file, path: ['questions', i], fallback: pack.category }));
    pack.signals?.forEach((item, i) => signalList.push({ item, pack: file, path: ['signals', i] }));
    pack.conditions?.forEach((item, i) => conditionList.push({ item, pack: file, path: ['conditions', i] }));
    pack.rules.forEach((item, i) => ruleList.push({ item, pack: file, path: ['rules', i], fallback: pack.category }));
  }

  const categories = new Map([...uniqueIds(categoryList, 'category')].map(([id, located]) => [id, located.item]));
  /** An item's own category, or else its pack's; it must be one some pack declares. */
  const categoryOf = (located: Located<{ id: string; category?: string }> & { fallback?: Category }, noun: string): string => {
    const id = located.item.category ?? located.fallback?.id;
    if (!id) throw errorAt(located, located.path, `${noun} ${located.item.id} needs a "category": its pack declares none`);
    if (!categories.has(id)) {
      throw errorAt(located, [...located.path, 'category'], `unknown category "${id}"${didYouMean(id, categories.keys())}`);
    }
    return id;
  };

  const signals = new Map<string, SignalDefinition>();
  for (const [id, located] of uniqueIds(signalList, 'signal')) {
    const signal: SignalDefinition = { ...located.item, match: located.item.match ?? 'text', builtin: located.pack.builtin, source: located.pack.file };
    // Like references, a cached pack's patterns and globs were checked by the build.
    if (!located.pack.cached) checkSignal(signal, (place, message) => errorAt(located, [...located.path, ...place], `signal ${id}: ${message}`));
    signals.set(id, signal);
  }

  const conditionById = uniqueIds(conditionList, 'condition');
  const conditions = new Map([...conditionById].map(([id, located]) => [id, { ...located.item, source: located.pack.file }]));
  // Filled in below: a suggestion is checked before the questions after it are read.
  const questions = new Map<string, Question>();
  // Whether a value fits a question is decided by zod (answer-types.ts), loaded only for a pack the
  // build did not check: an audit with the built-in packs alone does without it.
  const zod = parsed.every((file) => file.cached) ? null : (await import('zod')).z;
  const known: KnownNames = {
    checks,
    questions,
    signals,
    conditions: conditionMap({ conditions: [...conditions.values()] }),
    factRoots: factRoots([...BUILTIN_COLLECTORS, ...collectors]),
    fitsAnswer: (value, question) => fitsValue(zod!, value, question),
  };
  /** Checks the references of an expression in the pack, unless the build checked them. */
  const referencesIn =
    (pack: PackFile) =>
    (expr: Expr, place: Place, scanOnly?: string): void => {
      if (!pack.cached) checkReferences(expr, place, known, refuseIn(pack), scanOnly);
    };

  for (const [id, located] of uniqueIds(questionList, 'question')) {
    const { item } = located;
    const category = categoryOf(located, 'question');
    if (ANSWER_TYPES[item.type].hasChoices && !item.choices) {
      throw errorAt(located, located.path, `question ${id} of type ${item.type} needs "choices"`);
    }
    const { choices, ...rest } = item;
    const question: Question = {
      ...rest,
      category,
      ...(choices ? { choices: choices.map((choice) => (typeof choice === 'string' ? { value: choice, label: choice } : choice)) } : {}),
      source: located.pack.file,
    };
    (item.suggest ?? []).forEach((suggestion, i) => {
      const at = [...located.path, 'suggest', i];
      referencesIn(located.pack)(suggestion.when, [...at, 'when'], 'a suggestion is made from the scan');
      if (!located.pack.cached && !fitsQuestion(zod!, suggestion.value, question)) {
        throw errorAt(located, [...at, 'value'], `suggested value ${JSON.stringify(suggestion.value)} is not a valid answer to question ${id}, whose answer is ${expectedAnswer(question)}`);
      }
    });
    questions.set(id, question);
  }

  for (const located of conditionById.values()) referencesIn(located.pack)(located.item.when, [...located.path, 'when']);
  checkConditionCycles(conditionById, checks);

  const ruleIds = uniqueIds(ruleList, 'rule');
  const rules: Rule[] = [];
  for (const located of ruleList) {
    const { item, path } = located;
    const category = categoryOf(located, 'rule');
    (item.requires ?? []).forEach((required, i) => {
      if (!ruleIds.has(required) || required === item.id) {
        throw errorAt(located, [...path, 'requires', i], `rule ${item.id} requires unknown rule "${required}"${didYouMean(required, ruleIds.keys())}`);
      }
    });
    const references = referencesIn(located.pack);
    const exprs: Array<[Expr | undefined, Place]> = [
      [item.appliesWhen, [...path, 'appliesWhen']],
      [item.check.pass, [...path, 'check', 'pass']],
      [item.check.partial, [...path, 'check', 'partial']],
    ];
    for (const [expr, at] of exprs) if (expr) references(expr, at);
    (item.severityWhen ?? []).forEach((condition, i) => references(condition.when, [...path, 'severityWhen', i, 'when']));
    // Like references, what a conflict names was checked by the build for a cached pack.
    const reads = located.pack.cached || !item.conflicts ? null : new Set(ruleQuestions(item as Rule, known));
    (item.conflicts ?? []).forEach((conflict, i) => {
      const at = [...path, 'conflicts', i];
      references({ answer: conflict.answer }, at);
      if (reads && !reads.has(conflict.answer.id)) {
        throw errorAt(located, [...at, 'answer', 'id'], `rule ${item.id} does not read question ${conflict.answer.id}, so no answer to it can conflict with its evidence`);
      }
      references(conflict.evidence, [...at, 'evidence'], 'the evidence of a conflict comes from the repository');
    });
    rules.push({ ...item, category, requires: item.requires ?? [], references: item.references ?? [], source: located.pack.file });
  }
  checkNoCycles(rules, ruleIds);

  const ruleSetDigest = digestOf(parsed, cache);
  const recorded = extra.length === 0 && plugins.length === 0 && cache?.guards.digest === ruleSetDigest ? { recordedGuards: cache.guards.rules } : {};
  return {
    categories: [...categories.values()],
    rules,
    questions: [...questions.values()],
    signals: [...signals.values()],
    conditions: [...conditions.values()],
    sources: parsed.map((file) => file.file),
    checks,
    collectors,
    digest: ruleSetDigest,
    ...recorded,
  };
}

/**
 * A signal's pattern must compile: in JavaScript's engine for a built-in pack, with RE2 semantics
 * for any other (so that it runs in linear time on whatever a repository holds). A `code` signal
 * reads only files the scan reads as code. Its file globs must be globs: a pack is data, and a bad one
 * is the author's mistake, named at its line.
 */
function checkSignal(signal: SignalDefinition, refuse: (place: Place, message: string) => InputError): void {
  try {
    if (signal.builtin) new RegExp(signal.pattern);
    else compileLinear(signal.pattern);
  } catch (error) {
    throw refuse(['pattern'], `invalid regular expression: ${(error as Error).message}`);
  }
  signal.files.forEach((glob, i) => {
    const problem = globProblem(glob);
    if (problem) throw refuse(['files', i], `"${glob}" is not a valid glob: ${problem}`);
  });
  if (signal.match !== 'code') return;
  if (signal.notUnder) throw refuse(['notUnder'], 'notUnder reads YAML keys, which a signal with match: code never sees: only match: text takes it');
  signal.files.forEach((glob, i) => {
    if (!isCodeGlob(glob)) throw refuse(['files', i], `"${glob}" is not code: a signal with match: code reads ${CODE_GLOBS}; match: text reads any file`);
  });
}

/** A condition that uses itself, directly or through others, could never be evaluated. */
function checkConditionCycles(conditions: Map<string, Located<Omit<ConditionDefinition, 'source'>>>, checks: CheckKinds): void {
  const cycle = findCycle(conditions.keys(), (id) => conditionsUsed(conditions.get(id)!.item.when, checks));
  if (!cycle) return;
  const at = conditions.get(cycle[0]!)!;
  throw errorAt(at, [...at.path, 'when'], `conditions use each other in a cycle: ${cycle.join(' → ')}`);
}

function checkNoCycles(rules: readonly Rule[], located: Map<string, Located<RawRule>>): void {
  const requires = new Map(rules.map((rule) => [rule.id, rule.requires]));
  const cycle = findCycle(requires.keys(), (id) => requires.get(id) ?? []);
  if (!cycle) return;
  const at = located.get(cycle[0]!)!;
  throw errorAt(at, [...at.path, 'requires'], `rules require each other in a cycle: ${cycle.join(' → ')}`);
}
