#!/usr/bin/env node
// Times full audits of a generated 30,000-file ML repository: `npm run bench [-- --files N --runs N --target MS --keep DIR]`.
// Speed targets live here, not in unit tests, because unit tests must pass on slow, noisy machines.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((part) => part.trim().split(/\s+/)));
const FILES = Number(args.files ?? 30_000);
const RUNS = Number(args.runs ?? 5);
const TARGET_MS = Number(args.target ?? 1_000);
const BIN = fileURLToPath(new URL('../bin/scale-audit.js', import.meta.url));

function write(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A repository shaped like a large ML monorepo: many packages, tests, notebooks, configs and data. */
function generate(root, files) {
  const module = (i) => `"""Module ${i}."""\nimport numpy as np\nimport pandas as pd\nfrom sklearn.pipeline import Pipeline\n\n\ndef transform_${i}(df: pd.DataFrame) -> pd.DataFrame:\n    out = df.copy()\n    out["f${i}"] = np.log1p(out["x"])\n    return out\n`.repeat(3);
  const notebook = (i) => JSON.stringify({ nbformat: 4, cells: [{ cell_type: 'code', source: [`import pandas as pd\n`, `df = pd.read_csv("d${i}.csv")\n`], outputs: [{ output_type: 'stream', text: ['x'.repeat(2000)] }] }] });
  write(root, 'pyproject.toml', '[project]\nname = "mono"\ndependencies = ["numpy==2.1.0", "pandas==2.2.3", "mlflow==2.18.0"]\n');
  write(root, '.github/workflows/ci.yml', 'on: [push, pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest\n');
  write(root, 'Dockerfile', 'FROM python:3.11-slim\nUSER app\n');
  write(root, '.gitignore', 'build/\n*.tmp\n');
  let written = 4;
  for (let i = 0; written < files; i++) {
    const pkg = `packages/pkg${i % 300}`;
    const kind = i % 10;
    if (kind < 5) write(root, `${pkg}/src/mod${i}.py`, module(i));
    else if (kind < 7) write(root, `${pkg}/tests/test_mod${i}.py`, `from mod${i - 5} import transform\n\ndef test_${i}():\n    assert transform is not None\n`);
    else if (kind === 7) write(root, `${pkg}/notebooks/nb${i}.ipynb`, notebook(i));
    else if (kind === 8) write(root, `${pkg}/conf/params${i}.yaml`, `lr: 0.1\nseed: ${i}\nlayers: [64, 32]\n`);
    else write(root, `${pkg}/data/sample${i}.csv`, 'a,b,c\n1,2,3\n'.repeat(50));
    written += 1;
  }
  for (let i = 0; i < 2000; i++) write(root, `node_modules/dep${i % 50}/index${i}.js`, 'module.exports = 1;\n');
}

// --keep <dir> generates into <dir> and leaves it there, for profiling.
const root = args.keep ?? mkdtempSync(join(tmpdir(), 'scale-audit-bench-'));
try {
  process.stdout.write(`generating ${FILES} files in ${root} … `);
  generate(root, FILES);
  process.stdout.write('done\n');
  const times = [];
  let peak = 0;
  for (let run = 0; run < RUNS + 1; run++) {
    const started = process.hrtime.bigint();
    // /usr/bin/time reports the child's peak memory (its last line of stderr).
    const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, root, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (child.status !== 0) throw new Error(`audit failed: ${child.stderr}`);
    const kb = Number(child.stderr.toString().trim().split('\n').pop());
    if (run === 0) continue; // the first run warms the file-system cache
    times.push(ms);
    peak = Math.max(peak, kb);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`audit of ${FILES} files: median ${median.toFixed(0)} ms over ${RUNS} runs (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}), peak RSS ${(peak / 1024).toFixed(0)} MiB`);
  console.log(median <= TARGET_MS ? `within the ${TARGET_MS} ms target` : `SLOWER than the ${TARGET_MS} ms target`);
  process.exitCode = median <= TARGET_MS ? 0 : 1;
} finally {
  if (!args.keep) rmSync(root, { recursive: true, force: true });
}
