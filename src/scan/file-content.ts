import type { FileContent } from './collector.js';
import { parseNotebook, type NotebookView } from './notebook.js';
import { pathContext } from './path-context.js';

export function fileContent(path: string, text: string, bytes = Buffer.byteLength(text)): FileContent {
  let lines: string[] | undefined;
  let notebook: NotebookView | null | undefined;
  return {
    path,
    bytes,
    context: pathContext(path),
    text,
    lines: () => (lines ??= text.split(/\r?\n/)),
    notebook: () => {
      if (notebook === undefined) notebook = path.endsWith('.ipynb') ? parseNotebook(text) : null;
      return notebook;
    },
  };
}
