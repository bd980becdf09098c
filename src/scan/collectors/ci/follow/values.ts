/* Plain values of parsed TOML, JSON and YAML, as the followers read them. */

export function table(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) ? (value as Record<string, unknown>) : undefined;
}

/** A string, or each string of a list: `depends = "lint"` and `depends = ["lint", "types"]` alike. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A value at a path of nested tables. */
export function at(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((node, key) => table(node)?.[key], value);
}
