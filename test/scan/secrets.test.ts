import { describe, expect, it } from 'vitest';
import { secretsCollector } from '../../src/scan/collectors/secrets.js';
import { candidateLines, candidatesIn, findCandidates, holdsUrlPassword, redactFormats, redactSecrets } from '../../src/scan/secret-patterns.js';
import { collect } from '../helpers/collect.js';

/*
 * Credentials below are made up: they only have the shape the scanner recognises. They are
 * assembled from parts so that secret scanners of this repository do not flag them.
 */
const awsKey = ['AKIA', 'Z3MSJV7WXQ2LPDRT'].join('');
const githubToken = ['ghp_', 'k7Qm2Xw9Lp4Rt8Vb1Nc6Hy3Jd5Fg0Sa2Ze7U'].join('');
const openaiKey = ['sk-proj-', 'Xr4mQ9tLw2VbN7kPz1cYh8sDf3gJ5aEu6oTi0nRq'].join('');
const slackToken = ['xoxb-', '2048-7781-Kq8Zr3Lm9Tx2Vw5Yp1Bn4C'].join('');
const langfuseKey = ['sk-lf-', '878345f5-fa2c-46f0-8193-d6be00910ab0'].join('');
const anthropicKey = ['sk-ant-', 'api03-Xr4mQ9tLw2VbN7kPz1cYh8sDf3gJ5aEu6oTi0nRq'].join('');
const uuidToken = ['66a1f289-b4d9', '-42ec-84bd-d10f7e2a428d'].join('');
const privateKeyHeader = ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join('');

function judged(files: Record<string, string>) {
  const { facts } = collect(secretsCollector, files);
  return {
    real: facts.findings.map((f) => `${f.path}:${f.line} ${f.kind}`),
    setAside: facts.setAside.map((f) => `${f.path}:${f.line} ${f.why}`),
    facts,
  };
}

describe('secrets: what counts as a credential', () => {
  const keyBody = 'MIIEowIBAAKCAQEAx3Lm9Tq2Vw5Yp1Bn4Ck8Zr3Lm9Tx2Vw5Yp1Bn4CZ';
  it.each([
    ['aws-access-key-id', 'config/prod.yaml', `storage:\n  aws_access_key_id: ${awsKey}\n`, awsKey],
    ['github-token', 'scripts/release.sh', `curl -H "Authorization: token ${githubToken}" https://api.github.com\n`, githubToken],
    ['openai-api-key', 'src/llm.py', `client = OpenAI(api_key="${openaiKey}")\n`, openaiKey],
    ['langfuse-secret-key', '.env.example', `LANGFUSE_SECRET_KEY=${langfuseKey}\n`, langfuseKey],
    ['slack-token', 'notify.js', `const token = "${slackToken}";\n`, slackToken],
    ['private-key', 'deploy/key.txt', `${privateKeyHeader}\n${keyBody}\n`, keyBody],
  ])('a provider format (%s) is a credential wherever it is', (kind, path, text, secret) => {
    const { real, facts } = judged({ [path]: text });
    expect(real.map((r) => r.split(' ')[1])).toContain(kind);
    expect(facts.findings[0]!.why).toMatch(/format|key body/);
    expect(JSON.stringify(facts)).not.toContain(secret.slice(4));
  });

  it.each([
    ['langfuse-secret-key', `LANGFUSE_SECRET_KEY=${langfuseKey}\n`, 'has the format of a langfuse secret key'],
    ['anthropic-api-key', `ANTHROPIC_API_KEY=${anthropicKey}\n`, 'has the format of an anthropic api key'],
  ])("another provider's sk- key is named as its own (%s), never as OpenAI's", (kind, text, why) => {
    const { facts } = judged({ '.env.production': text });
    expect(facts.findings.map((f) => f.kind)).toEqual([kind]);
    expect(facts.findings[0]!.why).toContain(why);
  });

  it.each([
    ['a token in a CI file, unquoted YAML', '.taskcluster.yml', `env:\n  CODECOV_TOKEN: ${uuidToken}\n`, /random-looking value \(36 characters/],
    ['a password in code', 'src/churn/db.py', 'conn = psycopg2.connect(host="db.internal", password="Tr0ub4dor-3-horse")\n', /literal password mixing/],
    ['a password in a URL in a settings module', 'src/settings.py', 'DB = "postgresql://churn:Xq7!vR2m@db.internal:5432/churn"\n', /password of a URL/],
    ['a generated key in a production .env file', '.env.production', 'DJANGO_SECRET_KEY=8x$k2!m@p#q9v7w&z3r^t5y1u4i6o0\n', /random-looking/],
    // Only a whole SOPS value is ciphertext: a key that merely mentions the format is not.
    ['a key pasted after an ENC prefix', 'config/prod.yaml', 'api_key: "ENC_8x$k2!m@p#q9v7w&z3r^t5y1u4i6o0"\n', /random-looking/],
    // A Kubernetes Secret's data is base64: what it decodes to is judged, a generated key is one.
    ['a generated key in base64 in a Secret', 'deploy/k8s/secrets.yaml', `kind: Secret\ndata:\n  OPENAI_API_KEY: ${Buffer.from('Kq8Zr3Lm9Tx2Vw5Yp1Bn4CzQ7mX2').toString('base64')}\n`, /random-looking value \(28 characters.*, in base64/],
    // A Python string prefix does not make the literal an expression.
    ['a password in code written as a unicode literal', 'src/churn/db.py', 'conn = connect(host="db.internal", password=u"Tr0ub4dor-3-horse")\n', /literal password mixing/],
    // Only a hash's own layout is set aside: a token that merely starts with an algorithm's name is a token.
    ['a token that starts like a hash', 'config/prod.yaml', 'api_token: "sha256:Kq8Zr3Lm9Tx2Vw5Yp1Bn4CzQ7mX2"\n', /random-looking/],
    // Only beside a Tag Manager container is an auth value the page's public parameter; and only OpenSSL's own prefix is ciphertext.
    ['an auth token in a client config without a Tag Manager container', 'app/assets/javascripts/api-config.js', "export const api = {\n  url: 'https://api.internal',\n  auth: 'C7iYdcsOlYgGmiUJjZKrHQ'\n};\n", /random-looking/],
    ['a token that only contains the OpenSSL prefix later on', 'config/prod.yaml', 'api_token: "Kq8Zr3Lm9Tx2U2FsdGVkX1Vw5Yp1Bn4CzQ7mX2"\n', /random-looking/],
  ])('a literal that looks real counts: %s', (_name, path, text, why) => {
    const { real, facts } = judged({ [path]: text });
    expect(real).toHaveLength(1);
    expect(facts.findings[0]!.why).toMatch(why);
  });

  it.each([
    ['a CI secret reference', '.github/workflows/ci.yml', 'password: ${{ secrets.GITHUB_TOKEN }}\n'],
    ['an environment variable', 'docker-compose.yml', 'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'],
    ['an Azure Pipelines variable', 'azure-pipelines.yml', 'password: $(ACR_PASSWORD)\n'],
    ['a Helm value', 'chart/templates/secret.yaml', 'password: {{ .Values.db.password }}\n'],
    ['a read from the environment', 'src/settings.py', 'API_KEY = os.environ["API_KEY"]\n'],
    ['an expression in code', 'src/settings.py', 'password = settings.db_password\n'],
    ['a placeholder', '.env.production', 'SECRET_KEY=CHANGE_THIS_IN_PRODUCTION\nOPENAI_API_KEY=<your-key>\nTOKEN=xxxxxxxxxxxx\nAPI_KEY=sk-ant-...\n'],
    ['a name, not a value', 'src/app.py', 'API_TOKEN_HEADER = "X-Api-Key"\nTOKEN_COUNT = "token_count"\nmax_tokens = 512\nid-token: write\n'],
    ['a scope, not an assignment', '.taskcluster.yml', 'scopes:\n  - auth:aws-s3:read-write:project-data/*\n'],
    // An escaped line break ends a value: the receipt's authorisation code is six digits, not `294817\nCashier:`.
    ['a receipt in a JSON string', 'evals/golden_set.jsonl', '{"input_text": "TOTAL $46.44\\nVisa 4111  Auth: 294817\\nCashier: Jordan T.\\nThank you!"}\n'],
    ['hashes of secrets (a detect-secrets baseline, a stored password hash)', '.secrets.baseline', `"hashed_secret": "67debbd0c2fca92f16a856573844056ba12c3fa1",\npassword_hash: "${uuidToken}"\ntoken_sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n`],
    // Helm renders a digest of the Secret into the pod's annotations, so that a changed Secret restarts the pods.
    ['a checksum annotation of a rendered chart', 'k8s/rendered/openebs.yaml', '  template:\n    metadata:\n      annotations:\n        checksum/token-secret: 24dcfa3c12c1f925fd9fd3fe84d7e3c7cbe860d308e7c139b05ba2e49a1ab3e8\n'],
    ['a Helm chart naming a Kubernetes secret created elsewhere', 'apps/monitoring/helmrelease.yaml', 'grafana:\n  admin:\n    existingSecret: grafana-admin\nauth:\n  existingSecret: mlflow-db-credentials\n'],
    ['an analytics write key shipped in a web page', 'web/static/analytics.js', 'analytics.load({ writeKey: "Kq8Zr3Lm9Tx2Vw5Yp1Bn4CzQ7mX2" });\n'],
  ])('no credential: %s', (_name, path, text) => {
    const { real, setAside } = judged({ [path]: text });
    expect(real).toEqual([]);
    // Placeholders and references are not even worth listing.
    expect(setAside).toEqual([]);
  });

  it.each([
    ['a local default in .env', '.env', 'POSTGRES_PASSWORD=postgres\nELASTIC_PASSWORD=elastic\n', /default or throw-away/],
    ['service defaults in a Kubernetes secret', 'k8s/base/minio-secret.yaml', 'stringData:\n  MINIO_ROOT_PASSWORD: minio123\n', /default or throw-away/],
    ['the throw-away password of a CI database', '.github/workflows/ci.yml', 'services:\n  postgres:\n    env:\n      POSTGRES_PASSWORD: fraud_pass_dev_2024\n', /service container the CI job starts for itself/],
    ["LocalStack's test credentials", 'scripts/s3.sh', 'export AWS_ACCESS_KEY_ID=test\nexport AWS_SECRET_ACCESS_KEY=test1234\n', /default or throw-away/],
    ['a URL whose password is the user name', 'src/db.py', 'URL = "postgresql://aegis:aegis@db:5432/aegis"\n', /default or throw-away/],
    ['a percent-encoded phrase as a URL password', 'src/urls.py', 'url = URL("https://jo%40mail.com:a%20secret@example.org:1234/a%20b")\n', /default or throw-away/],
    ['documented Basic credentials', 'settings.yaml', 'auth:\n  secret: "Basic c2VjcmV0OmtleQ=="\n', /HTTP Basic credentials whose password/],
    ['an example in a README', 'README.md', `\`\`\`json\n{ "password": "${uuidToken}" }\n\`\`\`\n`, /example in documentation/],
    ['a compose file for local development', 'docker-compose.yml', 'environment:\n  - MLFLOW_DB=postgresql://mlflow:Kq8Zr3Lm9@db/mlflow\n', /local-development/],
    ['a template env file', '.env.example', 'OPENAI_API_KEY=Kq8Zr3Lm9Tx2Vw5\n', /local-development or template/],
    ['a sample payload in an API schema', 'src/api/schemas.py', 'json_schema_extra = {\n    "example": {\n        "username": "john",\n        "password": "SecurePass123!",\n    }\n}\n', /example block/],
    ["the AWS documentation's example key", 'src/upload.py', `key = "${['AKIAIOSFODNN7', 'EXAMPLE'].join('')}"\n`, /published example/],
    ['a private key header without a key', 'docs/setup.md', `${privateKeyHeader}\n...\n`, /without a key body/],
    ['placeholders in base64 in a Kubernetes Secret', 'deploy/k8s/secrets.yaml', 'kind: Secret\ndata:\n  # echo -n "your-anthropic-api-key" | base64\n  ANTHROPIC_API_KEY: eW91ci1hbnRocm9waWMtYXBpLWtleQ==\n  API_KEY_SECRET: eW91ci0zMi1jaGFyLW1pbmltdW0tc2VjcmV0LWhlcmU=\n', /^deploy\/k8s\/secrets\.yaml:\d base64 of a placeholder$/],
    ['a test key spelled with the words of its name', 'tests/conftest.py', 'TEST_API_KEY = "test-api-key-12345"\nADMIN_TOKEN = "admin-token-2024-dev"\n', /default or throw-away/],
    ['a made-up key behind a vendor prefix, in a CI job', '.github/workflows/ci.yml', 'jobs:\n  test:\n    env:\n      TEST_API_KEY: "sk_admin_test_token_12345"\n', /default or throw-away/],
    [
      'a Kubernetes secret encrypted with SOPS',
      'apps/monitoring/secrets/grafana-admin.yaml',
      'kind: Secret\nstringData:\n    admin-password: ENC[AES256_GCM,data:LmXI3NLd7mhoTmepdgKSifzoF3rcl/9A,iv:75W65ZPGn5ZJ2nWrhP07RmWkIp6HJ5roHlPbY/Zunc8=,tag:h0Oh7Q76gJ25bKwr2tI0lA==,type:str]\n',
      /encrypted value \(SOPS/,
    ],
    [
      "a Google Tag Manager environment's auth beside its container id, in the page's analytics config",
      'app/assets/javascripts/analytics-domain-config.js',
      "window.domains = [\n  {\n    name: 'integration',\n    id: 'GTM-MG7HG5W',\n    auth: 'C7iYdcsOlYgGmiUJjZKrHQ',\n    preview: 'env-4'\n  }\n]\n",
      /Google Tag Manager environment's auth parameter/,
    ],
    [
      "a Buildkite secret encrypted for the agents' key (cryptic): an RSA-wrapped key, then OpenSSL's salted ciphertext",
      '.buildkite/pipeline.yml',
      `env:\n  SECRET_CODECOV_TOKEN: "${'fAV/xwuaV0l5oaIYSAXRQIor8h7yHdlrpLUZFwNVnchn7rDk9UZoz0oORG9vlKLc1GK2HhaPRAy+fTkJ3GM/8Y0phHh3ANK8f5UsGm2DUTNsnf6u'};${'U2FsdGVkX1+mRXF2c9soCXT7DYymY3msM+vrpaifiTp8xA+gMpbQ0G63WY3tJ+6V/fJcVnxYoKZVXbjcg8fl4Q=='}"\n`,
      /encrypted value \(SOPS or OpenSSL\)/,
    ],
    [
      "a Jupyter server's password hash written into its config by a Dockerfile",
      'docker/Dockerfile',
      "RUN echo 'c.NotebookApp.password = u\"sha1:c6bbcba2d04b:f969e403db876dcfbe26f47affe41909bd53392e\"' >> jupyter_notebook_config.py\n",
      /password hash/,
    ],
    ['password hashes of Werkzeug and Django in settings', 'config/users.yaml', 'admin:\n  password: "pbkdf2:sha256:260000$Xq7vR2mK$9b1c0d3e5f7a2b4c6d8e0f1a3b5c7d9e"\nops:\n  password: "pbkdf2_sha256$600000$Kq8Zr3Lm9Tx2$Vw5Yp1Bn4CzQ7mX2Kq8Zr3Lm9Tx2Vw5Yp1Bn4="\n', /password hash/],
  ])('set aside, with the reason shown: %s', (_name, path, text, why) => {
    const { real, setAside } = judged({ [path]: text });
    expect(real).toEqual([]);
    expect(setAside.length).toBeGreaterThan(0);
    for (const entry of setAside) expect(entry).toMatch(why);
  });

  // A CI job's own database lives as long as the job; the same password outside its services, or to another host, still counts.
  it("sets aside a CI job's service-container and runner-database passwords, and nothing else of the workflow", () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  test:',
      '    services:',
      '      postgres:',
      '        image: postgres:16',
      '        env:',
      '          POSTGRES_USER: app',
      '          POSTGRES_PASSWORD: Xk9vR2mQ7pLz',
      '    env:',
      '      DATABASE_URL: postgresql://app:Xk9vR2mQ7pLz@localhost:5432/test',
      '      WAREHOUSE_URL: postgresql://app:Xk9vR2mQ7pLz@warehouse.acme.io:5432/prod',
      '      API_PASSWORD: Xk9vR2mQ7pLz',
      '    steps:',
      '      - run: pytest',
    ].join('\n');
    const { real, setAside } = judged({ '.github/workflows/ci.yml': `${workflow}\n`, 'deploy/values.yaml': 'services:\n  db:\n    env:\n      POSTGRES_PASSWORD: Xk9vR2mQ7pLz\n' });
    expect(real).toEqual(['.github/workflows/ci.yml:12 url-password', '.github/workflows/ci.yml:13 assigned-credential', 'deploy/values.yaml:4 assigned-credential']);
    expect(setAside).toEqual([
      '.github/workflows/ci.yml:9 a credential of a service container the CI job starts for itself, which lives only as long as the job',
      ".github/workflows/ci.yml:11 the password of a database on the CI runner, started for the job's tests",
    ]);
  });

  it("sets aside a GitLab job's database password for the service it starts, and not its deploy token", () => {
    const pipeline = 'test:\n  services:\n    - postgres:16\n  variables:\n    POSTGRES_PASSWORD: Xk9vR2mQ7pLz\n    DEPLOY_TOKEN: Xk9vR2mQ7pLz\n  script:\n    - pytest\n';
    // Any provider's pipeline file counts as CI, as the CI collector names them: CodeBuild's buildspec too.
    const buildspec = 'version: 0.2\nenv:\n  variables:\n    MYSQL_ROOT_PASSWORD: Xk9vR2mQ7pLz\nphases:\n  build:\n    commands:\n      - pytest\n';
    const { real, setAside } = judged({ '.gitlab-ci.yml': pipeline, 'ci/buildspec.yml': buildspec, 'deploy/values.yaml': 'database:\n  POSTGRES_PASSWORD: Xk9vR2mQ7pLz\n' });
    expect(real).toEqual(['.gitlab-ci.yml:6 assigned-credential', 'deploy/values.yaml:2 assigned-credential']);
    expect(setAside).toEqual([
      '.gitlab-ci.yml:5 a credential of a service container the CI job starts for itself, which lives only as long as the job',
      'ci/buildspec.yml:4 a credential of a service container the CI job starts for itself, which lives only as long as the job',
    ]);
  });

  it('records credentials taken from a secret store by reference', () => {
    const { facts } = judged({
      '.github/workflows/release.yml': 'steps:\n  - uses: docker/login-action@v3\n    with:\n      password: ${{ secrets.REGISTRY_TOKEN }}\n',
      Jenkinsfile: "withCredentials([string(credentialsId: 'pypi-token', variable: 'TOKEN')]) {\n  sh 'twine upload dist/*'\n}\n",
      // A design document shows how a secret could be passed; the project's files are what pass it.
      'architecture_design.md': "```bash\naz ml job create --set environment_variables.ADLS_KEY='${{secrets.ADLS_KEY}}'\n```\n",
    });
    expect(facts.stored).toEqual([
      { path: '.github/workflows/release.yml', line: 4, name: 'REGISTRY_TOKEN', store: 'GitHub Actions secrets' },
      { path: 'Jenkinsfile', line: 1, name: 'pypi-token', store: 'Jenkins credentials' },
    ]);
    expect(facts.findings).toEqual([]);
  });

  it('records where, of what kind, in which context, and never the value', () => {
    const { facts } = collect(secretsCollector, {
      'config/prod.yaml': 'db:\n  password: "Pr0dPassw0rd!"\n',
      'tests/fixtures/creds.json': `{"aws_access_key_id": "${awsKey}"}`,
      'model.pkl': awsKey,
      'poetry.lock': 'password = "Pr0dPassw0rd!"',
    });
    expect(facts.findings.map(({ why, ...rest }) => rest)).toEqual([
      { path: 'config/prod.yaml', line: 2, kind: 'assigned-credential', evidence: 'assignment', redacted: 'Pr0********', context: 'project' },
      { path: 'tests/fixtures/creds.json', line: 1, kind: 'aws-access-key-id', evidence: 'format', redacted: 'AKIA********', context: 'fixture' },
    ]);
    expect(JSON.stringify(facts)).not.toContain('Pr0dPassw0rd');
    expect(facts.filesScanned).toBe(2);
  });
});

describe('secrets: files ruled out in one pass', () => {
  it('still finds what only a case-insensitive format, a URL or a store reference shows', () => {
    const secretKey = ['Wj4pT8vQ2mXr6', 'Ls9Nb3Yc7Hd1Kf5Gz0Ae2Uo8Ri4'].join('');
    const { real, facts } = judged({
      'deploy/env.sh': `export AWS_SECRET_ACCESS_KEY=${secretKey}\n`,
      'src/db.py': 'DB = "postgresql://churn:Xq7!vR2m@db.internal:5432/churn"\n',
      '.github/workflows/release.yml': 'env:\n  TOKEN: ${{ secrets.PYPI_TOKEN }}\n',
      'src/plain.py': 'print("nothing here")\n',
    });
    expect(real).toEqual(['deploy/env.sh:1 aws-secret-access-key', 'src/db.py:1 url-password']);
    expect(facts.stored.map((entry) => entry.name)).toEqual(['PYPI_TOKEN']);
  });
});

describe('secrets: lines as written', () => {
  it('reads a line and the lines above it alike with CRLF line breaks and on a last line ending in a lone \\r', () => {
    const { real, setAside } = judged({
      'config/prod.yaml': 'db:\r\n  password: "Pr0dPassw0rd!"\r\n',
      'docs/setup.yaml': '# Example settings\r\nuser: admin\r\npassword: "Pr0dPassw0rd!"\r',
      'deploy/app.env': 'A=1\r\nB=2\r\nC=3\r\nD=4\r\nE=5\r\nF=6\r\nAPI_TOKEN=Xq7vR2mKp9Lw3Tz8\r',
    });
    expect(real).toEqual(['config/prod.yaml:2 assigned-credential', 'deploy/app.env:7 assigned-credential']);
    expect(setAside).toEqual(['docs/setup.yaml:3 a sample value in an example block']);
  });
});

describe('secrets: a password made of the words of its name', () => {
  it('is still a credential when it mixes cases, digits and symbols, as a person picks one to use', () => {
    const { real } = judged({ 'config/prod.yaml': 'admin:\n  ADMIN_PASSWORD: "AdminPassword2024!"\n' });
    expect(real).toEqual(['config/prod.yaml:2 assigned-credential']);
  });
});

describe('secrets: redaction', () => {
  it.each([
    ['a quoted assignment', 'password = "Tr0ub4dor-3-horse"', 'Tr0ub4dor-3-horse'],
    ['an unquoted YAML value', 'db:\n  password: Tr0ub4dor-3-horse\n', 'Tr0ub4dor-3-horse'],
    ['a placeholder too (hiding it costs nothing)', 'DB_PASSWORD=postgres', 'postgres'],
    ['a URL password', 'postgresql://churn:Xq7vR2mK@db.internal/churn', 'Xq7vR2mK'],
    ['a token in a command', `curl -H "Authorization: token ${githubToken}"`, githubToken],
  ])('hides %s', (_name, text, secret) => {
    expect(redactSecrets(text)).not.toContain(secret);
  });

  it('leaves references to a secret store readable', () => {
    expect(redactSecrets('password: ${{ secrets.REGISTRY_TOKEN }}')).toBe('password: ${{ secrets.REGISTRY_TOKEN }}');
  });

  it('leaves an expression readable in source code, and still hides literals and provider formats there', () => {
    expect(redactSecrets('openai.api_key = os.environ["OPENAI_API_KEY"]', true)).toBe('openai.api_key = os.environ["OPENAI_API_KEY"]');
    expect(redactSecrets('get_bearer_token = HTTPBearer(auto_error=False)', true)).toBe('get_bearer_token = HTTPBearer(auto_error=False)');
    // The same unquoted word in configuration is a literal.
    expect(redactSecrets('get_bearer_token = HTTPBearer(auto_error=False)')).not.toContain('HTTPBearer(auto_error');
    expect(redactSecrets('password = "Tr0ub4dor-3-horse"', true)).not.toContain('Tr0ub4dor-3-horse');
    expect(redactSecrets(`token = ${githubToken}`, true)).not.toContain(githubToken);
  });

  it('redacts provider formats in file names, keeping two names distinct', () => {
    const other = githubToken.replace('k7Qm', 'z9Pw');
    const one = redactFormats(`keys/${githubToken}.txt`);
    expect(one).toMatch(/^keys\/ghp_\*{8}-[0-9a-f]{6}\.txt$/);
    expect(redactFormats(`keys/${other}.txt`)).not.toBe(one);
    expect(redactFormats('src/password_reset.py')).toBe('src/password_reset.py');
  });
});

describe('secrets: the lines worth a look', () => {
  it('names every line where a look at each line alone finds a candidate, and only lines that hold a match', () => {
    const awsLine = `aws_access_key_id = ${awsKey}`;
    const texts = [
      `password = "hunter2x"\nnothing here\n  api_key: 'abc123def'\n`,
      `a\r\npassword: hunter2x\r\nkey:\r\ntoken=\n${awsLine}\r\n`,
      `${awsKey}\n${awsKey}x\nx${awsKey}\n${githubToken} ${openaiKey}\n`,
      `db: postgresql://user:s3cret@host/db\nother://a:b@c\n\n${privateKeyHeader}\n`,
      `x = 1\nsecret_token ==\nsecret_token ="v"\nAuth:\tvalue\nauth:value\n"pass": "p"\n`,
      `no candidates at all\njust: text\n`,
      `${'PASSWORD = "x"\n'.repeat(3)}end`,
      `trailing password=`,
      `${slackToken}\n\n${uuidToken}\nclient_secret: ${uuidToken}\n`,
      // Keys that name nothing before one that names a secret, on one line and over several.
      `{"key": 1, "api_key": "abc123def"}\n"key": {\n  "key": "pass",\n  "secret": "s3cr3tval"\n}\n`,
      `${'"key": "value",\n'.repeat(50)}token: "abc123def"\n`,
    ];
    for (const text of texts) {
      const scan = candidatesIn(text);
      if (!scan) continue;
      const lines = text.split(/\r?\n/);
      const alone = lines.flatMap((line, i) => (findCandidates(line, scan).length > 0 ? [i] : []));
      const matching = lines.flatMap((line, i) => {
        const own = candidatesIn(line);
        return own && (own.assignments || own.urls || own.formats.some((format) => scan.formats.includes(format))) ? [i] : [];
      });
      const found = candidateLines(text, scan);
      expect(found, text).toEqual(expect.arrayContaining(alone));
      expect(found, text).toEqual(matching);
    }
  });
});

describe('secrets: assignments to keys that name nothing', () => {
  it('leave a text without candidates, however many there are', () => {
    expect(candidatesIn(`${'"key": "value",\n'.repeat(1000)}pass: x\nsecret_hash: abc\n`)).toBeNull();
    expect(candidatesIn('"key": 1, "api_key": "abc123def"')).toEqual({ formats: [], assignments: true, urls: false });
  });
});

describe('secrets: URL passwords looked for before each ://', () => {
  it('finds one exactly where a search of the whole text does', () => {
    const whole = /\b[a-z][a-z0-9+.-]{1,20}:\/\/([^:\s/@"'<>]{1,100}):([^@\s/"'<>]{1,200})@/i;
    const scheme21 = `a${'b'.repeat(20)}`;
    const texts = [
      'db: postgresql://user:s3cret@host/db',
      'see https://github.com/org/repo and http://example.com',
      `${scheme21}://u:p@h`,
      `${scheme21}x://u:p@h`,
      `x${scheme21}://u:p@h`,
      '-a://u:p@h',
      'a://u:p@h',
      'ab://u:p@h',
      '_ab://u:p@h',
      'git+ssh://git:key@host',
      'HTTPS://USER:PASS@HOST',
      '://u:p@h',
      'x://u:p@h',
      'naïve://u:p@h',
      'http:///u:p@h',
      'http://u:p@h://u:p@h',
      `${'http://a '.repeat(200)}redis://:pw@cache`,
      `https://user:${'p'.repeat(201)}@host`,
      `https://${'u'.repeat(100)}:p@host https://${'u'.repeat(101)}:p@host`,
      'http://a\nb:c@d',
      '',
    ];
    for (const text of texts) expect(holdsUrlPassword(text), text).toBe(whole.test(text));
  });
});
