import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../util/package-root.js';

/*
 * The HTML pages (report, comparison, portfolio) share one stylesheet, `templates/styles.css`,
 * placed inside each page's `<style>` with `{{> styles}}`: one look, and each page stays a single
 * file that loads nothing. Values reach a page only through `{{ }}`, which escapes HTML; a
 * template must never use the unescaped `{{{ }}}` form.
 */
const handlebars = Handlebars.create();
handlebars.registerPartial('styles', await readFile(join(PACKAGE_ROOT, 'templates', 'styles.css'), 'utf8'));

export async function pageTemplate(name: string): Promise<Handlebars.TemplateDelegate> {
  return handlebars.compile(await readFile(join(PACKAGE_ROOT, 'templates', name), 'utf8'), { strict: true });
}
