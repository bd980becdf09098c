import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { mapEntries, mapEntry, plainValue, type YamlDocuments } from '../../yaml-documents.js';
import type { GrantKind, IacGrant, IacResource, IacTool } from './facts.js';
import { ACTION_KEYS, grantOfValue } from './grants.js';
import { kindOf, moduleKindOf } from './kinds.js';

/*
 * The declarative languages: Terraform and Bicep read line by line, CloudFormation, SAM, ARM,
 * Serverless, Pulumi YAML and Terraform JSON parsed. Each reader returns the resources the file
 * declares and the over-broad grants it writes.
 */

export interface FileContext {
  path: string;
  tool: IacTool;
}

/** A parsed YAML or JSON file; `root` is its first document's top node. */
export interface StructuredContext extends FileContext {
  source: YamlDocuments;
  root: unknown;
}

export interface Declared {
  resources: IacResource[];
  grants: IacGrant[];
}

export type LineReader = (lines: readonly string[], context: FileContext) => Declared;
export type StructureReader = (context: StructuredContext) => Declared;

function declaredResource(tool: IacTool, type: string, name: string, path: string, line: number): IacResource {
  const kind = kindOf(type);
  return { tool, type, name, path, line, ...(kind ? { kind } : {}) };
}

// Terraform, Bicep: declarations are found line by line, outside comments and multi-line strings.

/** A region a line opens (a comment, a heredoc): the test for the line that ends it, and whether it holds code-like text worth reading for grants. */
interface Region {
  ends: (line: string) => boolean;
  holdsValues: boolean;
}
type RegionOpener = (line: string) => Region | null;

/** Only a comment starting a line: `/*` also appears inside strings, as in `arn:aws:s3:::bucket/*`. */
export const blockComment: RegionOpener = (line) =>
  /^\s*\/\*/.test(line) && !line.includes('*/') ? { ends: (end) => end.includes('*/'), holdsValues: false } : null;

/** A heredoc holds data, often an IAM policy in JSON. */
export const heredoc: RegionOpener = (line) => {
  const opening = /<<-?([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(line);
  return opening ? { ends: (end) => end.trim() === opening[1], holdsValues: true } : null;
};

/** An odd number of `'''` on a line opens (or closes) a Bicep multi-line string. */
export const multilineString: RegionOpener = (line) =>
  line.split("'''").length % 2 === 0 ? { ends: (end) => end.includes("'''"), holdsValues: false } : null;

export interface Declaration {
  regex: RegExp;
  type: (match: RegExpExecArray) => string;
  name: (match: RegExpExecArray) => string;
}

/** `data` blocks read existing infrastructure and are not declarations, so they are not listed. */
export const TERRAFORM_DECLARATIONS: Declaration[] = [
  { regex: /^\s*resource\s+"?([\w-]+)"?\s+"?([\w-]+)"?\s*\{/, type: (m) => m[1]!, name: (m) => m[2]! },
  { regex: /^\s*module\s+"?([\w-]+)"?\s*\{/, type: () => 'module', name: (m) => m[1]! },
];

/** `resource x 'T@v' existing = {` refers to a resource declared elsewhere: the regex wants `=` right after the type. */
export const BICEP_DECLARATIONS: Declaration[] = [
  { regex: /^\s*resource\s+([A-Za-z_]\w*)\s+'([^'@]+)(?:@[^']*)?'\s*=/, type: (m) => m[2]!, name: (m) => m[1]! },
  { regex: /^\s*module\s+([A-Za-z_]\w*)\s+'[^']*'\s*=/, type: () => 'module', name: (m) => m[1]! },
];

const COMMENT_LINE = /^\s*(?:#|\/\/)/;
/** A top-level block of another kind (`data`, `locals`, `variable`) ends the context of the resource before it. */
const TOP_LEVEL_BLOCK = /^[A-Za-z_]/;
const MODULE_SOURCE = /^\s*source\s*=\s*"([^"]*)"/;
/** `actions = ["*"]`, `Action = "*"`, `"Action": "*"`, `"Action": ["*"]`: a statement allowing every action. */
const WILDCARD_ACTION = /(?:\bactions|\bAction|"Action")\s*[=:]\s*\[?\s*"\*"/;
const QUOTED: Record<string, RegExp> = { '"': /"((?:[^"\\]|\\.)*)"/g, "'": /'((?:[^'\\]|\\.)*)'/g };

export function declarationsByLine(openers: readonly RegionOpener[], declarations: readonly Declaration[], quote: '"' | "'"): LineReader {
  return (lines, { path, tool }) => {
    const resources: IacResource[] = [];
    const grants: IacGrant[] = [];
    let region: Region | null = null;
    /** The resource (or module) whose block the line is in: grants are scoped by it. */
    let block: IacResource | null = null;
    const readValues = (text: string, line: number) => {
      if (COMMENT_LINE.test(text)) return;
      const grant = (kind: GrantKind, detail: string) => grants.push({ tool, grant: kind, detail, path, line });
      if (WILDCARD_ACTION.test(text)) grant('wildcard-action', text.trim());
      for (const match of text.matchAll(QUOTED[quote]!)) {
        const kind = grantOfValue(match[1]!, { resource: block?.source ?? block?.type });
        if (kind) grant(kind, match[1]!);
      }
    };
    for (const [index, text] of lines.entries()) {
      if (region) {
        if (region.holdsValues) readValues(text, index + 1);
        if (region.ends(text)) region = null;
        continue;
      }
      const declared = declarations.flatMap(({ regex, type, name }) => {
        const match = regex.exec(text);
        return match ? [declaredResource(tool, type(match), name(match), path, index + 1)] : [];
      });
      if (declared.length > 0) {
        resources.push(...declared);
        block = declared[0]!;
      } else if (TOP_LEVEL_BLOCK.test(text)) block = null;
      const source = block?.type === 'module' ? MODULE_SOURCE.exec(text) : null;
      if (source && block) {
        block.source = source[1]!;
        const kind = moduleKindOf(source[1]!);
        if (kind) block.kind = kind;
      }
      readValues(text, index + 1);
      region = openers.map((opens) => opens(text)).find((opened) => opened !== null) ?? null;
    }
    return { resources, grants };
  };
}

// Structured formats.

function stringValue(node: unknown): string | null {
  return isScalar(node) && typeof node.value === 'string' ? node.value : null;
}

/** Terraform JSON allows a block to be an object or a list of objects. */
function blockEntries(node: unknown): ReturnType<typeof mapEntries> {
  return isSeq(node) ? node.items.flatMap(mapEntries) : mapEntries(node);
}

/** Bounds the walk of a document whatever its nesting; real templates are a few levels deep. */
const MAX_WALK_DEPTH = 64;

/**
 * Grants written anywhere in a parsed document: every string value (scoped by the nearest map
 * that carries a resource type under `Type` or `type`), and action lists that hold `*`.
 */
function structuredGrants({ path, tool, source, root }: StructuredContext): IacGrant[] {
  const grants: IacGrant[] = [];
  const grant = (kind: GrantKind, detail: string, node: Node) => grants.push({ tool, grant: kind, detail, path, line: source.lineOf(node) });
  const walk = (node: unknown, resource: string | undefined, depth: number): void => {
    if (depth > MAX_WALK_DEPTH) return;
    if (isSeq(node)) {
      for (const item of node.items) walk(item, resource, depth + 1);
      return;
    }
    const value = stringValue(node);
    if (value !== null) {
      const kind = grantOfValue(value, { resource });
      if (kind) grant(kind, value, node as Node);
      return;
    }
    if (!isMap(node)) return;
    const scope = stringValue(mapEntry(node, 'Type')?.value) ?? stringValue(mapEntry(node, 'type')?.value) ?? resource;
    for (const { key, keyNode, value: child } of mapEntries(node)) {
      const actions = isSeq(child) ? child.items : [child];
      if (ACTION_KEYS.has(key) && actions.some((action) => stringValue(action) === '*')) grant('wildcard-action', `${key}: "*"`, keyNode);
      walk(child, scope, depth + 1);
    }
  };
  walk(root, undefined, 0);
  return grants;
}

/** A reader of resources that also collects the document's grants. */
function withGrants(read: (context: StructuredContext) => IacResource[]): StructureReader {
  return (context) => ({ resources: read(context), grants: structuredGrants(context) });
}

export const terraformJson: StructureReader = withGrants(({ path, tool, source, root }) => [
  ...blockEntries(mapEntry(root, 'resource')?.value).flatMap(({ key: type, value }) =>
    blockEntries(value).map(({ key: name, keyNode }) => declaredResource(tool, type, name, path, source.lineOf(keyNode))),
  ),
  ...blockEntries(mapEntry(root, 'module')?.value).map(({ key: name, keyNode, value }) => {
    const module = declaredResource(tool, 'module', name, path, source.lineOf(keyNode));
    const from = stringValue(mapEntry(value, 'source')?.value);
    const kind = from === null ? undefined : moduleKindOf(from);
    return { ...module, ...(from === null ? {} : { source: from }), ...(kind ? { kind } : {}) };
  }),
]);

/** Entries of a map whose values carry a type under `typeKey` (CloudFormation `Type`, Pulumi `type`), at the entry's key line. */
function typedEntries(node: unknown, typeKey: string, { path, tool, source }: StructuredContext): IacResource[] {
  return mapEntries(node).flatMap(({ key, keyNode, value }) => {
    const type = stringValue(mapEntry(value, typeKey)?.value);
    return type === null ? [] : [declaredResource(tool, type, key, path, source.lineOf(keyNode))];
  });
}

export const cloudFormation: StructureReader = withGrants((context) => typedEntries(mapEntry(context.root, 'Resources')?.value, 'Type', context));
export const serverless: StructureReader = withGrants((context) =>
  typedEntries(mapEntry(mapEntry(context.root, 'resources')?.value, 'Resources')?.value, 'Type', context),
);
export const pulumi: StructureReader = withGrants((context) => typedEntries(mapEntry(context.root, 'resources')?.value, 'type', context));

/** ARM resources, nested child resources included; a child's short type is relative to its parent's. */
function armResources(node: unknown, parentType: string | null, context: StructuredContext): IacResource[] {
  const entries = isSeq(node) ? node.items.map((value) => ({ key: '', value })) : mapEntries(node);
  return entries.flatMap(({ key, value }) => {
    const typeEntry = mapEntry(value, 'type');
    const written = stringValue(typeEntry?.value);
    if (!typeEntry || written === null) return [];
    const type = parentType && !written.includes('/') ? `${parentType}/${written}` : written;
    const name = stringValue(mapEntry(value, 'name')?.value) ?? key;
    const resource = declaredResource(context.tool, type, name, context.path, context.source.lineOf(typeEntry.keyNode));
    return [resource, ...armResources(mapEntry(value, 'resources')?.value, type, context)];
  });
}

export const arm: StructureReader = withGrants((context) => armResources(mapEntry(context.root, 'resources')?.value, null, context));

export type TemplateTool = Extract<IacTool, 'cloudformation' | 'sam' | 'arm'>;
const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Which template language a parsed YAML or JSON file is written in, if any. */
export function templateTool(root: unknown, document: Document.Parsed): TemplateTool | null {
  const schema = stringValue(mapEntry(root, '$schema')?.value);
  if (schema && /deploymentTemplate\.json/i.test(schema)) return 'arm';
  const types = mapEntries(mapEntry(root, 'Resources')?.value).map(({ value }) => stringValue(mapEntry(value, 'Type')?.value) ?? '');
  if (!mapEntry(root, 'AWSTemplateFormatVersion') && !types.some((type) => type.startsWith('AWS::'))) return null;
  const transform = plainValue(mapEntry(root, 'Transform')?.value, document);
  const transforms = Array.isArray(transform) ? transform : [transform];
  return transforms.includes(SAM_TRANSFORM) || types.some((type) => type.startsWith('AWS::Serverless::')) ? 'sam' : 'cloudformation';
}

export const TEMPLATE_READERS: Record<TemplateTool, StructureReader> = { arm, cloudformation: cloudFormation, sam: cloudFormation };
