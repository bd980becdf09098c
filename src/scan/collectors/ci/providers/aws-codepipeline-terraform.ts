import { posix } from 'node:path';
import type { FileContent } from '../../../collector.js';
import { addEnvironment, addScripts, emptyDraft, type Draft, type Source } from '../draft.js';
import type { RepoFiles } from '../follow/repo-files.js';
import type { CiProviderDefinition } from '../provider.js';
import { lineAtOffset, lineStarts, stringAt } from '../source-text.js';
import { child, entries, scriptsOf, yamlDocuments } from '../yaml.js';
import { CODEPIPELINE_GIT_SOURCE, environmentWord } from './aws-codepipeline.js';

/*
 * AWS CodePipeline declared in Terraform, read as text: `aws_codepipeline` stages and actions
 * (a GitHub or CodeCommit source runs it on push), and the buildspecs of the
 * `aws_codebuild_project`s of the same module, which it runs.
 */

interface Block {
  /** Offset of the block's `{` and of its `}`. */
  open: number;
  close: number;
}

/** Heredocs (`<<EOF`) a block is searched through; real modules have a handful. */
const MAX_HEREDOCS = 100;
/** Sibling .tf files a pipeline's module may spread its CodeBuild projects over. */
const MAX_MODULE_FILES = 50;

/** The offset after a heredoc's closing line (`<<EOF … EOF`), searched from `from`; -1 when it does not close. */
function heredocEnd(text: string, delimiter: string, from: number): number {
  const end = new RegExp(`^[ \\t]*${delimiter}[ \\t]*$`, 'gm');
  end.lastIndex = from;
  const match = end.exec(text);
  return match ? match.index + match[0].length : -1;
}

const HEREDOC_START = /<<-?[ \t]*([A-Za-z_]\w*)/y;

/** Where the `{` at `open` closes, skipping strings, comments and heredocs; -1 when it does not. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  // A delimiter that does not close once closes nowhere after: each is searched for at most once,
  // and only so many are searched for in one block.
  const unclosed = new Set<string>();
  let searches = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') i = (stringAt(text, i)?.end ?? i + 1) - 1;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '<') {
      HEREDOC_START.lastIndex = i;
      const heredoc = HEREDOC_START.exec(text);
      const end = heredoc && !unclosed.has(heredoc[1]!) && searches++ < MAX_HEREDOCS ? heredocEnd(text, heredoc[1]!, i + heredoc[0].length) : -1;
      if (end > 0) i = end - 1;
      else if (heredoc) unclosed.add(heredoc[1]!);
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Blocks opened by a header matching `header` (which must end at the `{`) within [from, to). */
function blocks(text: string, header: RegExp, from = 0, to = text.length): Block[] {
  const found: Block[] = [];
  const pattern = new RegExp(header.source, 'g');
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) {
    const open = match.index + match[0].length - 1;
    const close = closingBrace(text, open);
    if (close < 0 || close > to) break;
    found.push({ open, close });
    pattern.lastIndex = close + 1;
  }
  return found;
}

/** `name = "value"` directly in a block (not in its nested blocks). */
function attribute(text: string, block: Block, name: string): { value: string; offset: number } | undefined {
  const pattern = new RegExp(`^[ \\t]*${name}[ \\t]*=[ \\t]*"`, 'gm');
  pattern.lastIndex = block.open + 1;
  let depth = 0;
  let scanned = block.open + 1;
  for (let match = pattern.exec(text); match && match.index < block.close; match = pattern.exec(text)) {
    // Nesting is counted once over the text, from one match to the next.
    for (; scanned < match.index; scanned++) depth += text[scanned] === '{' ? 1 : text[scanned] === '}' ? -1 : 0;
    if (depth !== 0) continue;
    const literal = stringAt(text, match.index + match[0].length - 1);
    if (literal) return { value: literal.value, offset: match.index };
  }
  return undefined;
}

const PIPELINE = /resource[ \t]+"aws_codepipeline"[ \t]+"[^"\n]*"[ \t]*\{/;
const CODEBUILD = /resource[ \t]+"aws_codebuild_project"[ \t]+"[^"\n]*"[ \t]*\{/;
/** A YAML file a module reads: `file("buildspec.yml")`, `templatefile("${path.module}/ci/build.yaml", {…})`. */
const YAML_FILE = /\b(?:file|templatefile)\(\s*"(?:\$\{path\.(?:module|root)\}\/)?([^"$]+\.ya?ml)"/g;
const HEREDOC_BUILDSPEC = /\bbuildspec[ \t]*=[ \t]*<<-?[ \t]*([A-Za-z_]\w*)[ \t]*\n/g;

function readStages(text: string, pipeline: Block, starts: readonly number[], draft: Draft): void {
  for (const stage of blocks(text, /\bstage[ \t]*\{/, pipeline.open + 1, pipeline.close)) {
    const stageName = attribute(text, stage, 'name')?.value ?? '';
    for (const action of blocks(text, /\baction[ \t]*\{/, stage.open + 1, stage.close)) {
      const category = attribute(text, action, 'category');
      const provider = attribute(text, action, 'provider')?.value ?? '';
      const actionName = attribute(text, action, 'name')?.value ?? '';
      const line = lineAtOffset(starts, category?.offset ?? action.open);
      const shown = `${provider} ${category?.value.toLowerCase() ?? ''}: ${stageName}/${actionName}`;
      draft.jobs++;
      if (category?.value === 'Source') draft.triggers.push(CODEPIPELINE_GIT_SOURCE.test(provider) ? 'push' : 'other');
      else if (category?.value === 'Approval') draft.manualApproval = true;
      else if (category?.value === 'Test') draft.steps.push({ kind: 'test', command: shown, line });
      else if (category?.value === 'Deploy') {
        draft.steps.push({ kind: 'deploy', command: shown, line });
        addEnvironment(draft, environmentWord(stageName) ?? environmentWord(actionName));
      }
    }
  }
}

/** The buildspecs of a module's CodeBuild projects: files it reads become calls, inline ones scripts of the pipeline. */
function readBuildspecs(file: FileContent, directory: string, draft: Draft, source: Source | undefined): void {
  const text = file.text;
  if (!CODEBUILD.test(text)) return;
  for (const match of text.matchAll(YAML_FILE)) {
    const path = posix.normalize(posix.join(directory, match[1]!));
    if (!path.startsWith('..')) draft.calls.push(path);
  }
  const starts = lineStarts(text);
  for (const match of [...text.matchAll(HEREDOC_BUILDSPEC)].slice(0, MAX_HEREDOCS)) {
    const body = match.index + match[0].length;
    const end = heredocEnd(text, match[1]!, body);
    const docs = end > 0 ? yamlDocuments(text.slice(body, end).replace(/[^\n]*$/, '')) : null;
    if (!docs || !Array.isArray(docs) || docs.length === 0) continue;
    const y = docs[0]!;
    const offset = lineAtOffset(starts, body) - 1;
    for (const { value } of entries(y, child(y, y.doc.contents, 'phases'))) {
      const scripts = scriptsOf(y, child(y, value, 'commands')).map((lines) => lines.map((line) => ({ ...line, line: line.line + offset })));
      addScripts(draft, scripts, { cwd: directory, ...(source ? { source } : {}) });
    }
  }
}

function terraformPipeline(file: FileContent, _warn: unknown, repo: RepoFiles): Draft {
  const draft = emptyDraft();
  const text = file.text;
  const starts = lineStarts(text);
  const pipelines = blocks(text, PIPELINE);
  for (const pipeline of pipelines) readStages(text, pipeline, starts, draft);
  const directory = posix.dirname(file.path) === '.' ? '' : posix.dirname(file.path);
  // The CodeBuild projects a pipeline runs are often declared in another file of the module.
  const link = { path: null, line: lineAtOffset(starts, pipelines[0]?.open ?? 0), command: 'aws_codepipeline: the CodeBuild projects of its module' };
  for (const path of repo.matching(directory ? `${directory}/*.tf` : '*.tf').slice(0, MAX_MODULE_FILES)) {
    const sibling = path === file.path ? file : repo.read(path);
    if (sibling) readBuildspecs(sibling, directory, draft, path === file.path ? undefined : { path, trail: [link] });
  }
  draft.triggers = [...new Set(draft.triggers)];
  draft.disabled = draft.jobs === 0;
  return draft;
}

/** AWS CodePipeline declared in Terraform. */
export const awsCodePipelineTerraform: CiProviderDefinition = {
  provider: 'aws-codepipeline',
  runs: ['aws-codebuild'],
  files: [{ path: /\.tf$/, anywhere: true, sniff: [PIPELINE], byContent: true }],
  read: terraformPipeline,
};
