import { describe, expect, it } from 'vitest';
import { LineTable } from '../../src/scan/collectors/code/lines.js';
import { enclosingKeys, keysAbove } from '../../src/scan/collectors/code/yaml-keys.js';

/** Each line's enclosing key, by the line's own text: what a signal with `notUnder` consults. */
function keysByLine(source: string): [string, string | null][] {
  const lines = new LineTable(source);
  const keys = enclosingKeys(lines);
  return keys.map((key, index) => [lines.text(index).trim(), key] as [string, string | null]).filter(([text]) => text !== '');
}

describe('enclosingKeys: the key whose map or list holds each YAML line', () => {
  it("tells a step's arguments from the job's own keys, through list items and block scalars", () => {
    const workflow = [
      'jobs:',
      '  deploy:',
      '    steps:',
      '      - uses: acme/deploy@v1',
      '        with:',
      '          environment: prod',
      '          script: |',
      '            environment: staging',
      '        name: deploy',
      '      - with:',
      '          region: eu',
      '        id: second',
      '    environment: production',
      'on: push',
    ].join('\n');
    expect(keysByLine(workflow)).toEqual([
      ['jobs:', null],
      ['deploy:', 'jobs'],
      ['steps:', 'deploy'],
      ['- uses: acme/deploy@v1', 'steps'],
      ['with:', 'steps'],
      ['environment: prod', 'with'],
      ['script: |', 'with'],
      ['environment: staging', 'with'],
      ['name: deploy', 'steps'],
      ['- with:', 'steps'],
      ['region: eu', 'with'],
      ['id: second', 'steps'],
      ['environment: production', 'deploy'],
      ['on: push', null],
    ]);
  });
});

describe('keysAbove: every key that holds one YAML line, nearest first', () => {
  const workflow = [
    'jobs:',
    '  integration:',
    '    services:',
    '      cache:',
    '        image: redis:7',
    '        options:',
    '          --health-cmd: redis-cli ping',
    '    container:',
    '      image: python:3.12',
    '    steps:',
    '      - name: warm the cache',
    '        run: python warm.py',
  ];
  const lineAt = (i: number) => workflow[i]!;

  it('walks up through maps and list items to the top level', () => {
    expect(keysAbove(lineAt, 6)).toEqual(['options', 'cache', 'services', 'integration', 'jobs']);
    expect(keysAbove(lineAt, 8)).toEqual(['container', 'integration', 'jobs']);
    expect(keysAbove(lineAt, 11)).toEqual(['steps', 'integration', 'jobs']);
  });

  it('finds no key above a top-level line', () => {
    expect(keysAbove(lineAt, 0)).toEqual([]);
  });
});
