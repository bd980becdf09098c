import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { compileSchema, validateSource } from '../util/schema-errors.js';
import { didYouMean } from '../util/suggest.js';
import { inputErrorAt, parseYamlSource } from '../util/yaml-source.js';
import { compareStrings } from '../util/compare.js';

export type MaturityClass = 'poc' | 'emerging' | 'production';

export interface LabelledFact {
  value: boolean | null;
  evidence: string;
}

/** One hand-labelled repository (eval/LABELS.md). */
export interface Label {
  /** `owner__name`: the label file's name and the tree folder's. */
  key: string;
  file: string;
  repo: string;
  commit: string;
  subdir: string;
  tags: string[];
  grade: number;
  class: MaturityClass;
  summary: string;
  facts: Record<string, LabelledFact>;
  notes: string;
}

/** The class a grade implies (eval/LABELS.md): 1–2 a proof of concept, 3 emerging, 4–5 production. */
export function classOfGrade(grade: number): MaturityClass {
  return grade <= 2 ? 'poc' : grade === 3 ? 'emerging' : 'production';
}

type LabelDocument = Omit<Label, 'key' | 'file' | 'subdir' | 'tags' | 'summary' | 'notes'> & Partial<Pick<Label, 'subdir' | 'tags' | 'summary' | 'notes'>>;

let validator: ReturnType<typeof compileSchema> | undefined;

/**
 * Reads one label file: checked against the schema, the file named for its repository, the class
 * consistent with the grade, and every fact one the fact map knows (a misspelt fact would
 * otherwise drop out of the figures unnoticed).
 */
export async function loadLabel(file: string, schemaFile: string, knownFacts: readonly string[]): Promise<Label> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read label: ${error.code ?? error.message}`, file);
  });
  const source = parseYamlSource(file, text);
  validator ??= compileSchema(JSON.parse(await readFile(schemaFile, 'utf8')) as object);
  validateSource(source, validator);
  const document = source.value as LabelDocument;
  const key = document.repo.replace('/', '__');
  if (!file.endsWith(`${key}.yaml`)) throw inputErrorAt(source, ['repo'], `the file of ${document.repo} must be named ${key}.yaml`);
  if (classOfGrade(document.grade) !== document.class) {
    throw inputErrorAt(source, ['class'], `grade ${document.grade} is class ${classOfGrade(document.grade)}, not ${document.class}`);
  }
  for (const fact of Object.keys(document.facts)) {
    if (!knownFacts.includes(fact)) throw inputErrorAt(source, ['facts', fact], `unknown fact "${fact}"${didYouMean(fact, knownFacts)}`, true);
  }
  return { key, file, subdir: '', tags: [], summary: '', notes: '', ...document };
}

/** Every `*.yaml` label in a directory, in name order. */
export async function loadLabels(directory: string, schemaFile: string, knownFacts: readonly string[]): Promise<Label[]> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read the labels directory: ${error.code ?? error.message}`, directory);
  });
  const files = names.filter((name) => name.endsWith('.yaml')).sort(compareStrings);
  const labels: Label[] = [];
  for (const name of files) labels.push(await loadLabel(join(directory, name), schemaFile, knownFacts));
  return labels;
}
