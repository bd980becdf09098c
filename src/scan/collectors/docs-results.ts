/**
 * Evaluation results a document reports in words or tables: "the accuracy of the current
 * classifier is ~93%", `| ROC-AUC | 0.989 |`, a model-comparison table with metric columns. Many
 * teams document their model in a README's Results section or a RESULTS.md rather than a file
 * named model card; what makes it model documentation is how well the model does, on record.
 *
 * Not results: values in code blocks (a command's printed output, a dashboard mock-up), targets
 * and thresholds, in signs or in words (`≥ 0.90`, `precision >= 0.99`, `Minimum accuracy: 0.90`,
 * `at least 95% recall`), and metrics outside a section about the model or its results (a
 * deployment retrospective that quotes one score). A result names a value the model was measured
 * at, so neither are pages that explain a metric (`An MAE of 3 MW means …`, a formula) or plan
 * work (a roadmap, a section of targets or expected results).
 */
export interface ResultsDoc {
  path: string;
  /** The first line that reports a result. */
  line: number;
  /** The metrics reported, lower-case, in order of first appearance. */
  metrics: string[];
}

/** The cut-off or threshold a metric's name can carry: `@10`, `@0.5`, `@0.5:0.95`. */
const AT = '(?:@(?:\\d*\\.)?\\d+(?::(?:\\d*\\.)?\\d+)?)?';
/*
 * Generative models are measured by FID (with its sample count: `FID-50K`), Inception Score, FVD,
 * and image-quality scores (PSNR, SSIM, LPIPS, CLIP score).
 */
const METRIC_NAME = `accuracy|balanced accuracy|precision${AT}|recall${AT}|f1(?:[- ]?score)?|f-score|roc[- ]?auc|pr[- ]?auc|auc(?:[- ]?roc)?|auroc|auprc|rmse|mae|mape|smape|r2|r²|r-squared|bleu|rouge(?:-[l12])?|map${AT}|(?:box |mask )?ap(?:50|75|[sml])?|top-?[15](?: acc(?:uracy)?)?|ndcg${AT}|iou${AT}|dice|wer|cer|brier(?: score)?|log[- ]?loss|perplexity|exact match|specificity|sensitivity|mcc|kappa|fid(?:-\\d+k)?|inception score|fvd|psnr|ssim|lpips|clip[- ]?score`;
/** Words that make a metric's name a requirement (`Minimum accuracy`, `a target recall of 0.97`). */
const REQUIRED = '(?<!\\b(?:minimum|min\\.?|maximum|max\\.?|target|goal|required|desired|expected|acceptable)\\s+)';
/** Words that make the value after them a bound (`an F1 of at least 0.8`, `AUC above 0.9`). */
const BOUND = 'thresholds?|at least|at most|more than|less than|greater than|higher than|lower than|above|below|exceeds?|exceeding|minimum|maximum';
/**
 * A metric's name, then its value a few words on: `accuracy of the current classifier is ~93%`,
 * `Precision: 95.82%`. Names are whole: the 0.5 of `mAP@0.5` and the 1 of `F1` or `top-1` are no
 * values, nor is a threshold (`IoU thresholds from 0.5 to 0.95`) or another bound.
 */
const NAME_THEN_VALUE = new RegExp(`${REQUIRED}\\b(${METRIC_NAME})\\b(?!@|[.:]\\d|[^\\d\\n]{0,40}?\\b(?:${BOUND})\\b)[^\\d\\n|≥≤<>=]{0,40}?(?:\\|\\s*)?[~≈]?(?<![\\p{L}@.:]|\\p{L}-)\\d+(?:[.,]\\d+)?\\s*%?`, 'giu');
/** A value, then its metric: `93% accuracy`, `0.91 F1 on the test set`; not a bound (`at least 95% recall`). */
const VALUE_THEN_NAME = new RegExp(`(?<![\\d.≥≤<>=]\\s?|[a-z]-|\\b(?:${BOUND}|than|(?:minimum|maximum) of)\\s+)\\b\\d+(?:[.,]\\d+)?\\s*%?\\s+(?:[a-z-]+\\s+)?${REQUIRED}(${METRIC_NAME})\\b`, 'gi');
const METRIC_CELL = new RegExp(`^\\W*(?:test |val(?:idation)? |mean |macro[- ]|micro[- ]|weighted )?(${METRIC_NAME})\\b`, 'i');
/** A value in a table cell, bold or approximate; a cell with a comparison is a target, not a result. */
const VALUE_CELL = /^[*_~≈\s]*\d+(?:[.,]\d+)?\s*%?[*_\s]*(\(|$)/;
/** Headings (and file names) under which a metric's value is a result of the model. */
const RESULTS_TOPIC = /result|performance|evaluat|metric|benchmark|model|classifier|predict|accuracy|score|experiment|leaderboard|checkpoint|pretrained|zoo/i;
/**
 * A section's heading under which a metric's value is what the team aims for, not what it measured
 * (`Quality Targets`, `Expected results`, `Next steps`), unless the heading also says it was achieved.
 */
const PLANNED_TOPIC = /\b(?:targets?|goals?|objectives?|expected|expectations?|requirements?|roadmap|plan(?:s|ned)?|next steps|future work|to ?do|success criteria|acceptance criteria)\b/i;
const MEASURED_TOPIC = /\b(?<!\b(?:expected|target|planned|desired)\s)results?\b|\b(?:achieved|measured|actual)\b/i;
/**
 * A folder or file that plans work (`docs/roadmap/`, `PLAN.md`, `rfcs/`, `experiment-plan.md`):
 * the metrics it names are the ones the work will be measured by.
 */
const PLAN_PATH = /(?:^|[/_.\s-])(?:roadmaps?|plans?|planning|proposals?|rfcs?|todo|backlog)(?=$|[/_.\s-])/i;
/**
 * A value a sentence explains a metric with (`An MAE of 3 MW means the forecast is off by about
 * 3 MW`): the verb right after it, past its unit, says what such a value would mean. A result
 * explained in a clause of its own (`an F1 of 0.91, which means …`) is still a result.
 */
const EXPLAINED = /^\s*(?:[\p{L}%°]+\s+){0,2}(?:means?|would mean|indicates?|implies|corresponds? to)\b/iu;
/** Inline math (`$\mathrm{RMSE}^2 = \frac{m+1}{m}$`) is a formula: its numbers are no results. */
const INLINE_MATH = /\$(?=[^$\n]*[\\^{])[^$\n]*\$/g;
/** Fenced code, or a display-math block (a `$$` line alone) of formulas. */
const FENCE = /^ {0,3}(`{3,}|~{3,}|\$\$(?=\s*$))/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/** Longer lines (tables of data, minified HTML) are not read. */
const MAX_LINE = 2_000;

/**
 * Folders a program writes its runs into: what is there is output (a PDF converted to Markdown
 * with the paper's scores in it, a per-epoch table), unless its name says it is the results or
 * an evaluation (`logs/results.md`, a hand-kept `logs/experiment_log.md`).
 */
const RUN_LOG_FOLDER = /(?:^|\/)(?:logs?|lightning_logs|tb_logs|wandb|mlruns)\//i;

/** Whether a document may report results of the project's models: Markdown that is not a change log, licence or policy, nor a run's output. */
export function mayReportResults(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    /\.(md|markdown)$/i.test(name) &&
    !/^(CHANGELOG|CHANGES|HISTORY|NEWS|LICEN[CS]E|CODE_OF_CONDUCT|SECURITY|CONTRIBUTING|SUPPORT|GOVERNANCE)\b/i.test(name) &&
    (!RUN_LOG_FOLDER.test(path) || RESULTS_TOPIC.test(name)) &&
    !PLAN_PATH.test(path.replace(/\.(md|markdown)$/i, ''))
  );
}

/**
 * The results a Markdown document reports, or null when it reports too few: two metrics (accuracy
 * and F1), or one metric for two items of a list or rows of a table (each model's test accuracy).
 * One figure is a claim (`achieved ~80% accuracy`), and so is prose that names one metric twice
 * (`improving accuracy by 3%`).
 */
export function resultsIn(path: string, lines: readonly string[]): ResultsDoc | null {
  const nameIsTopic = RESULTS_TOPIC.test(path.slice(path.lastIndexOf('/') + 1));
  const headings: string[] = [];
  const metrics = new Set<string>();
  let listedValues = 0;
  let first = 0;
  let fence: string | null = null;
  let table: Array<string | null> | null = null;
  const html = new HtmlTable();
  for (const [index, raw] of lines.entries()) {
    const line = raw.length > MAX_LINE ? '' : withoutAddresses(raw.trimEnd());
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      headings.length = heading[1]!.length - 1;
      headings[heading[1]!.length - 1] = heading[2]!;
      table = null;
      continue;
    }
    // The section's own heading: a title (`# Experiments — Plan`) over sections that record results does not make them plans.
    const section = headings.findLast((title) => title !== undefined);
    const planned = section !== undefined && PLANNED_TOPIC.test(section) && !MEASURED_TOPIC.test(section);
    const inTopic = !planned && (nameIsTopic || headings.some((title) => title !== undefined && RESULTS_TOPIC.test(title)));
    const found: string[] = [];
    // A value in a table or a list item stands for one item (a model, a run); prose may repeat one.
    let listed = true;
    if (HTML_TABLE_TAG.test(line)) {
      found.push(...html.read(line));
    } else if (line.trimStart().startsWith('|')) {
      const cells = tableCells(line);
      if (table === null) table = cells.map(metricColumn);
      else if (!cells.every((cell) => /^:?-+:?$/.test(cell))) {
        cells.forEach((cell, column) => {
          const columnMetric = table![column];
          if (columnMetric && VALUE_CELL.test(cell)) found.push(columnMetric);
        });
        const rowMetric = METRIC_CELL.exec(cells[0] ?? '')?.[1];
        if (rowMetric && cells.slice(1).some((cell) => VALUE_CELL.test(cell))) found.push(normalMetric(rowMetric));
      }
    } else {
      table = null;
      listed = LIST_ITEM.test(line);
      // Inline code is a command or a name (`val.py --iou 0.65`), not a result. A result has a value:
      // a line without a digit, or outside a section about results, is not read (compiling the two
      // patterns costs more than reading a small repository's documents).
      if (inTopic && /\d/.test(line)) {
        const prose = line.replace(/`[^`]*`/g, '').replace(INLINE_MATH, '');
        for (const pattern of [NAME_THEN_VALUE, VALUE_THEN_NAME]) {
          for (const match of prose.matchAll(pattern)) if (!EXPLAINED.test(prose.slice(match.index + match[0].length))) found.push(normalMetric(match[1]!));
        }
      }
    }
    if (!inTopic || found.length === 0) continue;
    if (metrics.size === 0) first = index + 1;
    for (const metric of found) metrics.add(metric);
    if (listed) listedValues += found.length;
  }
  return metrics.size >= 2 || listedValues >= 2 ? { path, line: first, metrics: [...metrics] } : null;
}

const HTML_TABLE_TAG = /<\/?(?:table|t[hdr])\b/i;
/** The tags of an HTML table, split out of a line with what lies between them. */
const HTML_TABLE_TAGS = /(<\/?(?:table|t[hdr])\b[^>]*>)/i;

/**
 * An HTML table as Markdown pages write them (detectron2's model zoo: a `<th>` a line for the
 * headings, then a `<tr>` of `<td>`s a row): the metric each heading names, and the values under
 * them. A cell is read when it opens and closes on one line.
 */
class HtmlTable {
  private headings: Array<string | null> = [];
  private column = 0;

  /** The metrics the line's cells give a value of. */
  read(line: string): string[] {
    const found: string[] = [];
    const parts = line.split(HTML_TABLE_TAGS);
    for (let i = 1; i < parts.length; i += 2) {
      const tag = /^<(\/?)(\w+)/.exec(parts[i]!)!;
      const name = tag[2]!.toLowerCase();
      if (tag[1]) continue;
      if (name === 'table') {
        this.headings = [];
        this.column = 0;
      } else if (name === 'tr') {
        this.column = 0;
      } else if (parts[i + 2] !== undefined && /^<\/t[hd]\b/i.test(parts[i + 2]!)) {
        const text = parts[i + 1]!.replace(/<[^>]*>/g, ' ');
        if (name === 'th') this.headings.push(metricColumn(text));
        else {
          const metric = this.headings[this.column++];
          if (metric && VALUE_CELL.test(text.trim())) found.push(metric);
        }
      }
    }
    return found;
  }
}

/** A link's address names pages, not results: `[Precision](https://…/glossary/precision-2)` reports nothing. */
function withoutAddresses(line: string): string {
  return line.replace(/\]\([^()\s]*\)/g, ']').replace(/\bhttps?:\/\/\S*/g, '');
}

function tableCells(line: string): string[] {
  return line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
}

/** One name per metric, so that `F1-Score` and `f1` count once. */
function normalMetric(name: string): string {
  return name.toLowerCase().replace(/[- ]?score$/, '').replace(/[- ]/g, '');
}

/** Beyond this, what follows a metric's name in a column heading is a sentence, not its qualifier. */
const MAX_QUALIFIER = 24;

/**
 * The metric a table column reports, with what qualifies it: `mAP<sup>val<br>50-95` is
 * "map val 50-95", so columns of one metric at two thresholds, or on two splits, are two results.
 */
function metricColumn(cell: string): string | null {
  const text = cell.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  const match = METRIC_CELL.exec(text);
  if (!match) return null;
  const qualifier = text.slice(match[0].length).replace(/[^\p{L}\p{N}.@:-]+/gu, ' ').trim().toLowerCase();
  const name = normalMetric(match[1]!);
  return qualifier && qualifier.length <= MAX_QUALIFIER ? `${name} ${qualifier}` : name;
}
