import type { Report } from '../../src/report/types.js';
import { reportFromFiles } from './report.js';
import { gitFacts } from './rule-tester.js';

/*
 * The audited repository is untrusted: its file names, code and the answers flow into reports
 * that a consultant opens in a browser or GitHub renders in a pull request. These strings try to
 * become markup, a link, a mention, a script or a terminal escape.
 */
export const SCRIPT = '<script>alert(1)</script>';
export const IMG = '<img src=x onerror=alert(2)>';
/** A made-up access key, assembled so that secret scanners of this repository stay quiet. */
export const AWS_KEY = ['AKIA', 'Z3MSJV7WXQ2LPDRT'].join('');
export const MARKDOWN = '| cell | [click](javascript:alert(3)) **bold** @everyone $x^2$ ![i](http://evil.example/p.png)';

/** A report whose file names, code, project name, answers and warnings all carry the strings above. */
export async function hostileReport(): Promise<Report> {
  const report = await reportFromFiles(
    {
      [`src/${SCRIPT}.py`]: `import mlflow\nmlflow.log_param("${IMG}", "${MARKDOWN}")\n`,
      [`notebooks/"><img src=y onerror=alert(4)>.ipynb`]: JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'code', source: [`wandb.init(project="${SCRIPT}")`], outputs: [] }] }),
      'requirements.txt': `pandas\n`,
      '.github/workflows/ci.yml': `on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest "${IMG}" ${MARKDOWN.replace(/\|/g, '')}\n`,
      'config/prod.yaml': `aws_access_key_id: ${AWS_KEY}\n`,
      'src/\u001b[2J\u001b]8;;http://evil.example\u0007clear.py': 'import wandb\nwandb.init(project="\u001b[31mred")\n',
      // A served model that logs nothing contradicts the answer below: the conflict quotes this file.
      [`src/${IMG}api.py`]: `from fastapi import FastAPI\napp = FastAPI()\n\n@app.post("/${SCRIPT}")\ndef score(x: dict) -> dict:\n    return x\n`,
    },
    { name: `${SCRIPT}${IMG}`, git: gitFacts({ webUrl: 'https://github.com/acme/churn' }), answers: { 'monitoring.live-quality': 'automated' } },
  );
  // The hostile file must reach the conflict section too, or checks on the report would not cover it.
  if (!report.conflicts[0]?.evidence.some((evidence) => evidence.path?.includes('<img'))) throw new Error('no conflict quoting the hostile file');
  report.warnings.push({ path: `bad/${IMG}.yaml`, line: 3, message: `could not parse ${SCRIPT} ${MARKDOWN}` });
  return report;
}
