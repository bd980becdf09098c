import { defineCollector, type Collector } from '../collector.js';
import type { PathContext } from '../location.js';

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
const MODULE_COMMENT: Record<string, RegExp> = {
  py: /^#/,
  R: /^#/,
  r: /^#/,
  jl: /^#/,
  scala: /^(?:\/\/|\/\*|\*)/,
  java: /^(?:\/\/|\/\*|\*)/,
  kt: /^(?:\/\/|\/\*|\*)/,
};

function moduleComment(path: string): RegExp | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const extension = name.slice(name.lastIndexOf('.') + 1);
  return name.includes('.') && Object.hasOwn(MODULE_COMMENT, extension) ? MODULE_COMMENT[extension] : undefined;
}

/** Lines that carry code: not blank and not a comment. */
export function codeLineCount(source: string, comment: RegExp = MODULE_COMMENT.py!): number {
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
