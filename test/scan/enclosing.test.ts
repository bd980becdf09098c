import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topConfigurationPaths } from '../../src/scan/enclosing.js';
import { scan } from '../../src/scan/scan.js';
import { tempDir } from '../helpers/temp.js';

const options = { signals: [], now: new Date('2026-11-23T00:00:00Z'), git: false };
const WORKFLOW = 'on: push\njobs:\n  t:\n    runs-on: x\n    defaults:\n      run:\n        working-directory: services/model\n    steps:\n      - run: pytest\n';

describe('the top of a monorepo around an audited directory', () => {
  it('lists its own files and its dot-directories, not the other projects nor .git, and follows no link', async () => {
    const outside = await tempDir({ '.github/workflows/evil.yml': WORKFLOW });
    const root = await tempDir({
      '.gitlab-ci.yml': '',
      '.github/workflows/ci.yml': WORKFLOW,
      '.github/actions/build/action.yml': '',
      '.git/config': '',
      'services/web/.github/workflows/web.yml': '',
      'services/model/train.py': '',
    });
    await symlink(join(outside, '.github'), join(root, '.gitlab'));
    await symlink(join(outside, '.github', 'workflows', 'evil.yml'), join(root, '.github', 'workflows', 'linked.yml'));
    expect(topConfigurationPaths(root)).toEqual(['.github/actions/build/action.yml', '.github/workflows/ci.yml', '.gitlab-ci.yml']);
  });

  it("applies the ignore rules of the top and the folders between, in git's order, the project's own last", async () => {
    const root = await tempDir({
      '.gitignore': '.env\n*.pkl\n/data\nservices/model/cache/\n',
      '.git/info/exclude': 'scratch.py\n',
      'services/.gitignore': 'tmp/\n',
      'services/model/.gitignore': '!keep.pkl\n',
      'services/model/.env': 'OPENAI_API_KEY=sk-proj-abc\n',
      'services/model/model.pkl': '',
      'services/model/keep.pkl': '',
      'services/model/data/x.csv': '',
      'services/model/cache/a.txt': '',
      'services/model/tmp/t.txt': '',
      'services/model/scratch.py': '',
      'services/model/train.py': '',
    });
    const model = await scan(join(root, 'services', 'model'), options);
    // `/data` is the top's own folder; the project's `data/` is not it.
    expect(model.files.paths).toEqual(['.gitignore', 'data/x.csv', 'keep.pkl', 'train.py']);
    // The key in the ignored .env is not committed, so not reported.
    expect(model.secrets.findings).toEqual([]);
  });

  it("reads the top's CI when a subdirectory of a work tree is audited, and only then", async () => {
    const root = await tempDir({ '.github/workflows/ci.yml': WORKFLOW, 'services/model/train.py': 'import sklearn\n' });
    await mkdir(join(root, '.git'));
    const model = await scan(join(root, 'services', 'model'), options);
    expect(model.ci.pipelines.map((pipeline) => [pipeline.path, pipeline.steps.map((step) => step.kind)])).toEqual([['../../.github/workflows/ci.yml', ['test']]]);
    expect((await scan(root, options)).ci.pipelines.map((pipeline) => pipeline.path)).toEqual(['.github/workflows/ci.yml']);
    // A folder with its own .github and licence inside the project is another repository's copy, as at a top.
    const vendored = await tempDir({ '.github/workflows/ci.yml': WORKFLOW, 'services/model/lib/solaris/.github/workflows/x.yml': 'on: push\n', 'services/model/lib/solaris/LICENSE': '', 'services/model/train.py': '' });
    await mkdir(join(vendored, '.git'));
    expect((await scan(join(vendored, 'services', 'model'), options)).files.count).toBe(1);
    const alone = await tempDir({ 'services/model/train.py': '' });
    expect((await scan(join(alone, 'services', 'model'), options)).ci.pipelines).toEqual([]);
  });
});

describe("the top's pipelines lent to a project", () => {
  const signals = [{ id: 'precommit-in-ci', files: ['.github/workflows/*.yml'], pattern: '\\bpre-commit\\s+run\\b', match: 'text' as const }];
  const JOBS = 'jobs:\n  hooks:\n    runs-on: x\n    steps:\n      - run: pre-commit run --all-files\n';
  const run = (folder: string) => `on:\n  push:\n    paths: ['${folder}/**']\n${JOBS}`;

  it('are read by the other collectors when they run for it: not when they build another project or cannot run', async () => {
    const root = await tempDir({
      '.github/workflows/model.yml': run('services/model'),
      '.github/workflows/web.yml': run('services/web'),
      // No trigger: it never runs, though its steps name the project.
      '.github/workflows/off.yml': `${JOBS}      - run: make -C services/model\n`,
      'services/model/train.py': 'import sklearn\n',
    });
    await mkdir(join(root, '.git'));
    const model = await scan(join(root, 'services', 'model'), { ...options, signals });
    expect(model.code.signals['precommit-in-ci']!.matches.map((match) => [match.path, match.line])).toEqual([['.github/workflows/model.yml', 8]]);
    expect(model.root.fromTop).toEqual(['.github/workflows/model.yml']);
    // Read, not listed: the project holds no such file, and file checks do not see it.
    expect(model.files.paths).toEqual(['train.py']);
    expect((await scan(root, { ...options, signals })).root.fromTop).toEqual([]);
  });
});

describe('a hostile top', () => {
  it('is listed only so far, however many folders its dot-directories hold', async () => {
    const root = await tempDir({ '.gitlab-ci.yml': '' });
    for (let i = 0; i < 1_200; i++) await mkdir(join(root, '.noise', `d${String(i).padStart(4, '0')}`), { recursive: true });
    await mkdir(join(root, '.noise', 'zz'), { recursive: true });
    await writeFile(join(root, '.noise', 'zz', 'late.yml'), '');
    expect(topConfigurationPaths(root)).toEqual(['.gitlab-ci.yml']);
  });
});

describe("the top's repository-wide files", () => {
  it('are read as the project\'s when it has none of its own; Dependabot only when an entry names the project', async () => {
    const root = await tempDir({
      '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    hooks:\n      - id: gitleaks\n',
      '.github/CODEOWNERS': '* @acme/ml\n',
      '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: "/services/model"\n',
      'SECURITY.md': '# Security\n',
      'services/model/SECURITY.md': '# Our own policy\n',
      'services/model/train.py': '',
      'services/web/package.json': '{}',
    });
    await mkdir(join(root, '.git'));
    const model = await scan(join(root, 'services', 'model'), options);
    expect(model.root.fromTop).toEqual(['.github/CODEOWNERS', '.github/dependabot.yml', '.pre-commit-config.yaml']);
    expect(model.files.paths).toEqual(['.github/CODEOWNERS', '.github/dependabot.yml', '.pre-commit-config.yaml', 'SECURITY.md', 'train.py']);
    const web = await scan(join(root, 'services', 'web'), options);
    expect(web.root.fromTop).toEqual(['.github/CODEOWNERS', '.pre-commit-config.yaml', 'SECURITY.md']);
  });
});
