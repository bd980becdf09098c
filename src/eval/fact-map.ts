import { readFile } from 'node:fs/promises';
import type { Evidence, Status } from '../rules/finding.js';
import type { Report } from '../report/types.js';
import type { Facts } from '../scan/facts.js';
import { InputError } from '../util/errors.js';
import { compileSchema, validateSource } from '../util/schema-errors.js';
import { didYouMean } from '../util/suggest.js';
import { inputErrorAt, parseYamlSource } from '../util/yaml-source.js';

/** One way the tool can say a fact: a rule with one of these statuses, a scanned fact or a report field that is there. */
export type Detector = { rule: string; status: Status[] } | { scan: string } | { report: string };

export interface FactMapping {
  id: string;
  /** Why these rules (or scanned facts) stand for the fact. */
  why: string;
  detected: Detector[];
}

/** What the tool said about one fact of one repository, with what it rested on. */
export interface ToolReading {
  detected: boolean;
  /** Each detector with what it saw: a rule's status, message and evidence, or a scanned value. */
  said: Array<
    | { rule: string; status: Status; counts: boolean; message: string; evidence: Evidence[] }
    /** A scanned fact, or a report field (`report.` and its path). */
    | { scan: string; counts: boolean; value: string }
  >;
}

interface FactMapDocument {
  facts: Record<string, { why: string; detected: Detector[] }>;
}

/**
 * Reads eval/facts.yaml: validated against its schema, and every rule id checked against the rule
 * set, so that a renamed rule fails the evaluation loudly instead of silently detecting nothing.
 */
export async function loadFactMap(file: string, schemaFile: string, ruleIds: ReadonlySet<string>): Promise<FactMapping[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read the fact map: ${error.code ?? error.message}`, file);
  });
  const source = parseYamlSource(file, text);
  validateSource(source, compileSchema(JSON.parse(await readFile(schemaFile, 'utf8')) as object));
  const document = source.value as FactMapDocument;
  return Object.entries(document.facts).map(([id, mapping]) => {
    mapping.detected.forEach((detector, i) => {
      if ('rule' in detector && !ruleIds.has(detector.rule)) {
        throw inputErrorAt(source, ['facts', id, 'detected', i, 'rule'], `unknown rule "${detector.rule}"${didYouMean(detector.rule, [...ruleIds])}`);
      }
    });
    return { id, why: mapping.why, detected: mapping.detected };
  });
}

/** The value at a dotted path of the Facts or the Report, or undefined where the path leads nowhere. */
function at(root: Facts | Report, path: string): unknown {
  let value: unknown = root;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function present(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== '';
}

const SHOWN_ITEMS = 5;

/** A scanned value in a few words: a list by its paths, anything else as JSON. */
function describe(value: unknown): string {
  if (value === undefined) return 'absent';
  if (!Array.isArray(value)) return JSON.stringify(value);
  const items = value.map((item) => (item !== null && typeof item === 'object' && 'path' in item ? String(item.path) : JSON.stringify(item)));
  const more = items.length > SHOWN_ITEMS ? ` and ${items.length - SHOWN_ITEMS} more` : '';
  return items.length === 0 ? 'none' : `${items.slice(0, SHOWN_ITEMS).join(', ')}${more}`;
}

/** Whether the audit detected the fact, and everything its detectors saw. */
export function readFact(mapping: FactMapping, report: Report, facts: Facts): ToolReading {
  const said: ToolReading['said'] = mapping.detected.map((detector) => {
    if ('scan' in detector) {
      const value = at(facts, detector.scan);
      return { scan: detector.scan, counts: present(value), value: describe(value) };
    }
    if ('report' in detector) {
      const value = at(report, detector.report);
      return { scan: `report.${detector.report}`, counts: present(value), value: describe(value) };
    }
    const finding = report.findings.find((candidate) => candidate.ruleId === detector.rule);
    // A rule the run did not evaluate (switched off, or absent from a custom rule set) says nothing.
    if (!finding) return { rule: detector.rule, status: 'not_applicable', counts: false, message: 'not evaluated in this run', evidence: [] };
    return { rule: detector.rule, status: finding.status, counts: detector.status.includes(finding.status), message: finding.message, evidence: finding.evidence };
  });
  return { detected: said.some((entry) => entry.counts), said };
}
