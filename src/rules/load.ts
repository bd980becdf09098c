import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Facts } from '../scan/facts.js';
import { compareStrings } from '../util/compare.js';
import { findCycle } from '../util/cycle.js';
import { InputError } from '../util/errors.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { didYouMean } from '../util/suggest.js';
import { inputErrorAt, parseYamlSource, type YamlSource } from '../util/yaml-source.js';
import { conditionMap, ruleQuestions } from './evaluate.js';
import type { AnswerPredicate, Category, ConditionDefinition, Expr, Question, Rule, RuleSet, SignalDefinition } from './types.js';

/** The built-in packs, one per category, in the order reports show the categories. */
export const BUILTIN_PACKS = ['data', 'mlops', 'monitoring', 'infrastructure', 'security', 'governance', 'team', 'roi'] as const;

/** Built-in packs validated and converted to JSON at build time (see scripts/cache-packs.mjs). */
export const BUILTIN_CACHE = join(PACKAGE_ROOT, 'dist', 'rules', 'builtin-packs.json');

interface BuiltinCache {
  packs: Record<string, { sha256: string; value: PackDocument }>;
}

/** Compiling the pack schema takes longer than a whole small audit, so it waits for a pack that needs it. */
let packValidator: Promise<(source: YamlSource) => void> | undefined;
function validatePack(source: YamlSource): Promise<void> {
  packValidator ??= (async () => {
    const { compileSchema, validateSource } = await import('../util/schema-errors.js');
    const validate = compileSchema(JSON.parse(await readFile(join(PACKAGE_ROOT, 'schemas', 'rule-pack.schema.json'), 'utf8')) as object);
    return (parsed: YamlSource) => validateSource(parsed, validate);
  })();
  return packValidator.then((validate) => validate(source));
}

/** The top-level keys of Facts, which `fact` predicates may start from. */
const FACT_ROOTS: ReadonlyArray<keyof Facts> = [
  'files', 'dependencies', 'notebooks', 'tests', 'ci', 'containers', 'kubernetes', 'iac', 'docs', 'secrets', 'code', 'git',
];

type Path = Array<string | number>;

interface RawQuestion extends Omit<Question, 'category' | 'choices' | 'source'> {
  category?: string;
  choices?: Array<string | { value: string; label: string }>;
}
interface RawRule extends Omit<Rule, 'category' | 'requires' | 'references' | 'source'> {
  category?: string;
  requires?: string[];
  references?: string[];
}
interface PackDocument {
  pack: string;
  category?: Category;
  questions?: RawQuestion[];
  signals?: Array<Omit<SignalDefinition, 'source'>>;
  conditions?: Array<Omit<ConditionDefinition, 'source'>>;
  rules: RawRule[];
}

/** A loaded pack. Its positions are parsed again only if an error must point into it. */
interface PackFile {
  file: string;
  text: string;
  pack: PackDocument;
  source(): YamlSource;
}

interface Located<T> {
  item: T;
  pack: PackFile;
  path: Path;
}

function errorAt(located: { pack: PackFile; path: Path }, path: Path, message: string, key = false): InputError {
  return inputErrorAt(located.pack.source(), path, message, key);
}

export interface LoadedRuleSet extends RuleSet {
  /** A digest of the packs' contents: it changes exactly when the rules do. */
  digest: string;
}

export function builtinPackFiles(): string[] {
  return BUILTIN_PACKS.map((name) => join(PACKAGE_ROOT, 'rules', `${name}.yaml`));
}

/** Expands `--rules` arguments: a file as is, a directory to its YAML and JSON files. */
async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const stats = await stat(path).catch(() => null);
    if (!stats) throw new InputError(`rule pack not found: ${path}`);
    if (stats.isDirectory()) {
      const names = (await readdir(path)).filter((name) => /\.(ya?ml|json)$/.test(name)).sort(compareStrings);
      if (names.length === 0) throw new InputError(`no rule packs (*.yaml, *.yml, *.json) in directory ${path}`);
      files.push(...names.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

function displayName(file: string): string {
  const fromPackage = relative(PACKAGE_ROOT, file);
  return fromPackage.startsWith('..') ? file : fromPackage;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function readCache(use: boolean): Promise<BuiltinCache | null> {
  if (!use) return null;
  return readFile(BUILTIN_CACHE, 'utf8').then(
    (text) => JSON.parse(text) as BuiltinCache,
    () => null,
  );
}

async function parsePack(file: string, cache: BuiltinCache | null): Promise<PackFile> {
  const name = displayName(file);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read rule pack: ${error.code ?? error.message}`, name);
  });
  let parsed: YamlSource | undefined;
  const source = () => (parsed ??= parseYamlSource(name, text));
  const cached = cache?.packs[name];
  // A cached pack is used only while its YAML is byte for byte the one that was validated.
  if (cached && cached.sha256 === sha256(text)) return { file: name, text, pack: cached.value, source };
  await validatePack(source());
  return { file: name, text, pack: source().value as PackDocument, source };
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


export async function loadRuleSet(extraPacks: readonly string[] = [], options: { cache?: boolean } = {}): Promise<LoadedRuleSet> {
  const cache = await readCache(options.cache ?? true);
  const extra = await expand(extraPacks.map((path) => resolve(path)));
  const parsed = await Promise.all([
    ...builtinPackFiles().map((file) => parsePack(file, cache)),
    ...extra.map((file) => parsePack(file, null)),
  ]);
  const digest = createHash('sha256');

  const categoryList: Array<Located<Category>> = [];
  const questionList: Array<Located<RawQuestion> & { fallback?: Category }> = [];
  const signalList: Array<Located<Omit<SignalDefinition, 'source'>>> = [];
  const conditionList: Array<Located<Omit<ConditionDefinition, 'source'>>> = [];
  const ruleList: Array<Located<RawRule> & { fallback?: Category }> = [];
  const packNames = new Map<string, string>();

  for (const file of parsed) {
    const { pack } = file;
    digest.update(`${file.file}\u0000${file.text}\u0000`);
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
    try {
      new RegExp(located.item.pattern);
    } catch (error) {
      throw errorAt(located, [...located.path, 'pattern'], `signal ${id}: invalid regular expression: ${(error as Error).message}`);
    }
    signals.set(id, { ...located.item, source: located.pack.file });
  }

  const conditionById = uniqueIds(conditionList, 'condition');
  const conditions = new Map([...conditionById].map(([id, located]) => [id, { ...located.item, source: located.pack.file }]));
  const known: KnownNames = { signals, conditions };

  const questions = new Map<string, Question>();
  for (const [id, located] of uniqueIds(questionList, 'question')) {
    const { item } = located;
    const category = categoryOf(located, 'question');
    if ((item.type === 'choice' || item.type === 'multi') && !item.choices) {
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
      checkReferences(suggestion.when, [...at, 'when'], located.pack, { scanOnly: 'a suggestion is made from the scan' }, known);
      if (!fitsQuestion(suggestion.value, question)) {
        throw errorAt(located, [...at, 'value'], `suggested value ${JSON.stringify(suggestion.value)} is not a valid answer to question ${id}, whose answer is ${expectedAnswer(question)}`);
      }
    });
    questions.set(id, question);
  }

  for (const located of conditionById.values()) checkReferences(located.item.when, [...located.path, 'when'], located.pack, questions, known);
  checkConditionCycles(conditionById);

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
    const exprs: Array<[Expr | undefined, Path]> = [
      [item.appliesWhen, [...path, 'appliesWhen']],
      [item.check.pass, [...path, 'check', 'pass']],
      [item.check.partial, [...path, 'check', 'partial']],
    ];
    for (const [expr, at] of exprs) if (expr) checkReferences(expr, at, located.pack, questions, known);
    (item.severityWhen ?? []).forEach((condition, i) => checkReferences(condition.when, [...path, 'severityWhen', i, 'when'], located.pack, questions, known));
    const reads = new Set(ruleQuestions(item as Rule, conditionMap({ conditions: [...conditions.values()] })));
    (item.conflicts ?? []).forEach((conflict, i) => {
      const at = [...path, 'conflicts', i];
      checkAnswerPredicate(conflict.answer, [...at, 'answer'], located.pack, questions);
      if (!reads.has(conflict.answer.id)) {
        throw errorAt(located, [...at, 'answer', 'id'], `rule ${item.id} does not read question ${conflict.answer.id}, so no answer to it can conflict with its evidence`);
      }
      checkReferences(conflict.evidence, [...at, 'evidence'], located.pack, { scanOnly: 'the evidence of a conflict comes from the repository' }, known);
    });
    rules.push({ ...item, category, requires: item.requires ?? [], references: item.references ?? [], source: located.pack.file });
  }
  checkNoCycles(rules, ruleIds);

  return {
    categories: [...categories.values()],
    rules,
    questions: [...questions.values()],
    signals: [...signals.values()],
    conditions: [...conditions.values()],
    sources: parsed.map((file) => file.file),
    digest: digest.digest('hex').slice(0, 12),
  };
}

/** The questions an expression may read, or, for one about the repository alone, why it may read none. */
type QuestionScope = Map<string, Question> | { scanOnly: string };

/** References inside a check must resolve, or the rule would silently never pass. */
interface KnownNames {
  signals: Map<string, SignalDefinition>;
  conditions: Map<string, ConditionDefinition>;
}

function checkReferences(expr: Expr, path: Path, pack: PackFile, questions: QuestionScope, known: KnownNames): void {
  const [key, arg] = Object.entries(expr)[0] as [string, unknown];
  const here = [...path, key];
  if (key === 'all' || key === 'any') {
    (arg as Expr[]).forEach((part, i) => checkReferences(part, [...here, i], pack, questions, known));
  } else if (key === 'not') {
    checkReferences(arg as Expr, here, pack, questions, known);
  } else if (key === 'condition') {
    if (!known.conditions.has(arg as string)) {
      throw errorAt({ pack, path }, here, `unknown condition "${String(arg)}"${didYouMean(String(arg), known.conditions.keys())}`);
    }
    const read = questions instanceof Map ? null : questionThrough(arg as string, known.conditions);
    if (read !== null) throw errorAt({ pack, path }, here, `${(questions as { scanOnly: string }).scanOnly}: it cannot read answers (condition ${String(arg)} reads question ${read})`);
  } else if (key === 'answer') {
    if (!(questions instanceof Map)) throw errorAt({ pack, path }, here, `${questions.scanOnly}: it cannot read answers (question ${(arg as AnswerPredicate).id})`, true);
    checkAnswerPredicate(arg as AnswerPredicate, here, pack, questions);
  } else if (key === 'signal') {
    const ids = typeof arg === 'string' ? [arg] : Array.isArray(arg) ? arg : [(arg as { ids: string | string[] }).ids].flat();
    for (const id of ids as string[]) {
      if (!known.signals.has(id)) throw errorAt({ pack, path }, here, `unknown signal "${id}"${didYouMean(id, known.signals.keys())}`);
    }
  } else if (key === 'fact') {
    const root = (arg as { path: string }).path.split('.')[0]!;
    if (!FACT_ROOTS.includes(root as keyof Facts)) {
      throw errorAt({ pack, path }, [...here, 'path'], `unknown fact "${root}"${didYouMean(root, FACT_ROOTS)}; facts start with one of: ${FACT_ROOTS.join(', ')}`);
    }
  }
}

/** The first question a named condition reads, directly or through the conditions it names (each visited once). */
function questionThrough(id: string, conditions: Map<string, ConditionDefinition>, seen = new Set<string>()): string | null {
  if (seen.has(id)) return null;
  seen.add(id);
  const walk = (expr: Expr | undefined): string | null => {
    if (!expr) return null;
    const [key, arg] = Object.entries(expr)[0] as [string, unknown];
    if (key === 'answer') return (arg as AnswerPredicate).id;
    if (key === 'condition') return questionThrough(arg as string, conditions, seen);
    if (key === 'not') return walk(arg as Expr);
    if (key === 'all' || key === 'any') return (arg as Expr[]).map(walk).find((found) => found !== null) ?? null;
    return null;
  };
  return walk(conditions.get(id)?.when);
}

function checkAnswerPredicate(arg: AnswerPredicate, path: Path, pack: PackFile, questions: Map<string, Question>): void {
  const question = questions.get(arg.id);
  if (!question) throw errorAt({ pack, path }, [...path, 'id'], `unknown question "${arg.id}"${didYouMean(arg.id, questions.keys())}`);
  const values = [arg.equals, ...(arg.in ?? []), ...[arg.includes ?? []].flat()].filter((v) => v !== undefined);
  for (const value of values) {
    if (!fitsValue(value, question)) {
      throw errorAt({ pack, path }, path, `${JSON.stringify(value)} can never match question ${arg.id}, whose answer is ${expectedAnswer(question)}`);
    }
  }
  if ((arg.gte !== undefined || arg.lte !== undefined) && question.type !== 'number') {
    throw errorAt({ pack, path }, path, `gte/lte compare numbers, but question ${arg.id} is a ${question.type}`);
  }
}

/** One value a question's answer can hold: a list item for `multi` questions. */
function fitsValue(value: unknown, question: Question): boolean {
  const choices = question.choices?.map((choice) => choice.value);
  if (question.type === 'boolean') return typeof value === 'boolean';
  if (question.type === 'number') return typeof value === 'number';
  return choices ? choices.includes(String(value)) : typeof value === 'string';
}

/** A whole answer: a list of choices for `multi`, a number within its bounds, and so on. */
function fitsQuestion(value: unknown, question: Question): boolean {
  if (question.type === 'multi') return Array.isArray(value) && value.every((item) => fitsValue(item, question));
  if (Array.isArray(value) || !fitsValue(value, question)) return false;
  return typeof value !== 'number' || ((question.min === undefined || value >= question.min) && (question.max === undefined || value <= question.max));
}

function expectedAnswer(question: Question): string {
  const choices = question.choices?.map((choice) => choice.value);
  return choices ? `${question.type === 'multi' ? 'a list of' : 'one of'} ${choices.join(', ')}` : `a ${question.type}`;
}

/** The names of the conditions an expression uses directly. */
function conditionsUsed(expr: Expr, into: string[] = []): string[] {
  const [key, arg] = Object.entries(expr)[0] as [string, unknown];
  if (key === 'all' || key === 'any') for (const part of arg as Expr[]) conditionsUsed(part, into);
  else if (key === 'not') conditionsUsed(arg as Expr, into);
  else if (key === 'condition') into.push(arg as string);
  return into;
}

/** A condition that uses itself, directly or through others, could never be evaluated. */
function checkConditionCycles(conditions: Map<string, Located<Omit<ConditionDefinition, 'source'>>>): void {
  const cycle = findCycle(conditions.keys(), (id) => conditionsUsed(conditions.get(id)!.item.when));
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
