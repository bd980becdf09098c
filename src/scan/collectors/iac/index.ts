import { byLocation, compareStrings } from '../../../util/compare.js';
import { byFileName } from '../../../util/repo-path.js';
import { defineCollector, type Collector, type FileContent } from '../../collector.js';
import type { Warn } from '../../location.js';
import { parseYamlDocuments } from '../../yaml-documents.js';
import { IAC_CODE_MARKERS, readIacCode } from './code-resources.js';
import type { CodeLanguage } from './code-tokens.js';
import {
  BICEP_DECLARATIONS,
  blockComment,
  heredoc,
  multilineString,
  pulumi,
  serverless,
  TEMPLATE_READERS,
  templateTool,
  TERRAFORM_DECLARATIONS,
  terraformJson,
  declarationsByLine,
  type Declared,
  type LineReader,
  type StructureReader,
} from './declarative.js';
import type { IacFacts, IacGrant, IacResource, IacTool } from './facts.js';
import { readRoleLists, resolveRoleLists, type TerraformRoleLists } from './terraform-role-lists.js';

/** Files that belong to a tool by name. Those with a reader are read for the resources they declare. */
interface NamedFile {
  name: RegExp;
  tool: IacTool;
  lines?: LineReader;
  structure?: StructureReader;
  /** Terraform files whose string lists may hold the roles a `for_each` binding grants. */
  roleLists?: boolean;
}

const NAMED_FILES: readonly NamedFile[] = [
  { name: /\.tf$/, tool: 'terraform', lines: declarationsByLine([blockComment, heredoc], TERRAFORM_DECLARATIONS, '"'), roleLists: true },
  { name: /\.tf\.json$/, tool: 'terraform', structure: terraformJson },
  { name: /\.tfvars$/, tool: 'terraform', roleLists: true },
  { name: /\.tfvars\.json$|^\.terraform\.lock\.hcl$/, tool: 'terraform' },
  { name: /^terragrunt\.hcl$/, tool: 'terragrunt' },
  { name: /^cdk\.json$/, tool: 'cdk' },
  { name: /^cdktf\.json$/, tool: 'cdktf' },
  { name: /^Pulumi\.ya?ml$/, tool: 'pulumi', structure: pulumi },
  { name: /^Pulumi\.[^.]+\.ya?ml$/, tool: 'pulumi' },
  { name: /\.bicep$/, tool: 'bicep', lines: declarationsByLine([blockComment, multilineString], BICEP_DECLARATIONS, "'") },
  { name: /^serverless\.ya?ml$/, tool: 'serverless', structure: serverless },
];

/** Other files that may be CloudFormation, SAM or ARM templates, told apart by their content. */
const TEMPLATE_CANDIDATE = /\.(ya?ml|json|template)$/i;
const TEMPLATE_MARKERS = /AWSTemplateFormatVersion|AWS::|deploymentTemplate\.json/i;
/** Unmistakable in a template's text even when it does not parse. */
const BROKEN_TEMPLATE_MARKERS: Array<{ marker: RegExp; tool: IacTool }> = [
  { marker: /AWS::Serverless/, tool: 'sam' },
  { marker: /^\s*"?AWSTemplateFormatVersion"?\s*:/m, tool: 'cloudformation' },
  { marker: /"\$schema"\s*:\s*"[^"]*deploymentTemplate\.json/i, tool: 'arm' },
];

/** Programs that may declare infrastructure with CDK, CDK for Terraform or Pulumi; type declarations hold none. */
function codeLanguage(path: string): CodeLanguage | null {
  if (path.endsWith('.py')) return 'python';
  return /\.[cm]?[jt]s$/.test(path) && !/\.d\.[cm]?ts$/.test(path) ? 'javascript' : null;
}

/** The tool a file belongs to by its name; null for most files. */
const namedFile = byFileName((name) => NAMED_FILES.find((entry) => entry.name.test(name)) ?? null);

/** Whether the collector reads a file: one named for a tool whose files it reads, or one whose content may name its tool. */
const READ_FILE = byFileName((name) => {
  const named = namedFile(name);
  return named ? Boolean(named.lines ?? named.structure ?? named.roleLists) : TEMPLATE_CANDIDATE.test(name) || codeLanguage(name) !== null;
});

export const iacCollector = defineCollector({ key: 'iac', create: collectIac });

function collectIac(): Collector<IacFacts> {
  const readFiles: IacFacts['files'] = [];
  const resources: IacResource[] = [];
  const grants: IacGrant[] = [];
  const roleLists: TerraformRoleLists[] = [];
  const add = (declared: Declared) => {
    resources.push(...declared.resources);
    grants.push(...declared.grants);
  };

  function readNamed(file: FileContent, named: NamedFile, warn: Warn): void {
    const context = { path: file.path, tool: named.tool };
    if (named.lines) add(named.lines(file.lines(), context));
    if (named.roleLists) roleLists.push(readRoleLists(file.path, file.lines(), file.path.endsWith('.tfvars')));
    if (!named.structure) return;
    const source = parseYamlDocuments(file.text);
    if (source.error) {
      warn({ path: file.path, line: source.error.line, message: `${named.tool} file does not parse: ${source.error.message}` });
      return;
    }
    add(named.structure({ ...context, source, root: source.documents[0]?.contents }));
  }

  function readTemplate(file: FileContent, warn: Warn): void {
    if (!TEMPLATE_MARKERS.test(file.text)) return;
    const source = parseYamlDocuments(file.text);
    if (source.error) {
      const tool = BROKEN_TEMPLATE_MARKERS.find(({ marker }) => marker.test(file.text))?.tool;
      if (!tool) return;
      warn({ path: file.path, line: source.error.line, message: `${tool} template does not parse: ${source.error.message}` });
      readFiles.push({ path: file.path, tool });
      return;
    }
    const document = source.documents[0];
    const root = document?.contents;
    const tool = document ? templateTool(root, document) : null;
    if (!tool) return;
    readFiles.push({ path: file.path, tool });
    add(TEMPLATE_READERS[tool]({ path: file.path, tool, source, root }));
  }

  function readCode(file: FileContent, language: CodeLanguage): void {
    if (!IAC_CODE_MARKERS.test(file.text)) return;
    const code = readIacCode(file.path, file.text, language);
    if (!code) return;
    readFiles.push(...code.tools.map((tool) => ({ path: file.path, tool })));
    add(code);
  }

  return {
    wants: READ_FILE,
    visit(file, warn) {
      const named = namedFile(file.path);
      const language = codeLanguage(file.path);
      if (named) readNamed(file, named, warn);
      else if (TEMPLATE_CANDIDATE.test(file.path)) readTemplate(file, warn);
      else if (language) readCode(file, language);
    },
    finish(index) {
      // A file named for a tool belongs to it even when it was too large to read.
      const byName = index.files.flatMap(({ path }) => {
        const named = namedFile(path);
        return named ? [{ path, tool: named.tool }] : [];
      });
      const files = [...byName, ...readFiles].sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.tool, b.tool));
      return {
        tools: [...new Set(files.map((file) => file.tool))].sort(compareStrings),
        files,
        resources: [...resources].sort(byLocation),
        grants: [...grants, ...resolveRoleLists(roleLists)].sort(byLocation),
      };
    },
  };
}
