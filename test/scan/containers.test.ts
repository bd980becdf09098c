import { describe, expect, it } from 'vitest';
import { containersCollector } from '../../src/scan/collectors/containers.js';
import { collect } from '../helpers/collect.js';

function dockerfile(text: string) {
  const { facts, warnings } = collect(containersCollector, { Dockerfile: text });
  expect(warnings).toEqual([]);
  expect(facts.dockerfiles).toHaveLength(1);
  return facts.dockerfiles[0]!;
}

const SERVING_DOCKERFILE = `# syntax=docker/dockerfile:1.6
ARG PYTHON_VERSION=3.11

FROM python:\${PYTHON_VERSION}-slim AS build
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir --prefix=/install \\
      -r requirements.txt \\
    # only wheels: no compilers in the image
      --only-binary=:all:
COPY src/ src/

FROM build AS final
RUN useradd --create-home --uid 1000 app
USER 1000
EXPOSE 8080/tcp 9090
HEALTHCHECK --interval=30s --timeout=3s \\
  CMD curl -fs http://localhost:8080/health || exit 1
CMD ["uvicorn", "serve:app", "--host", "0.0.0.0", "--port", "8080"]
`;

describe('containersCollector: Dockerfiles', () => {
  it('reads a multi-stage serving image, where FROM build names a stage and not a base image', () => {
    expect(dockerfile(SERVING_DOCKERFILE)).toEqual({
      path: 'Dockerfile',
      role: 'workload',
      roleReason: null,
      stages: 2,
      baseImages: [{ image: 'python:3.11-slim', line: 4, pinned: true, digest: false }],
      user: { value: '1000', line: 15 },
      runsAsRoot: false,
      healthcheck: 17,
      exposes: [8080, 9090],
    });
  });

  const DIGEST = 'sha256:0b2f36ff3c9d2a4e5c9d7b1f5e0a44c1d0c6f3e2b1a09876543210fedcba9876';

  it.each([
    ['no tag means latest', 'FROM python', { image: 'python', pinned: false, digest: false }],
    ['an explicit latest tag', 'FROM pytorch/pytorch:latest', { image: 'pytorch/pytorch:latest', pinned: false, digest: false }],
    ['a version tag', 'FROM pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime', { image: 'pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime', pinned: true, digest: false }],
    ['a digest', `FROM nvidia/cuda@${DIGEST}`, { image: `nvidia/cuda@${DIGEST}`, pinned: true, digest: true }],
    ['a registry port is not a tag', 'FROM localhost:5000/ml/base', { image: 'localhost:5000/ml/base', pinned: false, digest: false }],
    ['flags before the image', 'FROM --platform=$BUILDPLATFORM ghcr.io/acme/base:1.2 AS deps', { image: 'ghcr.io/acme/base:1.2', pinned: true, digest: false }],
    ['scratch', 'FROM scratch', { image: 'scratch', pinned: true, digest: false }],
    ['an ARG default', 'ARG TORCH=2.3.1\nFROM pytorch/pytorch:$TORCH', { image: 'pytorch/pytorch:2.3.1', pinned: true, digest: false }],
    ['a default in the reference', 'ARG CUDA\nFROM nvidia/cuda:${CUDA:-12.1.0}-runtime-ubuntu22.04', { image: 'nvidia/cuda:12.1.0-runtime-ubuntu22.04', pinned: true, digest: false }],
    ['a build argument without default', 'ARG CUDA\nFROM nvidia/cuda:${CUDA}-runtime-ubuntu22.04', { image: 'nvidia/cuda:${CUDA}-runtime-ubuntu22.04', pinned: false, digest: false }],
    ['a lower-case keyword', 'from python:3.10', { image: 'python:3.10', pinned: true, digest: false }],
  ])('base image: %s', (_case, text, expected) => {
    const [image] = dockerfile(text).baseImages;
    expect(image).toEqual({ ...expected, line: text.split('\n').length });
  });

  it('lists every external base image of a multi-stage build, but not stage references', () => {
    const facts = dockerfile(`FROM node:20-alpine AS ui
RUN npm ci && npm run build

FROM python:3.11-slim AS api
COPY --from=ui /app/dist /srv/static

FROM API AS final
`);
    expect(facts.stages).toBe(3);
    expect(facts.baseImages.map(({ image, line }) => [image, line])).toEqual([
      ['node:20-alpine', 1],
      ['python:3.11-slim', 4],
    ]);
  });

  it.each([
    ['no USER at all', 'FROM python:3.11\nCMD ["python", "app.py"]', null, true],
    ['a numeric user', 'FROM python:3.11\nUSER 1000:1000', { value: '1000:1000', line: 2 }, false],
    ['USER root after a non-root user', 'FROM python:3.11\nUSER app\nRUN pip install .\nUSER root', { value: 'root', line: 4 }, true],
    ['USER 0:0', 'FROM python:3.11\nUSER 0:0', { value: '0:0', line: 2 }, true],
    ['root only in the build stage', 'FROM python:3.11 AS build\nUSER root\nFROM python:3.11-slim\nUSER app', { value: 'app', line: 4 }, false],
    ['non-root only in a stage the final image does not build on', 'FROM python:3.11 AS build\nUSER app\nFROM python:3.11-slim', null, true],
    ['inherited from the stage the final one builds on', 'FROM python:3.11 AS base\nUSER app\nFROM base\nCMD ["serve"]', { value: 'app', line: 2 }, false],
    ['a user from an ENV value', 'FROM python:3.11\nENV APP_USER=root\nUSER $APP_USER', { value: '$APP_USER', line: 3 }, true],
  ])('user: %s', (_case, text, user, runsAsRoot) => {
    const facts = dockerfile(text);
    expect(facts.user).toEqual(user);
    expect(facts.runsAsRoot).toBe(runsAsRoot);
  });

  it.each([
    ['a HEALTHCHECK', 'FROM python:3.11\nHEALTHCHECK CMD python -c "import urllib.request"', 2],
    ['HEALTHCHECK NONE', 'FROM python:3.11\nHEALTHCHECK NONE', null],
    ['a health check disabled later', 'FROM python:3.11\nHEALTHCHECK CMD curl -f localhost\nHEALTHCHECK none', null],
    ['a health check in another stage only', 'FROM python:3.11 AS test\nHEALTHCHECK CMD true\nFROM python:3.11-slim', null],
  ])('healthcheck: %s', (_case, text, line) => {
    expect(dockerfile(text).healthcheck).toBe(line);
  });

  it('expands EXPOSE variables and keeps numbers only, sorted and unique', () => {
    const facts = dockerfile('FROM python:3.11\nENV PORT=8000\nEXPOSE $PORT 8000/tcp 5000-5002 ${METRICS_PORT} 443/udp');
    expect(facts.exposes).toEqual([443, 5000, 8000]);
  });

  it('follows continuation lines and keeps the starting line of each instruction', () => {
    const facts = dockerfile(`FROM ubuntu:22.04
RUN apt-get update && \\
    apt-get install -y --no-install-recommends \\

    python3 python3-pip \\
    && rm -rf /var/lib/apt/lists/*
USER nobody
HEALTHCHECK \\
  CMD ["python3", "-c", "print('ok')"]
`);
    expect(facts.user).toEqual({ value: 'nobody', line: 7 });
    expect(facts.healthcheck).toBe(8);
  });

  it('does not read heredoc bodies as instructions', () => {
    const facts = dockerfile(`FROM python:3.11-slim
USER app
COPY <<EOF /etc/supervisor/conf.d/worker.conf
[program:worker]
user=root
command=celery -A tasks worker
EOF
CMD ["supervisord"]
`);
    expect(facts.user).toEqual({ value: 'app', line: 2 });
    expect(facts.runsAsRoot).toBe(false);
  });

  it('honours the escape directive of Windows images', () => {
    const facts = dockerfile(
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Install-PackageProvider NuGet\nUSER ContainerAdministrator',
    );
    expect(facts.user).toEqual({ value: 'ContainerAdministrator', line: 5 });
    expect(facts.runsAsRoot).toBe(true);
  });

  it.each([
    ['Dockerfile', true],
    ['docker/Dockerfile.gpu', true],
    ['Dockerfile_amd', true],
    ['Dockerfile-cpu', true],
    ['docs/Dockerfile.md', false],
    ['serving/inference.Dockerfile', true],
    ['training/train.dockerfile', true],
    ['Containerfile', true],
    ['docker/BaseDockerfile', true],
    ['infra/dockerfile.spawn_pipeline', true],
    ['images/Containerfile.cuda', true],
    ['.devcontainer/devcontainer.json', true],
    ['.hadolint-dockerfile.yaml', false],
    ['scripts/build_dockerfile.py', false],
    ['Dockerfile.dockerignore', false],
    ['docker/README.md', false],
    ['docker-compose.yml', true],
    ['deploy/docker-compose.prod.yaml', true],
    ['compose.yaml', true],
    ['config/train.yaml', false],
    ['src/compose.py', false],
  ])('wants %s: %s', (path, wanted) => {
    expect(containersCollector.create({ signals: [] }).wants(path)).toBe(wanted);
  });

  it('warns about a file with no FROM and never throws on garbage', () => {
    const { facts, warnings } = collect(containersCollector, {
      'docker/Dockerfile.j2': '{{ base_image }}\nRUN pip install -r requirements.txt\n',
      'docker/Dockerfile.weird': 'FROM\nUSER\nEXPOSE\nHEALTHCHECK\n\\\n',
      'Dockerfile': 'RUN <<EOF\nunterminated heredoc\n',
    });
    expect(facts.dockerfiles).toEqual([]);
    expect(warnings.map((warning) => warning.path)).toEqual(['Dockerfile', 'docker/Dockerfile.j2', 'docker/Dockerfile.weird']);
    expect(warnings[0]!.message).toMatch(/no FROM/);
  });
});

describe('containersCollector: what each image is for', () => {
  const roles = (files: Record<string, string>) =>
    Object.fromEntries(collect(containersCollector, files).facts.dockerfiles.map((d) => [d.path, d.roleReason ?? d.role]));

  it("tells the project's workload images from dev-container and CI images", () => {
    expect(
      roles({
        '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/python:3.11\n',
        '.devcontainer/docker_taxi/devcontainer.json': '// editor image\n{\n  "name": "taxi",\n  "build": { "dockerfile": "../../mlops/taxi/environment/Dockerfile" }\n}\n',
        'mlops/taxi/environment/Dockerfile': 'FROM pytorch/pytorch:2.1.0\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
        'environment_setup/Dockerfile': 'FROM conda/miniconda3\nCOPY diabetes/ci_dependencies.yml /setup/\nRUN conda env create -f /setup/ci_dependencies.yml\n',
        '.github/actions/lint/Dockerfile': 'FROM python:3.11-slim\nENTRYPOINT ["ruff"]\n',
        'serving/Dockerfile.gpu': 'FROM nvidia/cuda:12.2.0-runtime-ubuntu22.04\nCOPY src/ /app/src\nCMD ["python", "-m", "src.serve"]\n',
        'docker/BaseDockerfile': 'FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
        '.gitpod.Dockerfile': 'FROM gitpod/workspace-full\nRUN brew install julia\n',
        'env/workspace.Dockerfile': 'FROM gitpod/workspace-python-3.11:2024-05-01\nRUN pip install -r requirements.txt\n',
      }),
    ).toEqual({
      '.devcontainer/Dockerfile': 'a dev-container image (in .devcontainer/)',
      '.github/actions/lint/Dockerfile': 'a CI image (in .github/)',
      '.gitpod.Dockerfile': 'a Gitpod workspace image',
      'env/workspace.Dockerfile': 'a Gitpod workspace image',
      'docker/BaseDockerfile': 'workload',
      'environment_setup/Dockerfile': 'a CI build-agent image (it installs ci_dependencies.yml and runs nothing)',
      'mlops/taxi/environment/Dockerfile': 'the dev-container image of .devcontainer/docker_taxi/devcontainer.json',
      'serving/Dockerfile.gpu': 'workload',
    });
  });

  it('parses a RUN continued over many lines', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `    && echo ${i} \\`).join('\n');
    expect(dockerfile(`FROM python:3.11-slim\nRUN true \\\n${lines}\n    && echo done\nUSER app\n`).user).toEqual({ value: 'app', line: 20_004 });
  });
});

describe('containersCollector: compose files and .dockerignore', () => {
  it('lists compose services, sorted', () => {
    const { facts, warnings } = collect(containersCollector, {
      'docker-compose.yml': `services:
  api:
    build: .
    ports: ["8080:8080"]
    depends_on: [redis]
  worker:
    image: ghcr.io/acme/fraud-worker:1.4.0
    command: celery -A fraud.tasks worker
  redis:
    image: redis:7.2-alpine
volumes:
  models: {}
`,
      'deploy/docker-compose.gpu.yaml': 'services:\n  trainer:\n    deploy:\n      resources:\n        reservations:\n          devices: [{ capabilities: [gpu] }]\n',
      'legacy/docker-compose.yml': 'web:\n  build: .\n  links: [db]\ndb:\n  image: postgres:9.6\n',
    });
    expect(warnings).toEqual([]);
    expect(facts.compose).toEqual([
      { path: 'deploy/docker-compose.gpu.yaml', services: ['trainer'] },
      { path: 'docker-compose.yml', services: ['api', 'redis', 'worker'] },
      { path: 'legacy/docker-compose.yml', services: ['db', 'web'] },
    ]);
  });

  it('warns about a compose file that does not parse, and keeps it', () => {
    const { facts, warnings } = collect(containersCollector, {
      'compose.yaml': 'services:\n  api:\n    image: "unterminated\n  db: [\n',
    });
    expect(facts.compose).toEqual([{ path: 'compose.yaml', services: [] }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ path: 'compose.yaml', message: expect.stringMatching(/compose file does not parse/) });
    expect(warnings[0]!.line).toBeGreaterThan(0);
  });

  it.each([
    ['the root one', ['.dockerignore', 'serving/.dockerignore'], '.dockerignore'],
    ['one deeper when the root has none', ['training/.dockerignore', 'serving/.dockerignore'], 'serving/.dockerignore'],
    ['a per-Dockerfile ignore file', ['docker/Dockerfile.dockerignore'], 'docker/Dockerfile.dockerignore'],
    ['none', ['README.md'], null],
  ])('dockerignore: %s', (_case, paths, expected) => {
    const files = Object.fromEntries(paths.map((path) => [path, 'data/\n*.ckpt\n']));
    expect(collect(containersCollector, files).facts.dockerignore).toBe(expected);
  });
});
