import { directoryOf } from '../../../util/repo-path.js';
import type { IacGrant } from './facts.js';
import { grantOfValue } from './grants.js';

/*
 * Roles granted through a list: `for_each = toset(var.sa_roles)` with `role = "roles/${each.value}"`,
 * where the list is a variable's default, a tfvars value or a local, often in another file of the
 * module. The roles are only known once the module's files are all read, so each file gives its
 * named lists and its iterating bindings, and the module resolves them together.
 */

interface ListedValue {
  value: string;
  path: string;
  line: number;
}

/** The string lists a file names: `var.x` (a variable's default or a tfvars value) or `local.x`. */
export interface NamedLists {
  directory: string;
  lists: Map<string, ListedValue[]>;
}

/** A resource granting `prefix + item + suffix` for each item of the list `list` (`var.x`, `local.x`). */
export interface IteratedRole {
  directory: string;
  resource: string;
  list: string;
  prefix: string;
  suffix: string;
  path: string;
  line: number;
}

const COMMENT_LINE = /^\s*(?:#|\/\/)/;
const TOP_LEVEL = /^[A-Za-z_]/;
const VARIABLE_BLOCK = /^variable\s+"?([\w-]+)"?\s*\{/;
const LOCALS_BLOCK = /^locals\s*\{/;
const RESOURCE_BLOCK = /^resource\s+"?([\w-]+)"?\s+"?[\w-]+"?\s*\{/;
const DEFAULT_LIST = /^\s*default\s*=\s*(?:toset\(\s*)?\[/;
const LOCAL_LIST = /^\s*([\w-]+)\s*=\s*(?:toset\(\s*)?\[/;
const TFVARS_LIST = /^([\w-]+)\s*=\s*\[/;
const FOR_EACH_LIST = /^\s*for_each\s*=\s*(?:toset\(\s*)?((?:var|local)\.[\w-]+)\s*\)?\s*$/;
/** `role = each.value`, `role = "roles/${each.key}"`; Azure assignments name the role in `role_definition_name`. */
const ROLE_FROM_ITEM = /^\s*role(?:_definition_name)?\s*=\s*(?:each\.(?:value|key)|"([^"$]*)\$\{each\.(?:value|key)\}([^"$]*)")\s*$/;
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;

export interface TerraformRoleLists {
  lists: NamedLists;
  roles: IteratedRole[];
}

export function readRoleLists(path: string, lines: readonly string[], tfvars: boolean): TerraformRoleLists {
  const directory = directoryOf(path);
  const lists = new Map<string, ListedValue[]>();
  const roles: IteratedRole[] = [];
  let block: { kind: 'variable' | 'locals' | 'resource' | 'other'; name: string } = { kind: 'other', name: '' };
  let binding: { list: string | null; role: { prefix: string; suffix: string; line: number } | null } = { list: null, role: null };
  /** The list being read, until the line that closes it. */
  let open: ListedValue[] | null = null;

  const endResource = () => {
    if (block.kind === 'resource' && binding.list && binding.role) {
      roles.push({ directory, resource: block.name, list: binding.list, ...binding.role, path });
    }
    binding = { list: null, role: null };
  };
  const readItems = (text: string, line: number, into: ListedValue[]) => {
    const end = text.indexOf(']');
    for (const match of (end < 0 ? text : text.slice(0, end)).matchAll(QUOTED)) into.push({ value: match[1]!, path, line });
    open = end < 0 ? into : null;
  };
  const startList = (name: string, text: string, line: number) => {
    const into: ListedValue[] = [];
    lists.set(name, into);
    readItems(text.slice(text.indexOf('[') + 1), line, into);
  };

  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    if (COMMENT_LINE.test(text)) continue;
    if (open) {
      readItems(text, line, open);
      continue;
    }
    if (TOP_LEVEL.test(text)) {
      endResource();
      const variable = VARIABLE_BLOCK.exec(text);
      const resource = RESOURCE_BLOCK.exec(text);
      block = variable
        ? { kind: 'variable', name: variable[1]! }
        : resource
          ? { kind: 'resource', name: resource[1]! }
          : { kind: LOCALS_BLOCK.test(text) ? 'locals' : 'other', name: '' };
      const assigned = tfvars ? TFVARS_LIST.exec(text) : null;
      if (assigned) startList(`var.${assigned[1]}`, text, line);
      continue;
    }
    if (block.kind === 'variable' && DEFAULT_LIST.test(text)) startList(`var.${block.name}`, text, line);
    else if (block.kind === 'locals') {
      const local = LOCAL_LIST.exec(text);
      if (local) startList(`local.${local[1]}`, text, line);
    } else if (block.kind === 'resource') {
      const forEach = FOR_EACH_LIST.exec(text);
      if (forEach) binding.list = forEach[1]!;
      const role = ROLE_FROM_ITEM.exec(text);
      if (role) binding.role = { prefix: role[1] ?? '', suffix: role[2] ?? '', line };
    }
  }
  endResource();
  return { lists: { directory, lists }, roles };
}

/** The over-broad grants of bindings over lists of the same module, each shown with the list item that makes it. */
export function resolveRoleLists(read: readonly TerraformRoleLists[]): IacGrant[] {
  const values = new Map<string, ListedValue[]>();
  for (const { lists } of read) {
    for (const [name, items] of lists.lists) {
      const key = `${lists.directory}\0${name}`;
      values.set(key, [...(values.get(key) ?? []), ...items]);
    }
  }
  return read.flatMap(({ roles }) =>
    roles.flatMap(({ directory, resource, list, prefix, suffix, path, line }) =>
      (values.get(`${directory}\0${list}`) ?? []).flatMap((item): IacGrant[] => {
        const role = `${prefix}${item.value}${suffix}`;
        const grant = grantOfValue(role, { resource });
        return grant ? [{ tool: 'terraform', grant, detail: `${role}, an item of ${list} (${item.path}:${item.line})`, path, line }] : [];
      }),
    ),
  );
}
