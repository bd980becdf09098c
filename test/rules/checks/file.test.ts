import { describe, expect, it } from 'vitest';
import { evaluateOn } from '../../helpers/check-tester.js';

const files = { Dockerfile: 'FROM python:3.11-slim\n', 'examples/demo/Dockerfile': 'FROM python\n' };

describe('file', () => {
  it('describes what it looked for in words when the rule gives them', async () => {
    const outcome = await evaluateOn({ file: { glob: ['[Dd][Aa][Tt][Aa][Ss][Hh]*.md', 'data/README.md'], description: 'datasheet (DATASHEET.md, data/README.md)' } }, files);
    expect(outcome.evidence[0]!.detail).toBe('no datasheet (DATASHEET.md, data/README.md) among 2 files');
  });

  it('does not count examples as the project, but says it saw them', async () => {
    const outcome = await evaluateOn({ file: { glob: 'Dockerfile', min: 2 } }, files);
    expect(outcome.value).toBe(false);
    expect(outcome.evidence.map((e) => e.detail).join('\n')).toMatch(/not counted: examples\/demo\/Dockerfile is example code/);
  });
});
