import { defineCollector, type Collector } from '../collector.js';
import { compareStrings } from '../../util/compare.js';
import { mayReportResults, resultsIn, type ResultsDoc } from './docs-results.js';

export interface DocFile {
  path: string;
  /** Markdown headings (text only), in order; empty for other formats. */
  headings: string[];
}

export interface DocsFacts {
  readme: DocFile | null;
  license: (DocFile & { spdx: string | null }) | null;
  modelCard: DocFile | null;
  codeowners: (DocFile & { rules: number }) | null;
  security: DocFile | null;
  contributing: DocFile | null;
  changelog: DocFile | null;
  /** Documents of the project that report its models' evaluation results (see docs-results.ts), by path; capped. */
  modelResults: ResultsDoc[];
}

type DocKind = Exclude<keyof DocsFacts, 'modelResults'>;
/** Evidence needs a few documents, not all of them. */
const MAX_RESULTS_DOCS = 10;

/** Where each kind of document may live. GitHub also reads `.github/` and `docs/` for several. */
const DOC_LOCATIONS: Record<DocKind, RegExp> = {
  readme: /^README(\.(md|markdown|rst|txt))?$/i,
  license: /^(LICEN[CS]E|COPYING)([.-][\w.-]+)?$/i,
  // MODEL_CARD.md, docs/model-card.md, or any document in a model_card/ or model-cards/ folder; in Quarto or R Markdown
  // too (vetiver writes its card as model_card.Rmd), and numbered as a step of a series (02-model-card/).
  modelCard: /(^|\/)(\d+[_-])?model[_-]?cards?([\w.-]*\.(md|markdown|rst|qmd|rmd)|\/[^/]+\.(md|markdown|rst|qmd|rmd))$/i,
  codeowners: /^((\.github|docs|\.gitlab)\/)?CODEOWNERS$/,
  security: /^((\.github|docs)\/)?SECURITY\.(md|markdown|rst|txt)$/i,
  contributing: /^((\.github|docs)\/)?CONTRIBUTING\.(md|markdown|rst|txt)$/i,
  changelog: /^(CHANGELOG|CHANGES|HISTORY|NEWS)(\.(md|markdown|rst|txt))?$/i,
};

/** Recognisable opening words of common licences, enough to name the SPDX id in a report. */
const LICENSES: Array<[string, RegExp]> = [
  ['Apache-2.0', /Apache License,?\s+Version 2\.0/i],
  ['MIT', /\bMIT License\b|Permission is hereby granted, free of charge/i],
  ['GPL-3.0', /GNU GENERAL PUBLIC LICENSE\s+Version 3/i],
  ['GPL-2.0', /GNU GENERAL PUBLIC LICENSE\s+Version 2/i],
  ['LGPL-3.0', /GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/i],
  ['AGPL-3.0', /GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/i],
  ['MPL-2.0', /Mozilla Public License,?\s+(Version|v\.?)\s*2\.0/i],
  ['BSD-3-Clause', /Neither the name of .* nor the names of its\s+contributors/is],
  ['BSD-2-Clause', /Redistribution and use in source and binary forms/i],
  ['Unlicense', /This is free and unencumbered software released into the public domain/i],
  ['CC-BY-4.0', /Creative Commons Attribution 4\.0/i],
];

/** A Hugging Face model README declares itself in its YAML front matter. */
const MODEL_CARD_FRONT_MATTER = /^---\r?\n[\s\S]*?^(model-index|pipeline_tag|library_name|base_model):/m;

export function markdownHeadings(text: string): string[] {
  const headings: string[] = [];
  let fenced = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) headings.push(heading[1]!.trim());
  }
  return headings;
}

const LOCATIONS = Object.entries(DOC_LOCATIONS) as Array<[DocKind, RegExp]>;

function kindOf(path: string): DocKind | null {
  for (const [kind, pattern] of LOCATIONS) {
    if (pattern.test(path)) return kind;
  }
  return null;
}

/** Prefer the document nearest the root, then by name, so the choice is stable. */
function better(candidate: string, current: string | undefined): boolean {
  if (current === undefined) return true;
  const depth = (path: string) => path.split('/').length;
  return depth(candidate) - depth(current) < 0 || (depth(candidate) === depth(current) && compareStrings(candidate, current) < 0);
}

export const docsCollector = defineCollector({ key: 'docs', create: collectDocs });

function collectDocs(): Collector<DocsFacts> {
  const found: Partial<Record<DocKind, { path: string; text: string }>> = {};
  const consider = (kind: DocKind, path: string, text: string) => {
    if (better(path, found[kind]?.path)) found[kind] = { path, text };
  };
  const modelResults: ResultsDoc[] = [];

  return {
    wants: (path) => kindOf(path) !== null || mayReportResults(path),
    visit(file) {
      if ((file.context === 'project' || file.context === 'docs') && mayReportResults(file.path)) {
        const results = resultsIn(file.path, file.lines());
        if (results) modelResults.push(results);
      }
      const kind = kindOf(file.path);
      if (!kind || (kind === 'modelCard' && file.context !== 'project' && file.context !== 'docs')) return;
      consider(kind, file.path, file.text);
      if (kind === 'readme' && MODEL_CARD_FRONT_MATTER.test(file.text)) consider('modelCard', file.path, file.text);
    },
    finish() {
      const doc = (kind: DocKind): DocFile | null => {
        const entry = found[kind];
        return entry ? { path: entry.path, headings: /\.(md|markdown)$/i.test(entry.path) ? markdownHeadings(entry.text) : [] } : null;
      };
      const license = found.license;
      const codeowners = found.codeowners;
      return {
        readme: doc('readme'),
        license: license ? { ...doc('license')!, spdx: LICENSES.find(([, pattern]) => pattern.test(license.text))?.[0] ?? null } : null,
        modelCard: doc('modelCard'),
        codeowners: codeowners
          ? { ...doc('codeowners')!, rules: codeowners.text.split(/\r?\n/).filter((line) => line.trim() && !line.trim().startsWith('#')).length }
          : null,
        security: doc('security'),
        contributing: doc('contributing'),
        changelog: doc('changelog'),
        modelResults: modelResults.sort((a, b) => compareStrings(a.path, b.path)).slice(0, MAX_RESULTS_DOCS),
      };
    },
  };
}
