import { expandBraces } from '../../../util/glob.js';
import { extensionOf } from '../../../util/repo-path.js';
import type { FileContent } from '../../collector.js';
import { javascriptView } from './javascript.js';
import { LineTable } from './lines.js';
import { markdownView } from './markdown.js';
import { pythonView } from './python.js';
import { rView } from './r.js';
import { tomlView } from './toml.js';
import type { CodeView } from './view.js';

/**
 * The languages whose code the scan reads as code (src/scan/collectors/code/view.ts), not as lines
 * of text: programs, TOML (whose values span lines) and Markdown (whose code is in code blocks).
 */
export type CodeLanguage = 'python' | 'javascript' | 'r' | 'toml' | 'markdown';

const BY_EXTENSION: Record<string, CodeLanguage> = {
  py: 'python',
  pyw: 'python',
  ipynb: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'javascript',
  mts: 'javascript',
  cts: 'javascript',
  tsx: 'javascript',
  r: 'r',
  toml: 'toml',
  md: 'markdown',
  markdown: 'markdown',
};

/** The files read as code, in words, for pack authors. */
export const CODE_GLOBS = Object.keys(BY_EXTENSION)
  .map((extension) => `*.${extension === 'r' ? 'R' : extension}`)
  .join(', ');

/** Whether every file a glob can match is read as code: its name ends in a code extension (`*.py`, `**\/serving/**\/*.{py,ipynb}`). */
export function isCodeGlob(glob: string): boolean {
  return expandBraces(glob).every((pattern) => {
    const extension = /\.(\w+)$/.exec(pattern)?.[1]?.toLowerCase();
    return extension !== undefined && Object.hasOwn(BY_EXTENSION, extension);
  });
}

/** The interpreter a script without an extension names on its first line (`#!/usr/bin/env python3`). */
const SHEBANG = /^#![^\n]*?\b(python[\d.]*|node|Rscript)\b/;
const BY_INTERPRETER: Record<string, CodeLanguage> = { node: 'javascript', Rscript: 'r' };

/** The language of a path by its extension; null for other files and for scripts without one. */
export function languageOfPath(path: string): CodeLanguage | null {
  const extension = extensionOf(path);
  return extension !== null && Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension]! : null;
}

/** Whether a path has no extension: it may be a script whose first line names its language. */
export function mayBeScript(path: string): boolean {
  return extensionOf(path) === null;
}

/**
 * The language of a file: by extension, or for a script without one (SageMaker's `train` and
 * `serve` entry points, `bin/` tools) by the interpreter on its first line.
 */
export function languageOf(file: FileContent): CodeLanguage | null {
  const byPath = languageOfPath(file.path);
  if (byPath || !mayBeScript(file.path)) return byPath;
  const interpreter = SHEBANG.exec(file.text.slice(0, 200))?.[1];
  if (!interpreter) return null;
  return BY_INTERPRETER[interpreter] ?? 'python';
}

/** The extension a script without one is matched as, so that a `*.py` signal reads a Python script named `train`. */
export function scriptExtension(language: CodeLanguage): string {
  return language === 'javascript' ? '.js' : language === 'r' ? '.R' : '.py';
}

const VIEWS: Record<CodeLanguage, (source: string) => CodeView> = { python: pythonView, javascript: javascriptView, r: rView, toml: tomlView, markdown: markdownView };

/** A piece of code with its own lines: a whole module, or one code cell of a notebook. Its views are made once, when first asked for. */
export interface CodeUnit {
  source: string;
  /** The 1-based index of the notebook's code cell. */
  cell?: number;
  view(): CodeView;
  /** The lines as written. */
  lines(): LineTable;
  /** The logical lines of the view. */
  logicalLines(): LineTable;
}

function unit(source: string, makeView: () => CodeView, cell?: number): CodeUnit {
  let view: CodeView | undefined;
  let lines: LineTable | undefined;
  let logical: LineTable | undefined;
  return {
    source,
    ...(cell === undefined ? {} : { cell }),
    view: () => (view ??= makeView()),
    lines: () => (lines ??= new LineTable(source)),
    logicalLines() {
      view ??= makeView();
      return (logical ??= new LineTable(view.text));
    },
  };
}

/** The code of a file as the units the scan searches: each code cell of a notebook (never its outputs), or the whole file. */
export function codeUnits(file: FileContent, language: CodeLanguage): CodeUnit[] {
  const notebook = file.notebook();
  if (notebook) return notebook.codeCells.map((cell) => unit(cell.source, () => pythonView(cell.source, { notebookCell: true }), cell.index));
  if (file.path.endsWith('.ipynb')) return [];
  const view = VIEWS[language];
  return [unit(file.text, () => view(file.text))];
}

/** The text of a file as lines: each code cell of a notebook, or the whole file. */
export function textUnits(file: FileContent): Array<{ source: string; cell?: number }> {
  const notebook = file.notebook();
  if (notebook) return notebook.codeCells.map((cell) => ({ source: cell.source, cell: cell.index }));
  if (file.path.endsWith('.ipynb')) return [];
  return [{ source: file.text }];
}
