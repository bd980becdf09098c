import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { scanSummary } from '../../src/render/scan-summary.js';
import { alternatives, among, briefName, capped, globsSearched, globWords, sought } from '../../src/rules/checks/evidence.js';
import { FACT_WORDS } from '../../src/rules/checks/fact-words.js';
import { counted } from '../../src/util/plural.js';
import { reportFromFiles } from '../helpers/report.js';
import { notebook, requirements, trainScript } from '../helpers/repo-snippets.js';
import { expectRoughlyLinear } from '../helpers/growth.js';
import { renderHtml } from '../helpers/html.js';

/*
 * The phrases the evidence is made of, read as a person reads them: one thing is singular, none
 * is "no", a thing looked for and not found takes no article after "no", and a long list of what
 * was looked for is counted in the line and named in full once per report.
 */
const PACKAGES = ['package', 'packages'] as const;
const PATTERNS = ['pattern', 'patterns'] as const;
const say = (path: string, value: unknown) => FACT_WORDS[path]!.say(value, String);

describe('the phrases of the evidence', () => {
  it.each([
    ['1 directory', counted(1, 'directory', 'directories')],
    ['2 directories', counted(2, 'directory', 'directories')],
    ['0 files', counted(0, 'file')],
    ['no test files', say('tests.count', 0)],
    ['1 test file', say('tests.count', 1)],
    ['42 commits', say('git.commits', 42)],
    ['1 notebook saved with its outputs', say('notebooks.withOutputs', 1)],
    ['no model card', say('docs.modelCard', null)],
    ['no runtime dependency declared', say('dependencies.pinning', 'none')],
    ['some dependency versions pinned', say('dependencies.pinning', 'partial')],
    ['a lock file', FACT_WORDS['dependencies.pinning']!.need!('locked')],
    ['a', alternatives(['a'])],
    ['a or b', alternatives(['a', 'b'])],
    ['a, b or c', alternatives(['a', 'b', 'c'])],
    [' (there are no Kubernetes objects)', among(0, 'Kubernetes object', 'Kubernetes objects')],
    [' among 1 Kubernetes object', among(1, 'Kubernetes object', 'Kubernetes objects')],
    [' among 26 files', among(26, 'file', 'files')],
    ['model validation gate', briefName('a model validation gate (mlflow.evaluate with validation_thresholds, MetricThreshold)')],
    ['assertion on a model metric', briefName('an assertion on a model metric (assert accuracy >= ..., assert auc > ...)')],
    ['`train` target of a Makefile', briefName('the `train` target of a Makefile')],
    ['Prometheus scraping of the service', briefName('Prometheus scraping (scrape job definitions (static or discovered)) of the service')],
    ['DVC remote in .dvc/config', briefName('DVC remote in .dvc/config')],
    ['stray ) kept, then after', briefName('a stray ) kept, (dropped) then after')],
    ['unclosed bracket', briefName('an unclosed bracket (drops the rest')],
    ['pip-audit or safety', sought(['pip-audit', 'safety'], ['pip-audit', 'safety'], PACKAGES).words],
    ['a, b or 2 other packages', sought(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'], PACKAGES).words],
    ['a, b, c or d', sought(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'], PACKAGES).searched],
    ['a gate (x, y)', sought(['gate'], ['a gate (x, y)'], PATTERNS).searched],
    [undefined, sought(['gate'], ['gate'], PATTERNS).searched],
    ['a or 1 other package', sought(['a', 'b'.repeat(120)], ['a', 'b'.repeat(120)], PACKAGES).words],
    [' (in *.py or *.ipynb files)', globWords(['*.py', '*.ipynb'])],
    [' (in 5 kinds of files)', globWords(['*.py', '*.tf', '*.yaml', '*.yml', '*.json'])],
    [' in *.py, *.tf, *.yaml, *.yml or *.json files', globsSearched(['*.py', '*.tf', '*.yaml', '*.yml', '*.json'])],
  ])('reads %j', (expected, said) => expect(said).toBe(expected));

  it('names a description briefly in time linear in it, whatever its brackets (a pack may come from the audited repository)', () => {
    expectRoughlyLinear((size) => () => briefName(`a gate ${'('.repeat(size)}x${')'.repeat(size)} ${'(a) b '.repeat(size)}`), 20_000);
  });

  it('counts the evidence it leaves out as two or more, never "1 more files"', () => {
    const files = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'found' as const, path: `f${i}.py`, detail: 'file' }));
    expect(capped(files(6), 'files').map((item) => item.path)).toEqual(['f0.py', 'f1.py', 'f2.py', 'f3.py', 'f4.py', 'f5.py']);
    expect(capped(files(7), 'files').at(-1)!.detail).toBe('and 2 more files');
  });

  it('counts what the scan left aside in singular and plural alike', () => {
    const one = scanSummary({ files: 1, notebooks: 1, skippedDirectories: 1, skippedSymlinks: 1, unreadFiles: 1, git: true } as Parameters<typeof scanSummary>[0]);
    expect(one).toContain('1 file (1 notebook); 1 directory skipped');
    expect(one).toContain('1 symbolic link not followed and 1 file too large');
  });
});

describe('the evidence of a whole report', async () => {
  // A proof of concept with almost nothing: the report with the most "not found" evidence.
  const report = await reportFromFiles({ 'notebooks/train.ipynb': notebook('import pandas as pd'), 'train.py': trainScript, 'requirements.txt': requirements('pandas') });
  const lines = report.findings.flatMap((finding) => finding.evidence);

  it('never says "no a", "no an" or "no the", nor puts a plural after 1', () => {
    expect(lines.filter((line) => /\bno (a|an|the) /i.test(line.detail))).toEqual([]);
    expect(lines.filter((line) => /(^|[^\d.,])1 (files|directories|objects|resources|commits|matches)\b/.test(line.detail))).toEqual([]);
  });

  it('keeps each line short; what a long search looked for is named once per report', () => {
    const long = lines.filter((line) => line.detail.length > 200).map((line) => line.detail);
    expect(long).toEqual([]);
    const noCi = lines.filter((line) => line.detail === 'no CI pipeline found');
    expect(noCi.length).toBeGreaterThan(3);
    expect(noCi[0]!.searched).toContain('GitHub Actions, GitLab CI');
    const markdown = renderMarkdown(report, { detail: 'full' });
    const [, notes] = markdown.split('## What was searched');
    expect(notes!.split('GitHub Actions, GitLab CI').length - 1).toBe(1);
    expect(markdown).not.toContain('no CI pipeline found (GitHub');
    const number = /\d+(?=\. CI pipelines of GitHub Actions)/.exec(notes!)![0];
    expect(markdown).toContain(`no CI pipeline found ([see search ${number}](#what-was-searched))`);
  });

  it('links each short line of the full HTML report to its search, listed once in the appendix', () => {
    const html = renderHtml(report, { logo: null, detail: 'full' });
    const cited = new Set([...html.matchAll(/href="#(searched-\d+)"/g)].map((match) => match[1]!));
    expect(cited.size).toBeGreaterThan(5);
    for (const id of cited) expect(html).toContain(`<li id="${id}"`);
    expect(html.split('Cloud Build, CodeBuild, CodePipeline').length - 1).toBe(1);
    // The executive report shows no evidence lines, so it needs no notes.
    expect(renderHtml(report, { logo: null })).not.toContain('id="searched"');
  });

  it('keeps the full search in the JSON report, beside the short line', () => {
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    const gate = json.findings.find((finding) => finding.ruleId === 'mlops.model-validation-gate')!;
    const missing = gate.evidence.find((item) => item.detail.startsWith('no model validation gate'))!;
    expect(missing.searched).toMatch(/^a model validation gate \(mlflow\.evaluate/);
  });
});
