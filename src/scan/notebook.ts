/** The parts of a Jupyter notebook the collectors use. */
export interface NotebookView {
  /** Code cells in order, with their 1-based index among code cells. */
  codeCells: Array<{ index: number; source: string }>;
  /** True when any code cell carries outputs. */
  hasOutputs: boolean;
}

function joinSource(source: unknown): string {
  if (Array.isArray(source)) return source.filter((part) => typeof part === 'string').join('');
  return typeof source === 'string' ? source : '';
}

/** Parses nbformat 4 (and the `worksheets` layout of nbformat 3); null when it is not a notebook. */
export function parseNotebook(text: string): NotebookView | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const record = data as { cells?: unknown; worksheets?: Array<{ cells?: unknown }> };
  const cells = Array.isArray(record.cells)
    ? record.cells
    : Array.isArray(record.worksheets)
      ? record.worksheets.flatMap((sheet) => (Array.isArray(sheet.cells) ? sheet.cells : []))
      : null;
  if (!cells) return null;
  const view: NotebookView = { codeCells: [], hasOutputs: false };
  for (const cell of cells as Array<Record<string, unknown>>) {
    if (cell?.cell_type !== 'code') continue;
    view.codeCells.push({ index: view.codeCells.length + 1, source: joinSource(cell.source ?? cell.input) });
    if (Array.isArray(cell.outputs) && cell.outputs.length > 0) view.hasOutputs = true;
  }
  return view;
}
