import type { SignalDefinition } from '../../rules/types.js';
import { compareStrings } from '../../util/compare.js';
import { matchesAny } from '../../util/glob.js';
import type { Collector, FileContent } from '../collector.js';
import type { CodeFacts, Location, PathContext } from '../facts.js';
import { redactSecrets } from '../secret-patterns.js';

/** Evidence needs a few places, not all of them; counts stay exact. */
const MAX_LOCATIONS = 20;
const MAX_SNIPPET = 120;
const MAX_LINE_LENGTH = 2_000;

const IMPORT = /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/;
const FROM_IMPORT = /^\s*from\s+([\w][\w.]*)\s+import\b/;
/** A comment line is an intention, not a practice: `# mlflow.log_param(...)` proves nothing. */
const COMMENT = /^\s*(#|\/\/|\*|\/\*)/;

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

export function codeCollector(signals: readonly SignalDefinition[]): Collector<'code'> {
  const compiled = signals.map((signal) => ({ ...signal, regex: new RegExp(signal.pattern) }));
  const imports = new Map<string, { count: number; locations: Array<Location & { context: PathContext }> }>();
  const matches = new Map<string, { count: number; locations: CodeFacts['signals'][string]['matches'] }>();
  let filesScanned = 0;
  const isPython = (path: string) => path.endsWith('.py') || path.endsWith('.ipynb');

  return {
    key: 'code',
    wants: (path) => isPython(path) || compiled.some((signal) => matchesAny(path, signal.files)),
    visit(file) {
      filesScanned += 1;
      const applicable = compiled.filter((signal) => matchesAny(file.path, signal.files));
      const python = isPython(file.path);
      for (const { text, line, cell } of codeLines(file)) {
        if (text.length > MAX_LINE_LENGTH || COMMENT.test(text)) continue;
        const location = { path: file.path, line, ...(cell ? { cell } : {}), context: file.context };
        if (python) for (const module of importedModules(text)) record(imports, module, location);
        for (const signal of applicable) {
          if (signal.regex.test(text)) record(matches, signal.id, { ...location, snippet: snippet(text) });
        }
      }
    },
    finish() {
      const sortedKeys = <T>(map: Map<string, T>) => [...map.keys()].sort(compareStrings);
      return {
        imports: Object.fromEntries(sortedKeys(imports).map((module) => [module, imports.get(module)!])),
        signals: Object.fromEntries(
          [...new Set([...compiled.map((signal) => signal.id)])]
            .sort(compareStrings)
            .map((id) => {
              const entry = matches.get(id);
              return [id, { count: entry?.count ?? 0, matches: entry?.locations ?? [] }];
            }),
        ),
        filesScanned,
      };
    },
  };
}
