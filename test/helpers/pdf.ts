import { inflateSync } from 'node:zlib';

/*
 * Just enough of PDF to check a printed report the way a reader leafs through it: how many pages,
 * and how far down each page anything is drawn. It reads what Chromium writes (uncompressed object
 * syntax, Flate-compressed content streams) and follows the graphics state of a content stream:
 * transformation matrices, text positions, rectangles and paths that are painted, images.
 */

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` applied first, then `n`, as PDF concatenates matrices. */
function times(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

const yOf = (m: Matrix, x: number, y: number) => m[1] * x + m[3] * y + m[5];

interface PdfObject {
  dictionary: string;
  /** The stream's bytes as stored (compressed or not): only page contents are ever decoded. */
  stream: Buffer | null;
}

function decoded({ dictionary, stream }: PdfObject): Buffer | null {
  return stream && dictionary.includes('/FlateDecode') ? inflateSync(stream) : stream;
}

/** Where the dictionary opening at `start` closes (just past its `>>`), or `start` when none opens there. */
function closingBrackets(text: string, start: number): number {
  if (!text.startsWith('<<', start)) return start;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text.startsWith('<<', i)) {
      depth += 1;
      i += 1;
    } else if (text.startsWith('>>', i)) {
      depth -= 1;
      i += 1;
      if (depth === 0) return i + 1;
    } else if (text[i] === '(') {
      // A literal string may hold brackets: skip it, with its escapes.
      for (i += 1; i < text.length && text[i] !== ')'; i += text[i] === '\\' ? 2 : 1);
    }
  }
  return start;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = header.lastIndex;
    const dictionaryEnd = closingBrackets(text, start);
    const streamKeyword = /\s*stream\r?\n/y;
    streamKeyword.lastIndex = dictionaryEnd;
    const keyword = dictionaryEnd > start ? streamKeyword.exec(text) : null;
    if (keyword) {
      const dictionary = text.slice(start, dictionaryEnd);
      const length = Number(/\/Length (\d+)\s*[/>]/.exec(dictionary)?.[1]);
      if (!Number.isInteger(length)) throw new Error(`PDF object ${match[1]}: a stream without a direct /Length`);
      const dataStart = dictionaryEnd + keyword[0].length;
      const data = pdf.subarray(dataStart, dataStart + length);
      found.set(Number(match[1]), { dictionary, stream: data });
      header.lastIndex = dataStart + length;
    } else {
      const endAt = text.indexOf('endobj', start);
      if (endAt < 0) break;
      found.set(Number(match[1]), { dictionary: text.slice(start, endAt), stream: null });
      header.lastIndex = endAt;
    }
  }
  return found;
}

/** The page objects in reading order: the page tree's kids, depth first. */
function pageIds(all: Map<number, PdfObject>): number[] {
  const root = [...all.entries()].find(([, object]) => /\/Type\s*\/Pages\b/.test(object.dictionary) && !/\/Parent/.test(object.dictionary));
  if (!root) throw new Error('not a PDF: no page tree');
  const expand = (id: number): number[] => {
    const { dictionary } = all.get(id)!;
    if (!/\/Type\s*\/Pages\b/.test(dictionary)) return [id];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dictionary)?.[1] ?? '';
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((kid) => expand(Number(kid[1])));
  };
  return expand(root[0]);
}

/** A name, a hex or literal string, an array bracket, then the two that matter: a number, an operator. */
const TOKEN = /\/[^\s/<>[\]()]+|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|(-?\d*\.?\d+)|([A-Za-z'"*]+)/g;

/** The lowest point of the page on which something is painted, in PDF units from the bottom. */
function lowestPaint(content: string, height: number): number {
  let ctm: Matrix = IDENTITY;
  const saved: Matrix[] = [];
  let textLine: Matrix = IDENTITY;
  let path: Array<[number, number]> = [];
  let operands: number[] = [];
  let lowest = height;
  const mark = (m: Matrix, x: number, y: number) => (lowest = Math.min(lowest, yOf(m, x, y)));
  for (const [, number, token] of content.matchAll(TOKEN)) {
    if (number !== undefined) {
      operands.push(Number(number));
      continue;
    }
    if (token === undefined) continue;
    const n = operands;
    operands = [];
    switch (token) {
      case 'q':
        saved.push(ctm);
        break;
      case 'Q':
        ctm = saved.pop() ?? IDENTITY;
        break;
      case 'cm':
        ctm = times(n as Matrix, ctm);
        break;
      case 'BT':
        textLine = IDENTITY;
        break;
      case 'Tm':
        textLine = n as Matrix;
        break;
      case 'Td':
      case 'TD':
        textLine = times([1, 0, 0, 1, n[0]!, n[1]!], textLine);
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        mark(times(textLine, ctm), 0, 0);
        break;
      case 're':
        path.push([n[0]!, n[1]!], [n[0]! + n[2]!, n[1]! + n[3]!]);
        break;
      case 'm':
      case 'l':
      case 'c':
      case 'v':
      case 'y':
        if (n.length >= 2) path.push([n.at(-2)!, n.at(-1)!]);
        break;
      case 'f':
      case 'F':
      case 'f*':
      case 'S':
      case 's':
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        for (const [x, y] of path) mark(ctm, x, y);
        path = [];
        break;
      case 'n':
        path = [];
        break;
      case 'Do':
        mark(ctm, 0, 0);
        break;
    }
  }
  return lowest;
}

export interface PrintedPage {
  /** How far down the page its content reaches, from 0 (blank) to 1 (to the bottom edge). */
  fill: number;
}

/** The pages of a PDF Chromium printed, in order. */
export function printedPages(pdf: Buffer): PrintedPage[] {
  const all = objects(pdf);
  return pageIds(all).map((id) => {
    const { dictionary } = all.get(id)!;
    const height = Number(/\/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+[\d.]+\s+([\d.]+)/.exec(dictionary)?.[1] ?? 842);
    const contents = /\/Contents\s*(?:\[([^\]]*)\]|(\d+) 0 R)/.exec(dictionary);
    const ids = contents ? [...(contents[1] ?? `${contents[2]} 0 R`).matchAll(/(\d+) 0 R/g)].map((ref) => Number(ref[1])) : [];
    const content = ids.map((ref) => {
      const object = all.get(ref);
      return (object && decoded(object)?.toString('latin1')) ?? '';
    }).join('\n');
    return { fill: (height - lowestPaint(content, height)) / height };
  });
}
