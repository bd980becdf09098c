import { stat } from 'node:fs/promises';
import { isInsideRepository } from '../config/trust.js';
import type { Config } from '../config/types.js';
import { DETAILS, type Detail } from '../render/index.js';
import { logoFromBytes, MAX_LOGO_BYTES, type Logo } from '../render/logo.js';
import type { Cover } from '../report/types.js';
import { InputError } from '../util/errors.js';
import { readBounded } from '../util/read-bounded.js';
import { didYouMean } from '../util/suggest.js';

/** `--title`, `--client`, `--author`, `--logo`, `--template-dir` and `--detail`, on `audit` and `render`. */
export interface BrandingFlags {
  detail?: string;
  title?: string;
  client?: string;
  author?: string;
  logo?: string;
  templateDir?: string;
}

export interface Branding {
  /** The fields set here; each replaces the report's (or the configuration's). */
  cover: Partial<Cover>;
  logo: Logo | null;
  templateDir: string | null;
  /** How much the HTML and Markdown reports hold. */
  detail: Detail;
}

function detailFlag(value: string | undefined): Detail {
  if (value === undefined) return 'executive';
  const detail = value.trim().toLowerCase();
  if (!DETAILS.includes(detail as Detail)) throw new InputError(`--detail: unknown level "${value}"${didYouMean(detail, DETAILS)}; expected ${DETAILS.join(' or ')}`);
  return detail as Detail;
}

function coverFlags(flags: BrandingFlags): Partial<Cover> {
  const cover: Partial<Cover> = {};
  for (const field of ['title', 'client', 'author'] as const) {
    const value = flags[field];
    if (value === undefined) continue;
    if (value.trim() === '') throw new InputError(`--${field}: expected some text, got nothing`);
    cover[field] = value.trim();
  }
  return cover;
}

/** `setting` says who named the file (`--logo`, or a configuration's `report.logo`), for messages. */
async function loadLogo(file: string, setting: string): Promise<Logo> {
  const bytes = await readBounded(file, { what: `the image (${setting})`, maxBytes: MAX_LOGO_BYTES });
  return logoFromBytes(bytes, file, setting);
}

async function checkTemplateDir(dir: string): Promise<string> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new InputError(`--template-dir: ${info ? 'not a directory' : 'no such directory'}`, dir);
  return dir;
}

/** The branding the flags set, their files read and checked: a typo fails before a long scan. */
export async function loadBranding(flags: BrandingFlags): Promise<Branding> {
  return {
    cover: coverFlags(flags),
    logo: flags.logo ? await loadLogo(flags.logo, '--logo') : null,
    templateDir: flags.templateDir ? await checkTemplateDir(flags.templateDir) : null,
    detail: detailFlag(flags.detail),
  };
}

/**
 * The configuration's logo and templates, where the flags named none. (Its title, client and
 * author are already in the report's cover: the audit put them there.)
 *
 * A configuration inside the repository that contains the audited directory (a parent directory of
 * a monorepo included) is the repository's, so untrusted: templates
 * decide what the HTML report contains and may drop its Content-Security-Policy, so such a
 * configuration cannot set them, nor embed a file from outside the repository as the logo.
 * Both are skipped with a warning; the person running the audit passes them as flags.
 */
export async function withConfigured(branding: Branding, config: Pick<Config, 'file' | 'report'>, audited: string, warn: (message: string) => void): Promise<Branding> {
  const { logo, templateDir } = config.report;
  const untrusted = config.file !== null && (await isInsideRepository(config.file, audited));
  const skipped = (key: string, why: string) => {
    warn(`${config.file}: report.${key} ignored: ${why}; pass --${key === 'templateDir' ? 'template-dir' : key} instead`);
    return null;
  };
  const configuredLogo = async (file: string) =>
    untrusted && !(await isInsideRepository(file, audited)) ? skipped('logo', 'a configuration inside the audited repository cannot embed a file from outside it') : loadLogo(file, `report.logo in ${config.file}`);
  const configuredTemplates = async (dir: string) =>
    untrusted ? skipped('templateDir', 'templates from the audited repository could make the HTML report load or run anything') : checkTemplateDir(dir);
  return {
    ...branding,
    logo: branding.logo ?? (logo ? await configuredLogo(logo) : null),
    templateDir: branding.templateDir ?? (templateDir ? await configuredTemplates(templateDir) : null),
  };
}
