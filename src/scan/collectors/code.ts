import { compareStrings } from '../../util/compare.js';
import { GlobSet } from '../../util/glob.js';
import { LiteralSearch } from '../../util/aho-corasick.js';
import { requiredLiterals } from '../../util/regex-literals.js';
import { defineCollector, type CodeSignal, type Collector, type CollectorOptions, type FileContent } from '../collector.js';
import type { Location, PathContext } from '../location.js';
import { redactSecrets } from '../secret-patterns.js';

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

/** Evidence needs a few places, not all of them; counts stay exact. */
const MAX_LOCATIONS = 20;
const MAX_SNIPPET = 120;
const MAX_LINE_LENGTH = 2_000;

const IMPORT = /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/;
const FROM_IMPORT = /^\s*from\s+([\w][\w.]*)\s+import\b/;
/**
 * A comment line is an intention, not a practice: `# mlflow.log_param(...)` proves nothing. What
 * starts a comment depends on the language; in prose (Markdown) a `#` starts a heading, which
 * signals may need to match.
 */
const HASH_COMMENT = /^\s*#/;
const SLASH_COMMENT = /^\s*(\/\/|\/\*|\*)/;
const NO_COMMENT = /$^/;

function commentPattern(path: string): RegExp {
  if (/\.(md|markdown|rst|txt)$/i.test(path)) return NO_COMMENT;
  if (/\.([cm]?[jt]sx?|java|kt|scala|go|rs|c|cc|cpp|h|hpp|cs|swift|groovy|gradle)$|(^|\/)Jenkinsfile[^/]*$/i.test(path)) return SLASH_COMMENT;
  return HASH_COMMENT;
}

interface Line {
  text: string;
  line: number;
  cell?: number;
}

/** The lines of code in a file: every line of a module, only code cells of a notebook (never outputs). */
function codeLines(file: FileContent): Line[] {
  const notebook = file.notebook();
  if (notebook) {
    return notebook.codeCells.flatMap((cell) => cell.source.split(/\r?\n/).map((text, i) => ({ text, line: i + 1, cell: cell.index })));
  }
  if (file.path.endsWith('.ipynb')) return [];
  return file.lines().map((text, i) => ({ text, line: i + 1 }));
}

function importedModules(text: string): string[] {
  const from = FROM_IMPORT.exec(text);
  if (from) return [from[1]!];
  const plain = IMPORT.exec(text);
  if (!plain) return [];
  return plain[1]!.split(',').map((part) => part.trim().split(/\s+/)[0]!);
}

function snippet(text: string): string {
  const trimmed = text.trim();
  return redactSecrets(trimmed.length > MAX_SNIPPET ? `${trimmed.slice(0, MAX_SNIPPET - 3)}...` : trimmed);
}

function record<T>(map: Map<string, { count: number; locations: T[] }>, key: string, location: T): void {
  let entry = map.get(key);
  if (!entry) map.set(key, (entry = { count: 0, locations: [] }));
  entry.count += 1;
  if (entry.locations.length < MAX_LOCATIONS) entry.locations.push(location);
}

interface CompiledSignal extends CodeSignal {
  /** Indexes (in the collector's literal search) of text any match must contain, when the pattern shows it. */
  literals: number[] | null;
  /** The pattern over a whole text: the next test, since most signals match no line of most files. */
  anywhere: RegExp;
  line: RegExp;
}

/** Cheapest test first: a required literal is absent; then the pattern over the whole text. */
function mayMatch(signal: CompiledSignal, text: string, present: ReadonlySet<number>): boolean {
  return (signal.literals === null || signal.literals.some((index) => present.has(index))) && signal.anywhere.test(text);
}

export const codeCollector = defineCollector({ key: 'code', create: collectCode });

function collectCode({ signals }: CollectorOptions): Collector<CodeFacts> {
  const literals: string[] = [];
  const compiled: CompiledSignal[] = signals.map((signal) => {
    const required = requiredLiterals(signal.pattern);
    return {
      ...signal,
      literals: required && required.map((literal) => literals.push(literal) - 1),
      anywhere: new RegExp(signal.pattern, 'm'),
      line: new RegExp(signal.pattern),
    };
  });
  const search = new LiteralSearch(literals);
  const globs = new GlobSet(compiled.map((signal) => ({ owner: signal, globs: signal.files })));
  // Asked once per path when choosing what to read, kept for the visit.
  const selected = new Map<string, CompiledSignal[]>();
  const signalsFor = (path: string) => {
    let found = selected.get(path);
    if (!found) selected.set(path, (found = globs.matching(path)));
    return found;
  };
  const imports = new Map<string, { count: number; locations: Array<Location & { context: PathContext }> }>();
  const matches = new Map<string, { count: number; locations: CodeFacts['signals'][string]['matches'] }>();
  let filesScanned = 0;
  const isPython = (path: string) => path.endsWith('.py') || path.endsWith('.ipynb');

  return {
    wants: (path) => isPython(path) || signalsFor(path).length > 0,
    visit(file) {
      filesScanned += 1;
      const lines = codeLines(file);
      const text = file.notebook() ? lines.map((line) => line.text).join('\n') : file.text;
      const applicable = signalsFor(file.path);
      const present = applicable.length > 0 ? search.foundIn(text) : new Set<number>();
      const candidates = applicable.filter((signal) => mayMatch(signal, text, present));
      selected.delete(file.path);
      const python = isPython(file.path) && /\bimport\b/.test(text);
      if (!python && candidates.length === 0) return;
      const comment = commentPattern(file.path);
      for (const { text: content, line, cell } of lines) {
        if (content.length > MAX_LINE_LENGTH || comment.test(content)) continue;
        const location = { path: file.path, line, ...(cell ? { cell } : {}), context: file.context };
        if (python && content.includes('import')) for (const module of importedModules(content)) record(imports, module, location);
        for (const signal of candidates) {
          if (signal.line.test(content)) record(matches, signal.id, { ...location, snippet: snippet(content) });
        }
      }
    },
    finish() {
      const sortedKeys = <T>(map: Map<string, T>) => [...map.keys()].sort(compareStrings);
      return {
        imports: Object.fromEntries(sortedKeys(imports).map((module) => [module, imports.get(module)!])),
        signals: Object.fromEntries(
          [...new Set(compiled.map((signal) => signal.id))].sort(compareStrings).map((id) => {
            const entry = matches.get(id);
            return [id, { count: entry?.count ?? 0, matches: entry?.locations ?? [] }];
          }),
        ),
        filesScanned,
      };
    },
  };
}
