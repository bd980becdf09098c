import type { LineTable } from './lines.js';

/** `key:` (or `- key:`) that opens a map or a list on the lines below it; the key as group 1. */
const OPENING_KEY = /^\s*(?:-\s+)?["']?([\w.-]+)["']?\s*:\s*(?:#.*)?$/;

/**
 * For each line of a YAML file, the key of the map or list that holds it (null at the top level):
 * `environment: prod` under a step's `with:` is an argument passed to an action or to a called
 * workflow, not a setting of the job. Read by indentation alone, in one pass: a line belongs to
 * the nearest `key:` above it that is less indented. A block scalar's text (`script: |`) belongs
 * to the map that holds its key, and whatever it seems to open ends with it, where the indentation
 * falls back.
 */
export function enclosingKeys(lines: LineTable): (string | null)[] {
  const open: { indent: number; key: string }[] = [];
  const keys: (string | null)[] = [];
  for (let index = 0; index < lines.count; index++) {
    const text = lines.text(index);
    const indent = text.length - text.trimStart().length;
    if (indent === text.length || text[indent] === '#') {
      keys.push(open.at(-1)?.key ?? null);
      continue;
    }
    while (open.length > 0 && open.at(-1)!.indent >= indent) open.pop();
    keys.push(open.at(-1)?.key ?? null);
    const key = OPENING_KEY.exec(text)?.[1];
    // A list item's key sits after its dash: `- with:` holds the lines indented past the key, not the item's other keys.
    if (key !== undefined) open.push({ indent: text.search(/[^\s-]/), key });
  }
  return keys;
}
