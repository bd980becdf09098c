import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/util/regex-literals.js';
import { builtinRules, type RuleCases } from '../helpers/rule-tester.js';

describe('requiredLiterals', () => {
  it.each([
    ['\\b(mlflow\\.(log_\\w+|autolog)|wandb\\.(init|log)|Live)\\s*\\(', ['mlflow.', 'wandb.', 'Live']],
    ['^\\s*assert\\b.*\\bloss', ['assert']],
    ['random_state\\s*=\\s*\\d', ['random_state']],
    ['(@dsl\\.pipeline|sagemaker\\.workflow)', ['@dsl.pipeline', 'sagemaker.workflow']],
    ['colou?r', ['colo']],
    ['abc+d', ['abc']],
    ['^\\s*@(asset|multi_asset|graph)\\b', ['asset', 'multi_asset', 'graph']],
    ['(a|b)?tracking', ['tracking']],
    ['^\\s*-?\\s*(data_)?tests\\s*:\\s*$', ['tests']],
    ['(\\bDAG\\s*\\(|^\\s*@dag\\b)', ['DAG', '@dag']],
  ])('%s must contain one of %j', (pattern, literals) => {
    expect(requiredLiterals(pattern)).toEqual(literals);
  });

  it.each([
    '[Mm]odel card', // a class: no single literal
    '^\\s*@(asset|op)\\b', // one choice too short to help
    '(?=mlflow)mlflow', // a lookahead
    'x|mlflow', // one alternative too short to help
    '\\w+\\.fit\\(', // no literal before a class
    '(unbalanced',
  ])('gives up on %s', (pattern) => {
    expect(requiredLiterals(pattern)).toBeNull();
  });

  it('never rules out a line that a built-in signal matches, over every rule case', async () => {
    const modules = import.meta.glob<{ cases: RuleCases }>('../rules/cases/*.ts', { eager: true });
    const lines = new Set(
      Object.values(modules)
        .flatMap((module) => Object.values(module.cases).flat())
        .flatMap((testCase) => Object.values(testCase.files ?? {}))
        .flatMap((text) => text.split('\n')),
    );
    let checked = 0;
    const missed: string[] = [];
    for (const signal of builtinRules.signals) {
      const literals = requiredLiterals(signal.pattern);
      if (!literals) continue;
      const regex = new RegExp(signal.pattern);
      for (const line of lines) {
        if (!regex.test(line)) continue;
        checked += 1;
        if (!literals.some((literal) => line.includes(literal))) missed.push(`${signal.id}: ${line}`);
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
