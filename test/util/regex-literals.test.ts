import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { BUILTIN_CACHE } from '../../src/rules/load.js';
import { compileNative } from '../../src/util/linear-regex.js';
import { COMMAND_PATTERNS } from '../../src/scan/collectors/ci/command-patterns.js';
import { PROVIDERS } from '../../src/scan/collectors/ci/index.js';
import { STORE_REFERENCE_GATE } from '../../src/scan/collectors/secrets.js';
import { FORMAT_GATE } from '../../src/scan/secret-patterns.js';
import { alternativesOf, anyTextOf, gatedTest, holdsClauses, leadingLiterals, LiteralGate, literalAlternatives, literalClauses, type RecordedAlternatives, requiredLiterals } from '../../src/util/regex-literals.js';
import { builtinRules, type RuleCases } from '../helpers/rule-tester.js';

/**
 * Every line of the files of the built-in rules' test cases, once each, worked out once for the
 * tests that read them: the files hold 38 MB, most of it one 12 MB CSV that three cases share.
 */
let caseLines: Set<string> | undefined;
function ruleCaseLines(): Set<string> {
  const modules = import.meta.glob<{ cases: RuleCases }>('../rules/cases/*.ts', { eager: true });
  caseLines ??= new Set(
    [...new Set(Object.values(modules).flatMap((module) => Object.values(module.cases).flat()).flatMap((testCase) => Object.values(testCase.files ?? {})))].flatMap((text) => text.split('\n')),
  );
  return caseLines;
}

describe('requiredLiterals', () => {
  it.each([
    ['\\b(mlflow\\.(log_\\w+|autolog)|wandb\\.(init|log)|Live)\\s*\\(', ['mlflow.', 'wandb.init', 'wandb.log', 'Live']],
    ['^\\s*assert\\b.*\\bloss', ['assert']],
    ['random_state\\s*=\\s*\\d', ['random_state']],
    ['(@dsl\\.pipeline|sagemaker\\.workflow)', ['@dsl.pipeline', 'sagemaker.workflow']],
    ['colou?r', ['colo']],
    ['abc+d', ['abc']],
    ['^\\s*@(asset|multi_asset|graph)\\b', ['@asset', '@multi_asset', '@graph']], // a choice of words goes on the text before it
    ['^\\s*@(asset|op)\\b', ['@asset', '@op']], // even a choice too short alone
    ['\\bscan_(prompt|output)\\s*\\(', ['scan_prompt', 'scan_output']],
    ['(a|b)?tracking', ['tracking']],
    ['^\\s*-?\\s*(data_)?tests\\s*:\\s*$', ['tests']],
    ['(\\bDAG\\s*\\(|^\\s*@dag\\b)', ['DAG', '@dag']],
    ['[Mm]odel card', ['Model card', 'model card']], // a class of a few characters spells the text each way
    ['x[Cc]ost[Cc]enter', ['xCostCenter', 'xCostcenter', 'xcostCenter', 'xcostcenter']],
    ['[a-z]odel card|[^m]odel card', ['odel card']], // a range or a negated class: the text after it
    ['[Mm][Oo][Dd][Ee][Ll]s?', ['MODE', 'MODe', 'MOdE', 'MOde', 'MoDE', 'MoDe', 'ModE', 'Mode', 'mODE', 'mODe', 'mOdE', 'mOde', 'moDE', 'moDe', 'modE', 'mode']], // past 16 spellings the run ends
    ['[Cc]?ost|[Cc]+ost', ['ost']], // an optional or repeated class ends the text
    ['\\w+\\.fit\\(', ['.fit(']],
    ['(?=mlflow)mlflow', ['mlflow']], // a lookahead matches no text of its own
    ['^\\s*(CMD|RUN)\\s+(ddtrace-run|opentelemetry-instrument)\\b', ['ddtrace-run', 'opentelemetry-instrument']], // the longer of two required groups
    ['(\\bTags\\.of\\(|\\b[Kk]ey\\s*:\\s*)["\'](?:[Cc]ost[-_]?[Cc]enter|Project)["\']', ['Center', 'center', 'Project']], // of two required groups, the one whose shortest literal is longer
    ['(?<name>abc)d{2,}xyz', ['abcd']], // a group of one word runs on into what follows
  ])('%s must contain one of %j', (pattern, literals) => {
    expect(requiredLiterals(pattern)).toEqual(literals);
  });

  it.each([
    '(as|op)\\b', // choices too short to help
    'x|mlflow', // one alternative too short to help
    '(unbalanced',
    'unbalanced)',
    '(?i)mlflow', // inline flags change what the text must hold
    '\\x41BCD', // an escape it does not read
    '[[:alpha:]]mlflow|x', // a class it cannot delimit, in an alternative without a literal
    'mlflow|(track|)', // an empty alternative
    '(mlflow)?|tracking',
    'mlflow{,3}',
  ])('gives up on %s', (pattern) => {
    expect(requiredLiterals(pattern)).toBeNull();
  });

  it('never rules out a line that a built-in signal matches, over every rule case (nor do all the literal sets it needs: literalClauses)', async () => {
    const lines = ruleCaseLines();
    let checked = 0;
    const missed: string[] = [];
    for (const signal of builtinRules.signals) {
      const literals = requiredLiterals(signal.pattern);
      const clauses = literalClauses(signal.pattern);
      if (!literals || !clauses) continue;
      const regex = new RegExp(signal.pattern);
      for (const line of lines) {
        if (!regex.test(line)) continue;
        checked += 1;
        if (!literals.some((literal) => line.includes(literal))) missed.push(`${signal.id}: ${line}`);
        if (!holdsClauses(line, clauses)) missed.push(`${signal.id} (all it needs): ${line}`);
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('of the built-in signals, the CI command patterns and the credential gates are the ones the build recorded, which loading the packs remembers', async () => {
    const { literals } = JSON.parse(await readFile(BUILTIN_CACHE, 'utf8')) as { literals: Record<string, string[] | null> };
    const patterns = [...builtinRules.signals.map((signal) => signal.pattern), ...COMMAND_PATTERNS.map(({ regex }) => regex.source), ...FORMAT_GATE.patterns, ...STORE_REFERENCE_GATE.patterns];
    expect(Object.keys(literals).sort()).toEqual([...new Set(patterns)].sort());
    // A fresh copy of the module has remembered nothing: it works each answer out.
    vi.resetModules();
    const { requiredLiterals: computed } = await import('../../src/util/regex-literals.js');
    for (const [pattern, recorded] of Object.entries(literals)) expect(recorded, pattern).toEqual(computed(pattern));
  });

  it('of the CI command patterns, the texts they start with are the ones the build recorded', async () => {
    const { starts } = JSON.parse(await readFile(BUILTIN_CACHE, 'utf8')) as { starts: Record<string, string[] | null> };
    expect(Object.keys(starts).sort()).toEqual([...new Set(COMMAND_PATTERNS.map(({ regex }) => regex.source))].sort());
    vi.resetModules();
    const { leadingLiterals: computed } = await import('../../src/util/regex-literals.js');
    for (const [pattern, recorded] of Object.entries(starts)) expect(recorded, pattern).toEqual(computed(pattern));
  });
});

describe('literalClauses', () => {
  it.each([
    ['from\\s+["\']k6/http["\']|require\\(\\s*["\']k6/http["\']\\s*\\)', [[['from'], ['k6/http']], [['require('], ['k6/http']]]],
    ['\\b(mlflow\\.(log_\\w+|autolog)|wandb\\.(init|log)|Live)\\s*\\(', [[['mlflow.', 'wandb.init', 'wandb.log', 'Live']]]],
    ['^\\s*["\']?compute_?[Tt]ype["\']?\\s*:\\s*["\']?(AKS|aks)\\b|^\\s*ray_serve_config\\s*:', [[['compute'], ['Type', 'type'], ['AKS', 'aks']], [['ray_serve_config']]]],
    ['colou?r', [[['colo']]]],
    ['abc+d', [[['abc']]]],
  ])('%s needs, per alternative, one of each of %j', (pattern, clauses) => {
    expect(literalClauses(pattern)).toEqual(clauses);
  });

  it.each(['x|mlflow', '(unbalanced', '(?i)mlflow', 'mlflow|(track|)', 'mlflow{,3}'])('gives up on %s, as requiredLiterals does', (pattern) => {
    expect(literalClauses(pattern)).toBeNull();
    expect(requiredLiterals(pattern)).toBeNull();
  });

  it("of the built-in signals, gives up where requiredLiterals does, and holds requiredLiterals' choice among each alternative's sets", () => {
    for (const signal of builtinRules.signals) {
      const clauses = literalClauses(signal.pattern);
      const literals = requiredLiterals(signal.pattern);
      expect(clauses === null, signal.id).toBe(literals === null);
      for (const literal of literals ?? []) expect(clauses!.some((sets) => sets.some((set) => set.includes(literal))), `${signal.id}: ${literal}`).toBe(true);
    }
  });

  it('rules a text out only when, for every alternative, one of its sets has no literal in it', () => {
    const clauses = literalClauses('from\\s+["\']k6/http["\']|require\\(\\s*["\']k6/http["\']\\s*\\)')!;
    expect(holdsClauses('const http = require("http");', clauses)).toBe(false);
    expect(holdsClauses('// k6/http\nconst x = require("y");', clauses)).toBe(true);
    expect(holdsClauses('import http from "k6/http";', clauses)).toBe(true);
    expect(holdsClauses('anything', [[]])).toBe(true);
  });
});

describe('alternativesOf', () => {
  it.each([
    ['a|b', ['a', 'b']],
    ['(abc|def)', ['abc', 'def']],
    ['(?:abc|def)', ['abc', 'def']],
    ['(?<name>abc|def)', ['abc', 'def']],
    ['(abc|(?:def|ghi))', ['abc', 'def', 'ghi']], // and theirs in turn
    ['((abc|def))', ['abc', 'def']],
    ['^\\s*x|(?<![\\w.])y\\(', ['^\\s*x', '(?<![\\w.])y\\(']],
    ['[|)(]x|y', ['[|)(]x', 'y']], // a bar or a bracket in a class is a character
    ['[]|]x|y', ['[]', ']x', 'y']], // JavaScript's `[]` is an empty class: the bar after it separates
    ['\\|x|\\(y', ['\\|x', '\\(y']],
    ['a|', ['a', '']],
    ['(a|b)c|d', ['(a|b)c', 'd']],
  ])('splits %s into %j', (pattern, alternatives) => {
    expect(alternativesOf(pattern)).toEqual(alternatives);
  });

  it.each([
    'abc', // no alternation
    '\\b(a|b)c', // an alternation inside a sequence
    '(a|b)+', // a group repeated
    '(a|b)(c|d)',
    '(?=a|b)', // a lookaround matches no text of its own
    '(?!a|b)c',
    '(a)|\\1', // a backreference counts the groups of the other alternatives
    '(?<n>a)|\\k<n>',
    '(a|b',
    'a|b)',
    '[a|b',
  ])('gives none for %s', (pattern) => {
    expect(alternativesOf(pattern)).toBeNull();
  });

  it("first matches where the earliest of a built-in signal's alternatives first matches, on every line of the rule cases", () => {
    const lines = ruleCaseLines();
    let split = 0;
    let matched = 0;
    // Collected rather than asserted one by one: an expect() per position cost more than the searches.
    const wrong: string[] = [];
    for (const signal of builtinRules.signals) {
      const alternatives = alternativesOf(signal.pattern);
      if (!alternatives) continue;
      split += 1;
      const whole = new RegExp(signal.pattern, 'g');
      const parts = alternatives.map((alternative) => new RegExp(alternative, 'g'));
      const native = compileNative(signal.pattern);
      const first = (regex: RegExp, line: string, from: number) => {
        regex.lastIndex = from;
        return regex.exec(line)?.index ?? -1;
      };
      // A line without any of the pattern's literals matches neither it nor an alternative (see requiredLiterals above).
      const literals = requiredLiterals(signal.pattern);
      for (const line of lines) {
        if (literals && !literals.some((literal) => line.includes(literal))) continue;
        // From the start, then past each match, as a scan retries past a definition's name.
        for (let from = 0, at = 0; at >= 0 && from <= line.length; from = at + 1) {
          at = first(whole, line, from);
          const starts = parts.map((part) => first(part, line, from)).filter((start) => start >= 0);
          const earliest = starts.length > 0 ? Math.min(...starts) : -1;
          if (earliest !== at) wrong.push(`${signal.id} on ${JSON.stringify(line)} from ${from}: the alternatives at ${earliest}, the pattern at ${at}`);
          // And so does the search that runs only the alternatives whose literals the line holds.
          const searched = native.find(line, from);
          if (searched !== at) wrong.push(`${signal.id} on ${JSON.stringify(line)} from ${from}: the search at ${searched}, the pattern at ${at}`);
          if (at >= 0) matched += 1;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(split).toBeGreaterThan(100);
    expect(matched).toBeGreaterThan(100);
  });

  it("of the built-in signals, each pattern's alternatives and their literals are the ones the build recorded", async () => {
    const { alternatives } = JSON.parse(await readFile(BUILTIN_CACHE, 'utf8')) as { alternatives: Record<string, RecordedAlternatives | null> };
    expect(Object.keys(alternatives).sort()).toEqual([...new Set(builtinRules.signals.map((signal) => signal.pattern))].sort());
    vi.resetModules();
    const fresh = await import('../../src/util/regex-literals.js');
    for (const [pattern, recorded] of Object.entries(alternatives)) {
      const computed = fresh.literalAlternatives(pattern);
      expect(recorded?.map(([start, end, literals]) => [pattern.slice(start, end), literals]) ?? null, pattern).toEqual(computed);
      // Loading the packs remembers them: the answer is the same.
      expect(literalAlternatives(pattern), pattern).toEqual(computed);
    }
  });
});

describe('leadingLiterals', () => {
  it('reads the texts a pattern anchored at the start must start with', () => {
    expect(leadingLiterals(String.raw`^python[\d.]*\s+-m`)).toEqual(['python']);
    expect(leadingLiterals(String.raw`^(?:make|npm)\s`)).toEqual(['make', 'npm']);
    expect(leadingLiterals(String.raw`^x(?:a|b)(?:c|d)`)).toEqual(['xa', 'xb']);
    expect(leadingLiterals('^ab+c')).toEqual(['ab']);
    expect(leadingLiterals('^(?:(?:a|b)c|d)e')).toEqual(['a', 'b', 'd']);
    expect(leadingLiterals('^a|^b')).toEqual(['a', 'b']);
  });

  it('says nothing of a pattern not anchored, or that may start with anything', () => {
    for (const pattern of ['abc', '^a|b', '^a?b', String.raw`^(?:python\s+-m\s+)?pytest`, String.raw`^\S+`, '^[ab]c', '^(?:a|)b', '^(?=x)abc', '^.*x']) {
      expect(leadingLiterals(pattern), pattern).toBeNull();
    }
  });

  it('holds for the CI command patterns: whatever a pattern matches starts with one of its texts', () => {
    const commands = COMMAND_PATTERNS.flatMap(({ regex }) => {
      const words = regex.source.replace(/\\[bBsSwWdD]/g, ' ').match(/[A-Za-z][\w.-]+/g) ?? [];
      return [words.join(' '), words.slice(0, 3).join(' '), ['uv', 'run', ...words].join(' '), words.map((word) => `-${word}`).join(' ')];
    });
    let anchored = 0;
    let matched = 0;
    for (const { regex } of COMMAND_PATTERNS) {
      const starts = leadingLiterals(regex.source);
      if (starts === null) continue;
      anchored += 1;
      for (const command of commands) {
        if (!regex.test(command)) continue;
        matched += 1;
        expect(starts.some((start) => command.startsWith(start)), `${regex.source} matched ${command}`).toBe(true);
      }
    }
    expect(anchored).toBeGreaterThan(COMMAND_PATTERNS.length / 2);
    expect(matched).toBeGreaterThan(50);
  });
});

describe('LiteralGate', () => {
  const regexes = [
    /(?<![A-Za-z0-9])(sk-ant-[A-Za-z0-9_-]{8,})/g,
    /(?<![A-Za-z0-9])(sk-[A-Za-z0-9_-]{8,})/g,
    /AccountKey=([A-Za-z0-9+/=]{8,})/g,
    /aws_secret_access_key[ \t]*=[ \t]*(\w{8})/gi,
    /\d{3}-\d{4}/,
    /"private_key_id"\s*:/,
  ];
  const texts = [
    '',
    'nothing to see',
    'key = sk-ant-abcdefgh12',
    'disk-usage sk-abcdefgh12',
    'AccountKey=abcdefgh+/ and AWS_SECRET_ACCESS_KEY = ABCDEFGH',
    'call 555-1234',
    '{"private_key_id" : "x"}',
    'sk-ant-',
    'task-runner',
  ];

  it('says which regexes match, as running each of them would', () => {
    const gate = new LiteralGate(regexes);
    for (const text of texts) {
      const expected = regexes.flatMap((regex, index) => {
        regex.lastIndex = 0;
        return regex.test(text) ? [index] : [];
      });
      expect(gate.matching(text), text).toEqual(expected);
    }
  });

  it('matches nothing when given no regex', () => {
    expect(new LiteralGate([]).matching('sk-ant-abcdefgh12')).toEqual([]);
  });

  it('rules a text out of several gates at once only when none of their regexes matches and it holds none of the other texts', () => {
    const gates = [new LiteralGate(regexes.slice(0, 4)), new LiteralGate(regexes.slice(4))];
    const mayHold = anyTextOf(gates, ['://']);
    for (const text of [...texts, 'see https://example.com', 'Aws_Secret_Access_Key=ABCDEFGH', 'aws_secret_access_key only']) {
      const matches = regexes.some((regex) => {
        regex.lastIndex = 0;
        return regex.test(text);
      });
      // It may let through a text that holds a literal but no match; never rule out one that matches.
      if (matches || text.includes('://')) expect(mayHold(text), text).toBe(true);
    }
    expect(mayHold('nothing to see')).toBe(false);
    expect(mayHold('call me at noon')).toBe(false);
    expect(mayHold('Aws_Secret_Access_Key=ABCDEFGH')).toBe(true);
  });
});

describe('gatedTest', () => {
  const texts = [
    '',
    "import * as cdk from 'aws-cdk-lib';\nnew codepipeline.Pipeline(this, 'P');",
    "const pipelines = require('@aws-cdk/pipelines');\nnew pipelines.CodePipeline(this, 'P', {});",
    'from aws_cdk import aws_codepipeline\naws_codepipeline.Pipeline(self, "P")',
    '// aws-cdk-lib is named here, imported nowhere\nCodePipeline(scope)',
    'trigger:\n- main\npool:\n  vmImage: ubuntu\nsteps:\n- script: pytest',
    'image: python\nbefore_script:\n  - pip install .\ntest:\n  stage: test\n  only: [main]',
    'steps:\n- name: gcr.io/cloud-builders/docker\n  args: [build, .]',
    "pipeline {\n  stages {\n    stage('t') { steps { sh 'make' } }\n  }\n}",
    "node('linux') {\n  stage('test') { sh 'make' }\n}",
    'resource "aws_codepipeline" "p" {\n}',
    'Type: AWS::CodePipeline::Pipeline',
    'Pipeline Steps: stages node',
  ];

  it("answers as each CI provider's sniffing pattern does, over texts that hold its literals and texts that do not", () => {
    const patterns = PROVIDERS.flatMap(({ files }) => files.flatMap(({ sniff, unlike }) => [...(sniff ?? []), ...(unlike ?? [])]));
    expect(patterns.length).toBeGreaterThan(10);
    for (const pattern of patterns) {
      const test = gatedTest(pattern);
      for (const text of texts) expect(test(text), `${pattern} on ${JSON.stringify(text)}`).toBe(pattern.test(text));
    }
  });

  it('rules out a text holding none of the literals without running the regex, and runs a regex it cannot gate', () => {
    const anchored = /^[ \t]*import[ \t]+aws_cdk\b/m;
    const exec = vi.spyOn(anchored, 'exec');
    expect(gatedTest(anchored)('import os\nimport sys')).toBe(false);
    expect(exec).not.toHaveBeenCalled();
    expect(gatedTest(anchored)('import aws_cdk')).toBe(true);
    expect(gatedTest(/^steps:/im)('STEPS:')).toBe(true);
  });
});
