import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION } from '../../src/report/types.js';
import { churnEconomics } from '../helpers/business.js';
import { reportFromFiles } from '../helpers/report.js';
import { gitFacts } from '../helpers/rule-tester.js';

const schema = JSON.parse(await readFile(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

describe('the published report schema', () => {
  it.each([
    ['an empty repository', {}],
    [
      'a repository with gaps, notebooks and a workflow',
      {
        'nb.ipynb': JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'code', source: ['import wandb\n', 'wandb.init()'], outputs: [] }] }),
        'requirements.txt': 'pandas>=2\n',
        '.github/workflows/ci.yml': 'on: [push]\njobs:\n  t:\n    runs-on: x\n    steps:\n      - run: pytest\n',
      },
    ],
  ])('accepts the report of %s', async (_name, files) => {
    const report = await reportFromFiles(files, { git: gitFacts() });
    expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
  });

  it('accepts a report with conflicts, raised severities and business figures', async () => {
    const report = await reportFromFiles(
      { 'src/api.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post("/predict")\ndef predict(x: dict) -> dict:\n    return {"p": 1}\n' },
      {
        git: gitFacts(),
        answers: {
          'monitoring.live-quality': 'automated',
          'governance.eu-ai-act-risk': 'high',
          'governance.ai-act-role': 'provider',
          'roi.currency': 'EUR',
          ...churnEconomics,
          'team.roles': ['modelling'],
        },
      },
    );
    expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);
    expect(report.conflicts.map((conflict) => conflict.ruleId)).toEqual(['monitoring.model-quality']);
    expect(report.business.figures.length).toBeGreaterThan(4);
    expect(report.business.regulation.severityChanges.length).toBeGreaterThan(0);
  });

  it('rejects a report that lost a required part', async () => {
    const report = (await reportFromFiles({})) as unknown as Record<string, unknown>;
    delete report.summary;
    expect(validate(report)).toBe(false);
  });
});
