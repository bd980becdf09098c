import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import { InputError } from '../util/errors.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { cleanedOnRead, printable } from '../util/printable.js';
import { DOCUMENT_BYTES, readBoundedTextIfExists } from '../util/read-bounded.js';
import { withContentSecurityPolicy } from './content-security.js';
import { codeSpans } from './inline-code.js';

/*
 * The HTML pages (report, comparison, portfolio) are Handlebars templates in `templates/`, with
 * partials in `templates/partials/` and one stylesheet, `templates/styles.css`, placed inside each
 * page's `<style>` with `{{> styles}}`: one look, and each page stays a single file that loads
 * nothing. Values reach a page only through `{{ }}`, which escapes HTML; a built-in template must
 * never use the unescaped `{{{ }}}` form.
 *
 * `--template-dir` replaces any of them: a directory laid out like `templates/` (the page, then
 * `styles.css`, then `partials/*.hbs`) whose files win over the built-in ones of the same name.
 */
const BUILT_IN = join(PACKAGE_ROOT, 'templates');

/**
 * A built-in page compiled to JavaScript at build time (scripts/precompile-templates.mjs): a
 * CommonJS file beside the CLI's bundle, so that it is loaded with the bundle's code cache, one per
 * page, so that a run loads only the page it renders (each holds every partial, compiled).
 */
export function precompiledFile(page: string): string {
  return join(PACKAGE_ROOT, 'dist', 'bundle', `builtin-page-${page.replace(/\.html\.hbs$/, '')}.cjs`);
}

/** The compiler's options for every template: a missing field is an error, never an empty string. */
export const COMPILE_OPTIONS = { strict: true } as const;

export type PageTemplate = (view: object) => string;

interface Source {
  file: string;
  text: string;
}

/** The few helpers a replaced template may want; documented in docs/templates.md. */
function registerHelpers(handlebars: Pick<typeof Handlebars, 'registerHelper' | 'SafeString' | 'escapeExpression'>): void {
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('join', (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : ''));
  handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value, null, 2));
  // Text with `code spans` shown as code: every piece is escaped before it is wrapped.
  handlebars.registerHelper('inlineCode', (value: unknown) =>
    new handlebars.SafeString(
      codeSpans(typeof value === 'string' ? value : '')
        .map((piece) => (piece.code ? `<code>${handlebars.escapeExpression(piece.text)}</code>` : handlebars.escapeExpression(piece.text)))
        .join(''),
    ),
  );
}

type ReadSource = (file: string) => Promise<Source | null>;

/** A `--template-dir`'s file, read as any input a user names is: bounded, and never from a device. */
async function readSource(file: string): Promise<Source | null> {
  const text = await readBoundedTextIfExists(file, { what: 'template', maxBytes: DOCUMENT_BYTES });
  return text === null ? null : { file, text };
}

/**
 * One of the package's own templates: a plain read, at a fraction of the bounded reader's trips
 * through the thread pool (an HTML run reads all sixteen to check the precompiled pages' digest).
 */
async function readPackageSource(file: string): Promise<Source | null> {
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The page, the stylesheet and the partials a directory holds (any of them may be absent). */
async function templatesIn(dir: string, page: string, readSource: ReadSource): Promise<{ page: Source | null; partials: Map<string, Source> }> {
  const partials = new Map<string, Source>();
  const styles = await readSource(join(dir, 'styles.css'));
  if (styles) partials.set('styles', styles);
  const names = await readdir(join(dir, 'partials')).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.endsWith('.hbs')).sort()) {
    partials.set(name.slice(0, -'.hbs'.length), (await readSource(join(dir, 'partials', name)))!);
  }
  return { page: await readSource(join(dir, page)), partials };
}

/**
 * What a page is compiled from: its text and its partials' (styles included), by name. A
 * precompiled page is used only while this digest is the one it was compiled from, so an edited
 * template is never served stale.
 */
export function templatesDigest(templates: { page: Source | null; partials: ReadonlyMap<string, Source> }): string {
  const hash = createHash('sha256').update(templates.page?.text ?? '');
  for (const [name, source] of [...templates.partials].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`\u0000${name}\u0000${source.text}`);
  return hash.digest('hex');
}

interface Precompiled {
  digest: string;
  page: TemplateSpecification;
  partials: Record<string, TemplateSpecification>;
}
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The built-in page from the build's compiled templates, when they are there and current; else null. */
export async function precompiledPage(name: string, sources: Awaited<ReturnType<typeof templatesIn>>): Promise<PageTemplate | null> {
  let built: Precompiled | undefined;
  try {
    built = createRequire(import.meta.url)(precompiledFile(name)) as Precompiled;
  } catch {
    built = undefined;
  }
  if (!built || built.digest !== templatesDigest(sources)) return null;
  // The runtime alone: the compiler, several times its size, is not loaded at all.
  const runtime = ((await import('handlebars/runtime.js')) as unknown as { default: typeof Handlebars }).default.create();
  registerHelpers(runtime);
  for (const [partial, spec] of Object.entries(built.partials)) runtime.registerPartial(partial, runtime.template(spec));
  const template = runtime.template(built.page);
  // As for a compiled page (below): values are cleaned of control characters and line breaks first.
  return (view) => withContentSecurityPolicy(template(cleanedOnRead(view, printable)));
}

/** A syntax error in a user's template is their mistake: one line naming the file and line. */
function parsed(compiler: typeof Handlebars, source: Source): Source {
  try {
    compiler.parse(source.text);
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    const expected = message.split('\n').at(-1) ?? message;
    throw new InputError(`template syntax error: ${expected}`, source.file, line ? Number(line) : undefined);
  }
  return source;
}

/** The built-in files, read once however many pages a run compiles (the report, and again with `--template-dir`). */
const builtInSources = new Map<string, ReturnType<typeof templatesIn>>();

export function builtInTemplates(page: string): ReturnType<typeof templatesIn> {
  if (!builtInSources.has(page)) builtInSources.set(page, templatesIn(BUILT_IN, page, readPackageSource));
  return builtInSources.get(page)!;
}

/** The page `name` (e.g. `report.html.hbs`), with the built-in templates or a directory's replacements. */
export async function pageTemplate(name: string, overrides: string | null = null): Promise<PageTemplate> {
  const builtIn = await builtInTemplates(name);
  const replaced = overrides ? await templatesIn(overrides, name, readSource) : null;
  if (replaced && !replaced.page && replaced.partials.size === 0) {
    throw new InputError(`--template-dir: no templates here (expected ${name}, styles.css or partials/*.hbs; see docs/templates.md)`, overrides!);
  }
  if (!replaced) {
    const precompiled = await precompiledPage(name, builtIn);
    if (precompiled) return precompiled;
  }
  const { default: compiler } = await import('handlebars');
  const handlebars = compiler.create();
  registerHelpers(handlebars);
  for (const [partial, source] of new Map([...builtIn.partials, ...(replaced?.partials ?? [])])) {
    handlebars.registerPartial(partial, parsed(compiler, source).text);
  }
  const page = parsed(compiler, replaced?.page ?? builtIn.page!);
  const compiled = handlebars.compile(page.text, COMPILE_OPTIONS);
  // Handlebars escapes markup, not control characters or line breaks: every value is cleaned of those first.
  const template = (view: object) => compiled(cleanedOnRead(view, printable));
  if (!overrides) return (view) => withContentSecurityPolicy(template(view));
  // A replaced template can ask for a field that does not exist: say which, not a stack trace.
  return (view) => {
    try {
      return withContentSecurityPolicy(template(view));
    } catch (error) {
      throw new InputError(`template error: ${(error as Error).message.split('\n')[0]}`, overrides);
    }
  };
}
