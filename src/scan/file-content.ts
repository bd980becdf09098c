import type { FileContent } from './collector.js';
import { parseNotebook, type NotebookView } from './notebook.js';
import type { PathContext } from './location.js';
import { pathContext } from './path-context.js';

/**
 * One object per file read, its views made when first asked for: a scan makes one for each of tens
 * of thousands of files, and an object with a closure per view cost three allocations more each.
 */
class ReadFile implements FileContent {
  readonly context: PathContext;
  private split: string[] | undefined;
  private parsed: NotebookView | null | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    readonly bytes: number,
  ) {
    this.context = pathContext(path);
  }

  lines(): readonly string[] {
    return (this.split ??= this.text.split(/\r?\n/));
  }

  notebook(): NotebookView | null {
    if (this.parsed === undefined) this.parsed = this.path.endsWith('.ipynb') ? parseNotebook(this.text) : null;
    return this.parsed;
  }
}

export function fileContent(path: string, text: string, bytes = Buffer.byteLength(text)): FileContent {
  return new ReadFile(path, text, bytes);
}
