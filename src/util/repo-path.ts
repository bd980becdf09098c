/* Names within repository paths, which are relative and always use `/`. */

/**
 * The last path asked for and its name: the scan asks every collector about each path in turn, and
 * each asks for the name, so the same string comes again and again.
 */
let lastPath: string | undefined;
let lastName = '';

/** The last part of a path: `deploy/Dockerfile` → `Dockerfile`. */
export function baseName(path: string): string {
  if (path !== lastPath) {
    lastName = path.slice(path.lastIndexOf('/') + 1);
    lastPath = path;
  }
  return lastName;
}

/** The directory a path is in, '' at the root: `deploy/k8s/app.yaml` → `deploy/k8s`. */
export function directoryOf(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

/** Distinct names a `byFileName` memo keeps: a tree of ever new names (a generated one) fills it once, and the names past it are answered afresh. */
const NAME_MEMO_LIMIT = 4_096;

/**
 * An answer about a path that depends on its file name alone, worked out once per name. A large
 * tree repeats its names (babel/babel's 27,674 files have 1,185: `input.js`, `output.json` in every
 * fixture), and the scan asks each collector about every path before it reads the file.
 */
export function byFileName<T extends NonNullable<unknown> | null>(answer: (name: string) => T): (path: string) => T {
  const memo = new Map<string, T>();
  return (path) => {
    const name = baseName(path);
    let known = memo.get(name);
    if (known === undefined) {
      known = answer(name);
      if (memo.size < NAME_MEMO_LIMIT) memo.set(name, known);
    }
    return known;
  };
}

/** A file's extension, in lower case; null for a name without one (a dot that starts the name starts no extension). */
export const extensionOf = byFileName((name) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
});
