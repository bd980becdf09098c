import { describe, expect, it } from 'vitest';
import type { CodeFacts } from '../../src/scan/collectors/code/index.js';
import { importedModules } from '../../src/scan/collectors/code/imported.js';

const importsOf = (...names: string[]): CodeFacts['imports'] => Object.fromEntries(names.map((name) => [name, { count: 1, locations: [] }]));

describe('the imported names a module stands for', () => {
  const imports = importsOf('google.cloud', 'google.genai', 'google.genai.types', 'mod7', 'sklearn', 'sklearn.pipeline', 'sklearnx', 'torch');

  it.each([
    [['sklearn'], ['sklearn', 'sklearn.pipeline']],
    [['google.genai'], ['google.genai', 'google.genai.types']],
    [['google'], ['google.cloud', 'google.genai', 'google.genai.types']],
    [['sklearn.pipeline'], ['sklearn.pipeline']],
    [['skl', 'sklearn.pip', 'torch.nn'], []],
  ])('%j imports %j: itself and its submodules, no other name it starts', (modules, expected) => {
    expect(importedModules(imports, modules)).toEqual(expected);
  });

  it('lists each name once, in the order of the imports, however the modules are given', () => {
    expect(importedModules(imports, ['torch', 'sklearn.pipeline', 'google.genai', 'sklearn'])).toEqual(['google.genai', 'google.genai.types', 'sklearn', 'sklearn.pipeline', 'torch']);
  });

  it('answers from the facts it is given, not from an earlier scan', () => {
    expect(importedModules(importsOf('pandas'), ['sklearn', 'pandas'])).toEqual(['pandas']);
    expect(importedModules(importsOf('sklearn.svm'), ['sklearn', 'pandas'])).toEqual(['sklearn.svm']);
  });
});
