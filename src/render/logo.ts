import { InputError } from '../util/errors.js';

/** A consultant's logo, ready to embed: the report stays one file that loads nothing. */
export interface Logo {
  /** A `data:` URI; the page's Content-Security-Policy allows images from `data:` only. */
  dataUri: string;
}

/** Big enough for any logo, small enough that a wrong file (a photo, a PDF) is caught. */
export const MAX_LOGO_BYTES = 512 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/*
 * The type comes from the content, never from the file name: a browser shown the wrong type
 * shows a broken image. SVG is safe here because an <img> never runs an image's scripts.
 */
const FORMATS: ReadonlyArray<{ type: string; matches: (bytes: Uint8Array) => boolean }> = [
  { type: 'image/png', matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', matches: (bytes) => startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')) },
  { type: 'image/webp', matches: (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) },
  { type: 'image/svg+xml', matches: (bytes) => /^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 4096))) },
];

/** `setting` is what named the file (`--logo`, a configuration's `report.logo`), for messages. */
export function logoFromBytes(bytes: Uint8Array, file: string, setting = '--logo'): Logo {
  if (bytes.length > MAX_LOGO_BYTES) throw new InputError(`${setting}: ${Math.ceil(bytes.length / 1024)} KiB is too large for a logo (at most ${MAX_LOGO_BYTES / 1024} KiB)`, file);
  const format = FORMATS.find((candidate) => candidate.matches(bytes));
  if (!format) throw new InputError(`${setting}: not a PNG, JPEG, GIF, WebP or SVG image`, file);
  return { dataUri: `data:${format.type};base64,${Buffer.from(bytes).toString('base64')}` };
}
