import type { CodeFacts } from './index.js';

interface ImportIndex {
  names: readonly string[];
  /** The positions in `names` of the names under each first name (`sklearn` for `sklearn.pipeline`). */
  byFirstName: ReadonlyMap<string, readonly number[]>;
}

/** Built once per scan's imports: a rule set asks about a few modules dozens of times, and a monorepo imports thousands. */
const indexes = new WeakMap<CodeFacts['imports'], ImportIndex>();

function indexOf(imports: CodeFacts['imports']): ImportIndex {
  let index = indexes.get(imports);
  if (!index) {
    const names = Object.keys(imports);
    const byFirstName = new Map<string, number[]>();
    names.forEach((name, position) => {
      const first = firstName(name);
      const positions = byFirstName.get(first);
      if (positions) positions.push(position);
      else byFirstName.set(first, [position]);
    });
    indexes.set(imports, (index = { names, byFirstName }));
  }
  return index;
}

function firstName(module: string): string {
  const dot = module.indexOf('.');
  return dot < 0 ? module : module.slice(0, dot);
}

/**
 * The imported names that are one of the modules or a submodule of one (`sklearn` takes
 * `sklearn.pipeline`), each once, in the order the imports list them.
 */
export function importedModules(imports: CodeFacts['imports'], modules: readonly string[]): string[] {
  const { names, byFirstName } = indexOf(imports);
  const found = new Set<number>();
  for (const module of modules) {
    for (const position of byFirstName.get(firstName(module)) ?? []) {
      const name = names[position]!;
      if (name === module || name.startsWith(`${module}.`)) found.add(position);
    }
  }
  return [...found].sort((a, b) => a - b).map((position) => names[position]!);
}
