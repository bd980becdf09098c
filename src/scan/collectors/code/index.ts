import { compareStrings } from '../../../util/compare.js';
import { defineCollector, type CodeSignal, type Collector, type CollectorOptions, type FileContent } from '../../collector.js';
import type { Location, PathContext } from '../../location.js';
import { redactSecrets } from '../../secret-patterns.js';
import { fileWeight } from '../secrets-verdict.js';
import { pythonImports } from './imports.js';
import { codeUnits, languageOf, languageOfPath, mayBeScript, scriptExtension, textUnits } from './languages.js';
import { SignalSet, type CompiledSignal, type SignalHits, type UnitMatch } from './signals.js';

export interface SignalMatch extends Location {
  context: PathContext;
  /** The matching line, trimmed, shortened and with secrets redacted. */
  snippet: string;
}

export interface SignalFacts {
  /** All matches, counted. */
  count: number;
  /** The first matches by path and line (capped), for evidence. */
  matches: SignalMatch[];
}

export interface CodeFacts {
  /** Top-level modules imported by Python code (modules and notebooks), with where. Capped per module. */
  imports: Record<string, { count: number; locations: Array<Location & { context: PathContext }> }>;
  /** Named code patterns declared by the rule packs (`signals:`), with where they matched. */
  signals: Record<string, SignalFacts>;
  filesScanned: number;
}

/**
 * Evidence needs a few places, not all of them; counts stay exact. The places are kept per kind of
 * file: its context, and whether it is a Python module, so that a check that reads only tests, or
 * only `*.py` (not notebooks), finds its own even where other files hold many more of the same.
 * Two kinds of each context, whatever names a repository invents: what is kept stays bounded.
 */
const MAX_LOCATIONS = 20;
const MAX_SNIPPET = 120;

/** `inCode`: the file is source code, where an unquoted value is an expression (see `redactSecrets`). */
function snippet(text: string, inCode: boolean): string {
  const trimmed = text.trim();
  return redactSecrets(trimmed.length > MAX_SNIPPET ? `${trimmed.slice(0, MAX_SNIPPET - 3)}...` : trimmed, inCode);
}

/** Where each signal or import was found, `count` of them in all and a few places of each kind. */
class Places<T extends { path: string; context: PathContext }> {
  readonly byKey = new Map<string, { count: number; locations: T[] }>();
  private readonly kept = new Map<string, number>();

  record(key: string, location: T): void {
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { count: 0, locations: [] }));
    entry.count += 1;
    const kind = `${key}\0${location.context}\0${location.path.endsWith('.py')}`;
    const kept = this.kept.get(kind) ?? 0;
    if (kept < MAX_LOCATIONS) {
      this.kept.set(kind, kept + 1);
      entry.locations.push(location);
    }
  }
}

export const codeCollector = defineCollector({ key: 'code', create: collectCode });

/**
 * Each list of signals compiled once per process: a process that scans again and again with the
 * same packs (the rule tester's cases, `init`, a library caller) compiles their regular expressions
 * and globs once. What a set remembers between scans (each file name's signals, each file type's
 * literal search) saves work and changes no result.
 */
const compiled = new WeakMap<readonly CodeSignal[], SignalSet>();

function signalSetOf(signals: readonly CodeSignal[]): SignalSet {
  let set = compiled.get(signals);
  if (!set) compiled.set(signals, (set = new SignalSet(signals)));
  return set;
}

function collectCode({ signals }: CollectorOptions): Collector<CodeFacts> {
  const set = signalSetOf(signals);
  // Asked when choosing what to read, kept for the visit: the scan visits a file right after asking
  // about it, so the last answer is the one a visit needs (a path asked about again is matched again).
  let selectedPath: string | undefined;
  let selected: readonly CompiledSignal[] = [];
  const signalsFor = (path: string) => {
    if (selectedPath !== path) {
      selected = set.matching(path);
      selectedPath = path;
    }
    return selected;
  };
  const imports = new Places<Location & { context: PathContext }>();
  const matches = new Places<SignalMatch>();
  let filesScanned = 0;

  return {
    // A script without an extension may be Python (SageMaker's `train`): its first line says so.
    wants: (path) => languageOfPath(path) === 'python' || mayBeScript(path) || signalsFor(path).length > 0,
    visit(file) {
      const language = languageOf(file);
      // A script without an extension is matched as the file it is: `train` as `train.py`.
      const applicable = language && mayBeScript(file.path) ? set.matching(file.path + scriptExtension(language)) : signalsFor(file.path);
      if (language === null && applicable.length === 0) return;
      filesScanned += 1;
      const { code, text } = set.split(applicable);
      const found: Array<UnitMatch & { cell?: number }> = [];
      // The code and the text signals read the same sources (the file, or each cell of a notebook):
      // one pass of the literal search over each serves both.
      let last: { source: string; hits: SignalHits | null } | undefined;
      const hits = (source: string) => (last?.source === source ? last : (last = { source, hits: set.hits(source, language === null ? text : applicable) })).hits;
      if (language !== null && (code.length > 0 || language === 'python')) {
        for (const unit of codeUnits(file, language)) {
          const cell = unit.cell === undefined ? {} : { cell: unit.cell };
          if (language === 'python') {
            for (const { module, line } of pythonImports(unit)) imports.record(module, { path: file.path, line, ...cell, context: file.context });
          }
          found.push(...set.matchCode(unit, code, hits(unit.source)).map((match) => ({ ...match, ...cell })));
        }
      }
      if (text.length > 0) {
        for (const unit of textUnits(file)) found.push(...set.matchText(unit, file.path, text, hits(unit.source)).map((match) => ({ ...match, ...(unit.cell === undefined ? {} : { cell: unit.cell }) })));
      }
      found.sort((a, b) => (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line || a.signal.order - b.signal.order);
      const inCode = found.length > 0 && fileWeight(file.path) === 'code';
      for (const match of found) {
        matches.record(match.signal.id, { path: file.path, line: match.line, ...(match.cell === undefined ? {} : { cell: match.cell }), context: file.context, snippet: snippet(match.text, inCode) });
      }
    },
    finish() {
      const sortedKeys = <T>(map: Map<string, T>) => [...map.keys()].sort(compareStrings);
      return {
        imports: Object.fromEntries(sortedKeys(imports.byKey).map((module) => [module, imports.byKey.get(module)!])),
        signals: Object.fromEntries(
          [...new Set(set.signals.map((signal) => signal.id))].sort(compareStrings).map((id) => {
            const entry = matches.byKey.get(id);
            return [id, { count: entry?.count ?? 0, matches: entry?.locations ?? [] }];
          }),
        ),
        filesScanned,
      };
    },
  };
}
