import { isScalar, isSeq, type Document } from 'yaml';
import { byLocation, compareStrings } from '../../util/compare.js';
import { baseName } from '../../util/repo-path.js';
import { defineCollector, type Collector, type FileContent } from '../collector.js';
import type { Warn } from '../location.js';
import { mapEntries, mapEntry, parseYamlDocuments, plainValue, type YamlDocuments } from '../yaml-documents.js';

export type IacTool =
  | 'terraform'
  | 'terragrunt'
  | 'cloudformation'
  | 'sam'
  | 'cdk'
  | 'pulumi'
  | 'bicep'
  | 'arm'
  | 'serverless';

export interface IacResource {
  tool: IacTool;
  /** Resource type as the tool names it: `aws_s3_bucket`, `AWS::S3::Bucket`, `Microsoft.Storage/storageAccounts`. */
  type: string;
  name: string;
  path: string;
  line: number;
}

export interface IacFacts {
  tools: IacTool[];
  files: Array<{ path: string; tool: IacTool }>;
  resources: IacResource[];
}

interface FileContext {
  path: string;
  tool: IacTool;
}

/** A parsed YAML or JSON file; `root` is its first document's top node. */
interface StructuredContext extends FileContext {
  source: YamlDocuments;
  root: unknown;
}

type LineReader = (lines: readonly string[], context: FileContext) => IacResource[];
type StructureReader = (context: StructuredContext) => IacResource[];

/** Files that belong to a tool by name. Those with a reader are read for the resources they declare. */
interface NamedFile {
  name: RegExp;
  tool: IacTool;
  lines?: LineReader;
  structure?: StructureReader;
}

// Terraform, Bicep: declarations are found line by line, outside comments and multi-line strings.

/** Returns the test for the line that ends a region (comment, heredoc) the line opens, if it opens one. */
type RegionOpener = (line: string) => ((line: string) => boolean) | null;

/** Only a comment starting a line: `/*` also appears inside strings, as in `arn:aws:s3:::bucket/*`. */
const blockComment: RegionOpener = (line) => (/^\s*\/\*/.test(line) && !line.includes('*/') ? (end) => end.includes('*/') : null);

const heredoc: RegionOpener = (line) => {
  const opening = /<<-?([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(line);
  return opening ? (end) => end.trim() === opening[1] : null;
};

/** An odd number of `'''` on a line opens (or closes) a Bicep multi-line string. */
const multilineString: RegionOpener = (line) => (line.split("'''").length % 2 === 0 ? (end) => end.includes("'''") : null);

interface Declaration {
  regex: RegExp;
  type: (match: RegExpExecArray) => string;
  name: (match: RegExpExecArray) => string;
}

/** `data` blocks read existing infrastructure and are not declarations, so they are not listed. */
const TERRAFORM_DECLARATIONS: Declaration[] = [
  { regex: /^\s*resource\s+"?([\w-]+)"?\s+"?([\w-]+)"?\s*\{/, type: (m) => m[1]!, name: (m) => m[2]! },
  { regex: /^\s*module\s+"?([\w-]+)"?\s*\{/, type: () => 'module', name: (m) => m[1]! },
];

/** `resource x 'T@v' existing = {` refers to a resource declared elsewhere: the regex wants `=` right after the type. */
const BICEP_DECLARATIONS: Declaration[] = [
  { regex: /^\s*resource\s+([A-Za-z_]\w*)\s+'([^'@]+)(?:@[^']*)?'\s*=/, type: (m) => m[2]!, name: (m) => m[1]! },
  { regex: /^\s*module\s+([A-Za-z_]\w*)\s+'[^']*'\s*=/, type: () => 'module', name: (m) => m[1]! },
];

function declarationsByLine(openers: readonly RegionOpener[], declarations: readonly Declaration[]): LineReader {
  return (lines, { path, tool }) => {
    const resources: IacResource[] = [];
    let closes: ((line: string) => boolean) | null = null;
    for (const [index, text] of lines.entries()) {
      if (closes) {
        if (closes(text)) closes = null;
        continue;
      }
      for (const { regex, type, name } of declarations) {
        const match = regex.exec(text);
        if (match) resources.push({ tool, type: type(match), name: name(match), path, line: index + 1 });
      }
      closes = openers.map((opens) => opens(text)).find((closer) => closer !== null) ?? null;
    }
    return resources;
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

const terraformJson: StructureReader = ({ path, tool, source, root }) => [
  ...blockEntries(mapEntry(root, 'resource')?.value).flatMap(({ key: type, value }) =>
    blockEntries(value).map(({ key: name, keyNode }) => ({ tool, type, name, path, line: source.lineOf(keyNode) })),
  ),
  ...blockEntries(mapEntry(root, 'module')?.value).map(({ key: name, keyNode }) => ({ tool, type: 'module', name, path, line: source.lineOf(keyNode) })),
];

/** Entries of a map whose values carry a type under `typeKey` (CloudFormation `Type`, Pulumi `type`), at the entry's key line. */
function typedEntries(node: unknown, typeKey: string, { path, tool, source }: StructuredContext): IacResource[] {
  return mapEntries(node).flatMap(({ key, keyNode, value }) => {
    const type = stringValue(mapEntry(value, typeKey)?.value);
    return type === null ? [] : [{ tool, type, name: key, path, line: source.lineOf(keyNode) }];
  });
}

const cloudFormation: StructureReader = (context) => typedEntries(mapEntry(context.root, 'Resources')?.value, 'Type', context);
const serverless: StructureReader = (context) =>
  typedEntries(mapEntry(mapEntry(context.root, 'resources')?.value, 'Resources')?.value, 'Type', context);
const pulumi: StructureReader = (context) => typedEntries(mapEntry(context.root, 'resources')?.value, 'type', context);

/** ARM resources, nested child resources included; a child's short type is relative to its parent's. */
function armResources(node: unknown, parentType: string | null, context: StructuredContext): IacResource[] {
  const entries = isSeq(node) ? node.items.map((value) => ({ key: '', value })) : mapEntries(node);
  return entries.flatMap(({ key, value }) => {
    const typeEntry = mapEntry(value, 'type');
    const written = stringValue(typeEntry?.value);
    if (!typeEntry || written === null) return [];
    const type = parentType && !written.includes('/') ? `${parentType}/${written}` : written;
    const resource = { tool: context.tool, type, name: stringValue(mapEntry(value, 'name')?.value) ?? key, path: context.path, line: context.source.lineOf(typeEntry.keyNode) };
    return [resource, ...armResources(mapEntry(value, 'resources')?.value, type, context)];
  });
}

const arm: StructureReader = (context) => armResources(mapEntry(context.root, 'resources')?.value, null, context);

const NAMED_FILES: readonly NamedFile[] = [
  { name: /\.tf$/, tool: 'terraform', lines: declarationsByLine([blockComment, heredoc], TERRAFORM_DECLARATIONS) },
  { name: /\.tf\.json$/, tool: 'terraform', structure: terraformJson },
  { name: /\.tfvars(\.json)?$|^\.terraform\.lock\.hcl$/, tool: 'terraform' },
  { name: /^terragrunt\.hcl$/, tool: 'terragrunt' },
  { name: /^cdk\.json$/, tool: 'cdk' },
  { name: /^Pulumi\.ya?ml$/, tool: 'pulumi', structure: pulumi },
  { name: /^Pulumi\.[^.]+\.ya?ml$/, tool: 'pulumi' },
  { name: /\.bicep$/, tool: 'bicep', lines: declarationsByLine([blockComment, multilineString], BICEP_DECLARATIONS) },
  { name: /^serverless\.ya?ml$/, tool: 'serverless', structure: serverless },
];

/** Other files that may be CloudFormation, SAM or ARM templates, told apart by their content. */
const TEMPLATE_CANDIDATE = /\.(ya?ml|json|template)$/i;
const TEMPLATE_MARKERS = /AWSTemplateFormatVersion|AWS::|deploymentTemplate\.json/i;
/** Unmistakable in a template's text even when it does not parse. */
const BROKEN_TEMPLATE_MARKERS: Array<{ marker: RegExp; tool: TemplateTool }> = [
  { marker: /AWS::Serverless/, tool: 'sam' },
  { marker: /^\s*"?AWSTemplateFormatVersion"?\s*:/m, tool: 'cloudformation' },
  { marker: /"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json/i, tool: 'arm' },
];
const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

type TemplateTool = Extract<IacTool, 'cloudformation' | 'sam' | 'arm'>;

function namedFile(path: string): NamedFile | undefined {
  const name = baseName(path);
  return NAMED_FILES.find((entry) => entry.name.test(name));
}

/** Which template language a parsed YAML or JSON file is written in, if any. */
function templateTool(root: unknown, document: Document.Parsed): TemplateTool | null {
  const schema = stringValue(mapEntry(root, '$schema')?.value);
  if (schema && /deploymentTemplate\.json/i.test(schema)) return 'arm';
  const types = mapEntries(mapEntry(root, 'Resources')?.value).map(({ value }) => stringValue(mapEntry(value, 'Type')?.value) ?? '');
  if (!mapEntry(root, 'AWSTemplateFormatVersion') && !types.some((type) => type.startsWith('AWS::'))) return null;
  const transform = plainValue(mapEntry(root, 'Transform')?.value, document);
  const transforms = Array.isArray(transform) ? transform : [transform];
  return transforms.includes(SAM_TRANSFORM) || types.some((type) => type.startsWith('AWS::Serverless::')) ? 'sam' : 'cloudformation';
}

const TEMPLATE_READERS: Record<TemplateTool, StructureReader> = { arm, cloudformation: cloudFormation, sam: cloudFormation };

export const iacCollector = defineCollector({ key: 'iac', create: collectIac });

function collectIac(): Collector<IacFacts> {
  const templates: IacFacts['files'] = [];
  const resources: IacResource[] = [];

  function readNamed(file: FileContent, named: NamedFile, warn: Warn): void {
    const context = { path: file.path, tool: named.tool };
    if (named.lines) resources.push(...named.lines(file.lines(), context));
    if (!named.structure) return;
    const source = parseYamlDocuments(file.text);
    if (source.error) {
      warn({ path: file.path, line: source.error.line, message: `${named.tool} file does not parse: ${source.error.message}` });
      return;
    }
    resources.push(...named.structure({ ...context, source, root: source.documents[0]?.contents }));
  }

  function readTemplate(file: FileContent, warn: Warn): void {
    if (!TEMPLATE_MARKERS.test(file.text)) return;
    const source = parseYamlDocuments(file.text);
    if (source.error) {
      const tool = BROKEN_TEMPLATE_MARKERS.find(({ marker }) => marker.test(file.text))?.tool;
      if (!tool) return;
      warn({ path: file.path, line: source.error.line, message: `${tool} template does not parse: ${source.error.message}` });
      templates.push({ path: file.path, tool });
      return;
    }
    const document = source.documents[0];
    const root = document?.contents;
    const tool = document ? templateTool(root, document) : null;
    if (!tool) return;
    templates.push({ path: file.path, tool });
    resources.push(...TEMPLATE_READERS[tool]({ path: file.path, tool, source, root }));
  }

  return {
    wants: (path) => {
      const named = namedFile(path);
      return named ? Boolean(named.lines ?? named.structure) : TEMPLATE_CANDIDATE.test(path);
    },
    visit(file, warn) {
      const named = namedFile(file.path);
      if (named) readNamed(file, named, warn);
      else if (TEMPLATE_CANDIDATE.test(file.path)) readTemplate(file, warn);
    },
    finish(index) {
      // A file named for a tool belongs to it even when it was too large to read.
      const byName = index.files.flatMap(({ path }) => {
        const named = namedFile(path);
        return named ? [{ path, tool: named.tool }] : [];
      });
      const files = [...byName, ...templates].sort((a, b) => compareStrings(a.path, b.path));
      return {
        tools: [...new Set(files.map((file) => file.tool))].sort(compareStrings),
        files,
        resources: [...resources].sort(byLocation),
      };
    },
  };
}
