import { asTable } from './parse.js';

/* Requirement syntax: PEP 508 strings, pip's requirements files, and Poetry's and Pipenv's tables. */

/** A requirement as written: the raw name (to find its line), the constraint, and whether it names one version. */
export interface Requirement {
  name: string;
  spec: string;
  pinned: boolean;
}

const REQUIREMENT = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$/s;
const VERSION_CLAUSE = /^(?:===|==|!=|~=|>=|<=|<|>)\s*\S+$/;
const EXACT_CLAUSE = /^(?:===\s*\S+|==\s*[A-Za-z0-9.+!_-]+)$/;
/** A hash fragment or a full commit id: the reference names one artefact. */
export const PINNED_URL = /#(?:sha1|sha224|sha256|sha384|sha512|md5)=|@[0-9a-f]{40}(?![0-9a-f])/i;
/** pip strips `#` comments only when they start the line or follow whitespace, so URL fragments survive. */
export const TRAILING_COMMENT = /(?:^|\s)#.*$/;
export const EDITABLE_OPTION = /^(?:-e|--editable)(?:\s+|=)/;
/** A local path or a URL without a name in front: `.`, `./pkg`, `git+https://...`, `dist/pkg.whl`. */
export const PATH_OR_URL = /^(?:[.~/]|[^\s;@<>=!~[]*\/)/;
export const EGG_FRAGMENT = /#(?:[^&#\s]*&)*egg=([A-Za-z0-9][A-Za-z0-9._-]*)/;
/** Per-requirement options such as `--hash=...` follow the requirement after whitespace. */
export const REQUIREMENT_OPTION = /\s-{1,2}[A-Za-z]/;
export const HASH_OPTION = /--hash[=\s]/;

export function parseRequirement(text: string): Requirement | null {
  const match = REQUIREMENT.exec(text.trim());
  if (!match) return null;
  const name = match[1]!;
  const rest = match[2]!;
  if (rest.startsWith('@')) {
    // Markers after a URL must follow whitespace (PEP 508), so the URL is the first word.
    const url = rest.slice(1).trim().split(/\s/, 1)[0] ?? '';
    return url === '' ? null : { name, spec: `@ ${url}`, pinned: PINNED_URL.test(url) };
  }
  const spec = (rest.split(';', 1)[0] ?? '').trim().replace(/^\((.*)\)$/s, '$1').trim();
  const clauses = spec === '' ? [] : spec.split(',').map((clause) => clause.trim());
  if (!clauses.every((clause) => VERSION_CLAUSE.test(clause))) return null;
  return { name, spec, pinned: clauses.some((clause) => EXACT_CLAUSE.test(clause)) };
}

export function isExactPep440(spec: string): boolean {
  return spec.split(',').some((clause) => EXACT_CLAUSE.test(clause.trim()));
}

/** Poetry and Pipenv give a version string, a table with a version, or a git, URL or path source. */
export function describedSpec(value: unknown, isExact: (version: string) => boolean): Omit<Requirement, 'name'> {
  if (typeof value === 'string') return { spec: value.trim(), pinned: isExact(value.trim()) };
  if (Array.isArray(value)) {
    // Poetry's multiple constraints: one alternative per Python version or platform.
    const alternatives = value.map((alternative) => describedSpec(alternative, isExact));
    return {
      spec: alternatives.map((alternative) => alternative.spec).join(' || '),
      pinned: alternatives.length > 0 && alternatives.every((alternative) => alternative.pinned),
    };
  }
  const table = asTable(value);
  if (table === undefined) return { spec: '', pinned: false };
  if (typeof table.version === 'string') return describedSpec(table.version, isExact);
  const source = sourceReference(table);
  return { spec: source, pinned: PINNED_URL.test(source) };
}

function sourceReference(table: Record<string, unknown>): string {
  const text = (key: string) => (typeof table[key] === 'string' ? (table[key] as string) : undefined);
  const git = text('git');
  if (git !== undefined) {
    const ref = text('rev') ?? text('ref') ?? text('tag') ?? text('branch');
    return `git+${git}${ref === undefined ? '' : `@${ref}`}`;
  }
  return text('url') ?? text('path') ?? text('file') ?? '';
}

/** Requirement-file lines joined across `\` continuations, each with the number of its first line. */
export function logicalLines(lines: readonly string[]): Array<{ text: string; line: number }> {
  const joined: Array<{ text: string; line: number }> = [];
  let pending: { text: string; line: number } | null = null;
  for (const [index, raw] of lines.entries()) {
    // Like pip, a comment line ending in a backslash does not swallow the next line.
    const continued = /\\\s*$/.test(raw) && !/^\s*#/.test(raw);
    const text = continued ? raw.replace(/\\\s*$/, ' ') : raw;
    pending = pending ? { text: pending.text + text, line: pending.line } : { text, line: index + 1 };
    if (!continued) {
      joined.push(pending);
      pending = null;
    }
  }
  if (pending) joined.push(pending);
  return joined;
}
