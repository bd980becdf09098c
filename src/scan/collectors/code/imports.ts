import type { CodeUnit } from './languages.js';

const IMPORT = /^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/;
const FROM_IMPORT = /^\s*from\s+(\w[\w.]*)\s+import\b/;

/** The modules a logical line of Python imports. */
function importedModules(text: string): string[] {
  const from = FROM_IMPORT.exec(text);
  if (from) return [from[1]!];
  const plain = IMPORT.exec(text);
  if (!plain) return [];
  return plain[1]!.split(',').map((part) => part.trim().split(/\s+/)[0]!);
}

/**
 * The modules a unit of Python imports, each with the line of its statement. Read from the code
 * view, so an import in a docstring or a comment, or one shown in a string, is not one; a
 * statement over several lines (`from x import (\n a,\n b)`) is one logical line.
 */
export function pythonImports(unit: CodeUnit): Array<{ module: string; line: number }> {
  const view = unit.view().text;
  if (!view.includes('import')) return [];
  const logical = unit.logicalLines();
  const physical = unit.lines();
  const found: Array<{ module: string; line: number }> = [];
  let previous = -1;
  for (let at = view.indexOf('import'); at >= 0; at = view.indexOf('import', at + 6)) {
    const index = logical.indexAt(at);
    if (index === previous) continue;
    previous = index;
    const text = logical.text(index);
    const modules = importedModules(text);
    if (modules.length === 0) continue;
    const line = physical.indexAt(logical.start(index) + text.length - text.trimStart().length) + 1;
    for (const module of modules) found.push({ module, line });
  }
  return found;
}
