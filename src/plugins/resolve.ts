import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../util/errors.js';

/*
 * Where a plugin's module is. A plugin is named the way npm names packages (`scale-audit-plugin-acme`,
 * `@acme/scale-audit-plugin`), found in `node_modules` from a directory upward as Node finds
 * packages, or by a path (`./plugins/acme`, `/opt/acme/plugin.js`) to a package directory or a
 * module file. Node's own resolver cannot be asked from another directory without a flag, so the
 * package's entry is read from its package.json here: `exports` (for `import`), else `main`, else
 * index.js.
 */

const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
/** The conditions Node matches for an `import` from a Node program. */
const IMPORT_CONDITIONS = new Set(['node', 'import', 'default']);

const isPath = (spec: string) => spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || isAbsolute(spec);

async function kindOf(path: string): Promise<'file' | 'directory' | null> {
  const stats = await stat(path).catch(() => null);
  return stats === null ? null : stats.isDirectory() ? 'directory' : 'file';
}

/** The target an `exports` value gives an import, trying conditions in the order the package lists them. */
function exportTarget(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(exportTarget).find((target) => target !== null) ?? null;
  if (value === null || typeof value !== 'object') return null;
  for (const [condition, target] of Object.entries(value)) {
    const found = IMPORT_CONDITIONS.has(condition) ? exportTarget(target) : null;
    if (found !== null) return found;
  }
  return null;
}

async function packageEntry(spec: string, directory: string): Promise<string> {
  const text = await readFile(join(directory, 'package.json'), 'utf8').catch(() => null);
  if (text === null) return join(directory, 'index.js');
  let manifest: { exports?: unknown; main?: unknown };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (error) {
    throw new InputError(`plugin ${spec}: its package.json is not JSON: ${(error as Error).message}`, join(directory, 'package.json'));
  }
  const { exports } = manifest;
  if (exports !== undefined) {
    const subpaths = exports !== null && typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((key) => key.startsWith('.'));
    const target = exportTarget(subpaths ? (exports as Record<string, unknown>)['.'] : exports);
    if (target === null) throw new InputError(`plugin ${spec}: its package.json "exports" has no entry an import can use`, join(directory, 'package.json'));
    return join(directory, target);
  }
  return join(directory, typeof manifest.main === 'string' ? manifest.main : 'index.js');
}

/** The module file of the plugin `spec`, a package name looked up from `from` upward, or a path relative to `from`. */
export async function pluginEntry(spec: string, from: string): Promise<string> {
  if (isPath(spec)) {
    const path = resolve(from, spec);
    const kind = await kindOf(path);
    if (kind === null) throw new InputError(`plugin ${spec}: no such file or directory`);
    return kind === 'directory' ? packageEntry(spec, path) : path;
  }
  if (!PACKAGE_NAME.test(spec)) throw new InputError(`plugin ${spec}: not a package name, nor a path (a path starts with ./, ../ or /)`);
  for (let directory = resolve(from); ; directory = dirname(directory)) {
    const candidate = join(directory, 'node_modules', spec);
    if ((await kindOf(candidate)) === 'directory') return packageEntry(spec, candidate);
    if (dirname(directory) === directory) throw new InputError(`plugin ${spec}: not installed (no node_modules/${spec} in ${resolve(from)} or above it); install it with npm, or give its path`);
  }
}
