/**
 * Loads an ES module by file URL: a plugin's entry. The CLI's
 * bundle keeps this in a chunk of its own that Node compiles as usual, because a chunk compiled
 * with a code cache (src/cli/code-cache.ts) cannot import modules on Node 20.
 */
export function importModule(url: string): Promise<unknown> {
  return import(url);
}
