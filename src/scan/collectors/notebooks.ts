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

/** Lines that carry code: not blank and not a comment. */
export function codeLineCount(source: string): number {
  let count = 0;
  for (const line of source.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed && !trimmed.startsWith('#')) count += 1;
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
    wants: (path) => path.endsWith('.ipynb') || path.endsWith('.py'),
    visit(file, warn) {
      if (!WEIGHED.has(file.context)) return;
      if (file.path.endsWith('.py')) {
        moduleCodeLines += codeLineCount(file.text);
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
