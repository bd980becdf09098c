import { defineCollector, type Collector } from '../collector.js';
import type { PathContext } from '../location.js';
import { extensionOf } from '../../util/repo-path.js';

export interface NotebookFacts {
  count: number;
  paths: string[];
  /** Notebooks committed with cell outputs. */
  withOutputs: string[];
  notebookCodeLines: number;
  moduleCodeLines: number;
  /** Share of code lines that live in notebooks, 0..1 (0 when there is no code). */
  notebookShare: number;
}

/** Vendored code and fixtures are not the team's own code; everything else is weighed. */
const WEIGHED: ReadonlySet<PathContext> = new Set(['project', 'test', 'example', 'docs']);

/**
 * The modules weighed against the notebooks, by the comment that opens a line in their language:
 * the languages ML notebooks are written in (Python; R, Julia, Scala, Java and Kotlin kernels). A
 * Scala library with a few Scala notebooks beside it keeps its code in modules.
 */
const HASH_COMMENT = /^#/;
const SLASH_COMMENT = /^(?:\/\/|\/\*|\*)/;
const MODULE_COMMENT: Record<string, RegExp> = { py: HASH_COMMENT, r: HASH_COMMENT, jl: HASH_COMMENT, scala: SLASH_COMMENT, java: SLASH_COMMENT, kt: SLASH_COMMENT };

function moduleComment(path: string): RegExp | undefined {
  const extension = extensionOf(path);
  return extension !== null && Object.hasOwn(MODULE_COMMENT, extension) ? MODULE_COMMENT[extension] : undefined;
}

/** Lines that carry code: not blank and not a comment. */
export function codeLineCount(source: string, comment: RegExp = HASH_COMMENT): number {
  let count = 0;
  for (const line of source.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed && !comment.test(trimmed)) count += 1;
  }
  return count;
}

export const notebooksCollector = defineCollector({ key: 'notebooks', create: collectNotebooks });

function collectNotebooks(): Collector<NotebookFacts> {
  const paths: string[] = [];
  const withOutputs: string[] = [];
  let notebookCodeLines = 0;
  let moduleCodeLines = 0;

  return {
    wants: (path) => path.endsWith('.ipynb') || moduleComment(path) !== undefined,
    visit(file, warn) {
      if (!WEIGHED.has(file.context)) return;
      const comment = moduleComment(file.path);
      if (comment) {
        moduleCodeLines += codeLineCount(file.text, comment);
        return;
      }
      paths.push(file.path);
      const notebook = file.notebook();
      if (!notebook) {
        warn({ path: file.path, message: 'notebook is not valid JSON in nbformat; its code was not counted' });
        return;
      }
      if (notebook.hasOutputs) withOutputs.push(file.path);
      for (const cell of notebook.codeCells) notebookCodeLines += codeLineCount(cell.source);
    },
    finish() {
      const total = notebookCodeLines + moduleCodeLines;
      return {
        count: paths.length,
        paths,
        withOutputs,
        notebookCodeLines,
        moduleCodeLines,
        notebookShare: total === 0 ? 0 : Math.round((notebookCodeLines / total) * 1000) / 1000,
      };
    },
  };
}
