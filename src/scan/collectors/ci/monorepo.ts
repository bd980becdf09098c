import { escapeRegExp } from '../../../util/escape-regexp.js';

/*
 * Which pipelines at the top of a monorepo are about one of its projects: those whose files name
 * the project's folder as a path, read from their text (a trigger's paths filter, a job's working
 * directory, a build context, a matrix of the projects).
 */

/** Where a path starts: a line's start, a space, a quote, `=`, `:`, `,` or a bracket; or after `./`, or `}}/` (`${{ github.workspace }}/…`). */
const PATH_START = String.raw`(?:^|[\s"'=:,\[(]|\.\/|\}\/)`;
const PATH_END = String.raw`(?=$|[\s"',\])}])`;
/** What takes a folder as its argument: `cd backend`, `working-directory: backend`, `make -C backend`. */
const FOLDER_TAKER = String.raw`(?:^|[\s"'])(?:cd|pushd|working-directory:|workingDirectory:|context:|cwd:|-C|--cwd|--directory|--project-dir)[ \t]+["']?(?:\.\/)?`;

/**
 * Whether a file names `directory` as a path: a path through it (`services/model/**`,
 * `./backend/Dockerfile`), or the folder itself (`working-directory: services/model`, `cd
 * backend`, `./backend`). A name of one segment may be a word of anything (an image called
 * `backend`, a step named "Build backend"), so alone it counts only where a folder is expected;
 * `services/model-v2`, `old-services/model` and a URL through `…/backend/` are other paths.
 */
export function naming(directory: string): (text: string) => boolean {
  const written = escapeRegExp(directory);
  const itself = directory.includes('/') ? `${PATH_START}${written}${PATH_END}` : `(?:\.\/|${FOLDER_TAKER})${written}${PATH_END}`;
  const patterns = [new RegExp(`${PATH_START}${written}\/`, 'm'), new RegExp(itself, 'm')];
  const names = (text: string) => text.includes(directory) && patterns.some((pattern) => pattern.test(text));
  const folder = directory.slice(directory.lastIndexOf('/') + 1);
  return (text) => names(text) || matrixExpansions(text, folder).some(names);
}

const MATRIX_VALUE = /\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g;
/** Jobs a matrix makes, at most: a monorepo's projects are a handful or a few dozen. */
const MAX_MATRIX_VALUES = 64;
const MAX_MATRIX_VARIABLES = 8;

/**
 * The text with each `${{ matrix.x }}` written as `value`, for each matrix variable whose list
 * (`x: [model, web]`, or `x:` then `- model` lines) holds `value`: a job over
 * `services/${{ matrix.project }}` runs in services/model when `model` is one of the projects.
 */
function matrixExpansions(text: string, value: string): string[] {
  if (!text.includes('matrix.') || !text.includes(value)) return [];
  // A hostile file may name thousands of variables; a real one a few.
  const variables = [...new Set([...text.matchAll(MATRIX_VALUE)].map((match) => match[1]!))].slice(0, MAX_MATRIX_VARIABLES);
  return variables
    .filter((variable) => matrixValues(text, variable).includes(value))
    .map((variable) => text.replace(new RegExp(String.raw`\$\{\{\s*matrix\.${escapeRegExp(variable)}\s*\}\}`, 'g'), value));
}

/** The values a matrix variable is given in a workflow's text: an inline list or a block list under its key. */
function matrixValues(text: string, variable: string): string[] {
  const lines = text.split('\n');
  const key = new RegExp(String.raw`^([ \t]*)${escapeRegExp(variable)}[ \t]*:[ \t]*(.*)$`);
  const values: string[] = [];
  lines.forEach((line, i) => {
    const found = key.exec(line);
    if (!found) return;
    const inline = /^\[([^\]]*)\]/.exec(found[2]!.trim());
    if (inline) values.push(...inline[1]!.split(','));
    else if (found[2]!.trim() === '') {
      for (let next = i + 1; next < lines.length && /^[ \t]*-[ \t]/.test(lines[next]!) && values.length < MAX_MATRIX_VALUES; next++) values.push(lines[next]!.replace(/^[ \t]*-[ \t]*/, ''));
    }
  });
  return values.slice(0, MAX_MATRIX_VALUES).map((item) => item.trim().replace(/^["']|["']$/g, ''));
}

/** A GitHub workflow's text without its `jobs:` block: its triggers, environment and defaults. */
export function outsideJobs(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^["']?jobs["']?\s*:/.test(line));
  if (start < 0) return text;
  const end = lines.findIndex((line, i) => i > start && /^[^\s#-]/.test(line));
  return [...lines.slice(0, start), ...(end < 0 ? [] : lines.slice(end))].join('\n');
}
