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

/** How far up `keysAbove` looks: a CI job is rarely longer. */
const KEYS_ABOVE_REACH = 200;
/** A line's key and the column it starts at, past a list item's dash: `  services:`, `  - name: x`. */
const KEY_LINE = /^(\s*(?:-\s+)?)["']?([\w.-]+)["']?\s*:(?:\s|$)/;

/**
 * Every key that holds line `i`, nearest first (`env`, `postgres`, `services`, `test`, `jobs`), by
 * the same reading of indentation as `enclosingKeys`, walking up from the one line: for a few lines
 * of a file (a credential's), where a pass over the whole file would cost more.
 */
export function keysAbove(lineAt: (i: number) => string, i: number): string[] {
  const keys: string[] = [];
  let indent = /^\s*/.exec(lineAt(i))![0].length;
  for (let k = i - 1; k >= Math.max(0, i - KEYS_ABOVE_REACH) && indent > 0; k--) {
    const key = KEY_LINE.exec(lineAt(k));
    // A list item's first key (`- name:`) is a sibling of the keys below it, not their parent.
    if (key && key[1]!.length < indent) {
      keys.push(key[2]!);
      indent = key[1]!.length;
    }
  }
  return keys;
}
