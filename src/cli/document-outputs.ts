import { DOCUMENT_FORMATS, type DocumentFormat, type DocumentRenderers } from '../render/document.js';
import { EXTENSIONS } from '../render/index.js';
import { destinations, parseFormats, type Destination, type Output, type OutputFlags } from './outputs.js';

/** Where each format of a document goes: stdout, `--output`, or `<out-dir>/<name>.<ext>`. */
export function documentDestinations(flags: OutputFlags, name: string): Array<Destination<DocumentFormat>> {
  return destinations(parseFormats(flags.format, DOCUMENT_FORMATS), flags, (format) => `${name}.${EXTENSIONS[format]}`);
}

export function renderDocument<T>(document: T, targets: ReadonlyArray<Destination<DocumentFormat>>, renderers: DocumentRenderers<T>, color: boolean): Promise<Output[]> {
  return Promise.all(targets.map(async ({ format, path }) => ({ path, content: (await renderers[format]())(document, { color: path === null && color }) })));
}
