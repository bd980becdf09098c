import { baseName } from '../../util/repo-path.js';
import { keyWords, type SecretCandidate } from '../secret-patterns.js';
import { PROVIDERS } from './ci/index.js';

/*
 * Whether a candidate credential is real, and why: the evidence a report shows next to it. A
 * false "leaked key" costs an audit its credibility, so every class of look-alike is named here:
 * references to where a secret is kept, placeholders, documented examples and defaults, values a
 * person chose for a local service, and values in documentation or local-development files.
 */
export interface Verdict {
  real: boolean;
  why: string;
  /** Not worth listing as set aside: references, placeholders, expressions. */
  quiet?: boolean;
}

/** How a file weighs as evidence for a value that only its key says is secret. */
export type FileWeight = 'documentation' | 'local' | 'code' | 'configuration';

/** `${{ secrets.X }}`, `${VAR}`, `$VAR`, `$(var)`, `{{ .Values.x }}`, `%(x)s`, `((var))`, `#{x}`, `<%= x %>`, YAML tags (`!vault`). */
const REFERENCE = /^(?:\$|\{\{|%\(|\(\(|#\{|<%|!)|\$\{|\{\{|\$\(/;
/** Code that reads a secret instead of holding one. */
const READS_SECRET = /\b(?:os\.environ|getenv|process\.env|System\.getenv|ENV\[|env\(|secrets?\.|vault:|arn:aws:secretsmanager|projects\/[^/]+\/secrets\/)/i;

/**
 * Ciphertext kept in the repository on purpose, readable only with a key kept outside it: SOPS
 * values (`ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]`), as GitOps repositories keep their secrets,
 * and OpenSSL's salted encryption (`Salted__` in base64, `U2FsdGVkX1…`), alone or after the key
 * that wraps it: Buildkite's cryptic plugin stores `SECRET_CODECOV_TOKEN: "<RSA-wrapped key>;U2FsdGVkX1…"`
 * for agents holding the private key (JuliaGPU and FluxML pipelines), CryptoJS writes the same form.
 */
const ENCRYPTED = /^ENC\[AES256_GCM,data:|(?:^|;)U2FsdGVkX1[A-Za-z0-9+/]{20}/;

/**
 * A password's hash, what a server checks a login against, kept in its configuration: Jupyter's
 * `sha1:<salt>:<digest>` and `argon2:$argon2id$…`, Werkzeug's `pbkdf2:sha256:…$` and `scrypt:…$`,
 * Django's `pbkdf2_sha256$…`. Crypt hashes (`$2b$12$…`, `$6$…`) start with `$` and read as
 * references already.
 */
const PASSWORD_HASH = /^(?:(?:sha1|sha256|sha512|md5):[0-9a-f]{4,64}:[0-9a-f]{32,128}$|argon2:\$argon2(?:id|i|d)\$|pbkdf2:sha\d{1,3}(?::\d{1,7})?\$|scrypt:\d{1,7}:\d{1,3}:\d{1,3}\$|(?:pbkdf2_sha\d{1,3}|bcrypt_sha256|argon2|scrypt)\$)/;

/** Fillers that say "put your own value here", found inside any value. */
const PLACEHOLDER = /^<|example|change[_ -]?(?:me|this|it)|changeme|replace|placeholder|dummy|redacted|your[_ -]|[_ -]here\b|insecure|xxx|\*\*\*|\.\.\.|<[^>]*>|\[[^\]]*\]|todo|fixme|fake/i;
/** Whole values that are no credential at all. */
const NOT_A_VALUE = /^(?:true|false|yes|no|on|off|none|null|nil|undefined|empty|required|optional|string|str|int|bool|secret|password|token|\d{1,6})$/i;

/**
 * A package's version or version range (`^1.0.0-EN-1538.1`, `~2.3`, `>=1.2.0`): what a manifest gives a
 * package named for what it does (`@acme/utilities-auth`, `next-auth`), never a credential.
 */
const VERSION_SPECIFIER = /^(?:[~^]|[<>]=?|==?)?v?\d{1,9}(?:\.(?:\d{1,9}|[x*])){1,3}(?:-[0-9A-Za-z.-]{1,60})?(?:\+[0-9A-Za-z.-]{1,60})?$/;

/**
 * An environment variable mapped to the secret a platform keeps under a name: `OPENAI_API_KEY=openai_api_key`
 * (Beaker's and Gantry's `env-secret`), the stored secret named after the variable it fills.
 */
const VARIABLE_TO_SECRET = /^([A-Z][A-Z0-9_]{1,100})=([A-Za-z][A-Za-z0-9_.-]{1,200})$/;

function namesStoredSecret(value: string): boolean {
  const mapping = VARIABLE_TO_SECRET.exec(value);
  if (!mapping) return false;
  const variable = keyWords(mapping[1]!);
  const stored = keyWords(mapping[2]!);
  return stored.length >= variable.length && variable.every((word, i) => stored[stored.length - variable.length + i] === word);
}

/** Words a person uses for a throw-away or default credential, and names of services whose default accounts they are. */
const DEFAULT_WORDS: ReadonlySet<string> = new Set([
  'pass', 'passwd', 'password', 'pwd', 'secret', 'token', 'key', 'auth', 'credential', 'user', 'username', 'admin', 'administrator',
  'root', 'guest', 'dev', 'test', 'testing', 'local', 'localhost', 'demo', 'default', 'sample', 'foo', 'bar', 'baz', 'qux', 'abc',
  'xyz', 'qwerty', 'letmein', 'welcome', 'hello', 'login', 'master', 'changeit', 'postgres', 'postgresql', 'mysql', 'mariadb',
  'mongo', 'mongodb', 'redis', 'airflow', 'mlflow', 'minio', 'minioadmin', 'elastic', 'kibana', 'grafana', 'jupyter', 'rabbitmq',
  'neo4j', 'superset', 'keycloak', 'docker', 'vagrant', 'ubuntu', 'oracle', 'sa', 'db', 'database',
]);

/**
 * Credentials published as documentation or as the fixed defaults of local tools, copied into
 * many projects: AWS's documentation key pair, Azurite's storage account key, the Fernet key of
 * the widely copied docker-airflow set-up.
 */
const PUBLISHED_DEFAULTS: ReadonlySet<string> = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  'ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg=',
]);

/** Prose: `.txt` only as a README, since requirements and settings files are `.txt` too. */
const DOCUMENTATION = /\.(md|mdx|markdown|rst|adoc|asciidoc|org|tex|html?)$|^readme[\w.-]*\.txt$/i;
const COMPOSE = /^(docker-)?compose[\w.-]*\.ya?ml$/i;
/** Words in a file name that make it a template or a local, development or test configuration. */
const LOCAL_FILE_WORDS: ReadonlySet<string> = new Set([
  'example', 'examples', 'sample', 'template', 'tmpl', 'tpl', 'dist', 'default', 'defaults', 'test', 'tests', 'testing', 'local',
  'dev', 'develop', 'development', 'demo', 'dummy', 'fake', 'mock',
]);
/** Files where a value is an expression unless it is quoted. */
const CODE = /\.(py|pyi|ipynb|[cm]?[jt]sx?|java|kt|kts|scala|go|rs|rb|php|cs|fs|swift|c|cc|cpp|h|hpp|r|jl|lua|pl|tf|hcl|bicep|groovy|gradle)$|(^|\/)(Jenkinsfile|Vagrantfile)$/i;

export function fileWeight(path: string): FileWeight {
  const name = baseName(path);
  if (DOCUMENTATION.test(name)) return 'documentation';
  if (COMPOSE.test(name) || keyWords(name.replace(/^\./, '')).some((word) => LOCAL_FILE_WORDS.has(word))) return 'local';
  return CODE.test(path) ? 'code' : 'configuration';
}

// What a value looks like

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
}

/** `xxxxxx`, `000000`, `abcdef`, `123456`: filler a person typed. */
function isFiller(value: string): boolean {
  let same = 1;
  let rising = 1;
  for (let i = 1; i < value.length; i++) {
    same = value[i] === value[i - 1] ? same + 1 : 1;
    rising = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? rising + 1 : 1;
    if (same >= 6 || rising >= 6) return true;
  }
  return false;
}

/** Letter runs, split at case changes: `fraudPass_dev2024` gives `fraud`, `pass`, `dev`. */
function letterRuns(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean)
    .map((run) => run.toLowerCase());
}

/** A run a person could read aloud: vowels in it, no long cluster of consonants. */
function isPronounceable(run: string): boolean {
  const vowels = run.replace(/[^aeiouy]/g, '').length;
  return run.length >= 3 && vowels / run.length >= 0.15 && !/[^aeiouy]{5}/.test(run);
}

/** Made of words and a few digits (`fraud_pass_dev_2024`, `mlflow123`), as people write passwords. */
function isWordComposed(value: string): boolean {
  const runs = letterRuns(value);
  const letters = runs.reduce((sum, run) => sum + run.length, 0);
  const readable = runs.filter(isPronounceable).reduce((sum, run) => sum + run.length, 0);
  return letters > 0 && readable / letters >= 0.6 && !/\d{5}/.test(value);
}

/** A value a machine generated: long, varied and not made of words. */
function isRandomLooking(value: string): boolean {
  if (value.length < 12 || characterClasses(value) < 2 || /^\d+$/.test(value)) return false;
  return entropy(value) >= Math.min(3, Math.log2(value.length) - 0.6) && !isWordComposed(value);
}

/**
 * A password a person built to resist guessing: three kinds of characters, with digits or symbols
 * inside the words (`Tr0ub4dor`, `P@ssw0rd`). Names join words with separators and put digits at
 * the end (`fraud_pass_dev_2024`, `X-Api-Key`, `project/app/deploy`).
 */
function isComplex(value: string): boolean {
  return value.length >= 8 && characterClasses(value) >= 3 && !/\s/.test(value) && /[A-Za-z][0-9@$!#%^&*+=?~][A-Za-z]|[!#$%^&*+=?~@]/.test(value);
}

/** The prefixes vendors give their keys (Stripe's and OpenAI's `sk_`, `pk_`, `rk_`), which made-up keys copy. */
const KEY_PREFIXES: ReadonlySet<string> = new Set(['sk', 'pk', 'rk']);

/**
 * Only the words of its own name and of default credentials, with digits and separators, after a
 * vendor's key prefix if any (`TEST_API_KEY = "test-api-key-12345"`, `"sk_admin_test_token_12345"`):
 * a value a person made up, however varied it looks.
 */
function isMadeOfNames(value: string, names: readonly string[]): boolean {
  const runs = letterRuns(value);
  const own = new Set(names.flatMap(keyWords));
  const words = KEY_PREFIXES.has(runs[0] ?? '') ? runs.slice(1) : runs;
  return words.some((run) => run.length >= 3) && words.every((run) => DEFAULT_WORDS.has(run) || own.has(run));
}

/** The value is one of the words it is given to (`POSTGRES_PASSWORD=postgres`), the user's name, or a default word with digits. */
function isDefault(value: string, names: readonly string[]): boolean {
  const runs = letterRuns(value);
  const own = new Set(names.flatMap(keyWords));
  return runs.length > 0 && runs.some((run) => DEFAULT_WORDS.has(run) || own.has(run) || [...DEFAULT_WORDS].some((word) => word.length >= 5 && run.includes(word)));
}

/**
 * Text a person wrote, such as a translated message under a key named `no_api_key`: credentials
 * are ASCII, and at most a scheme and a token (`Bearer eyJ…`), never a phrase of three words.
 */
function isText(value: string): boolean {
  return /[^\x00-\x7f]/.test(value) || value.trim().split(/\s+/).length >= 3;
}

/** HTTP Basic credentials are `user:password` in base64: judge what they decode to. */
function basicCredentials(value: string): string | null {
  const basic = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/.exec(value);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  return /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(decoded) ? decoded : null;
}

function formatVerdict(candidate: SecretCandidate, following: string): Verdict {
  if (PUBLISHED_DEFAULTS.has(candidate.value)) return { real: false, why: 'a published example or tool default' };
  if (candidate.kind === 'private-key') {
    // A header followed by `...` or nothing is an illustration; a key has a base64 body.
    return /^(?:\\n|\s)*(?:Proc-Type:.*|[A-Za-z0-9+/=]{40,})/.test(following)
      ? { real: true, why: 'a private key header with a key body after it' }
      : { real: false, why: 'a private key header without a key body' };
  }
  if (PLACEHOLDER.test(candidate.value) || isFiller(candidate.value)) return { real: false, why: 'has the format of a credential, filled with placeholder text' };
  const kind = candidate.kind.replace(/-/g, ' ');
  return { real: true, why: `has the format of ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} (${candidate.value.length} characters)` };
}

/** The judgement on a value that only its key (or its place in a URL) says is secret. */
function valueVerdict(value: string, names: readonly string[], weight: FileWeight, subject: string): Verdict {
  if (REFERENCE.test(value) || READS_SECRET.test(value)) return { real: false, why: 'a reference to where the secret is kept', quiet: true };
  if (NOT_A_VALUE.test(value) || value.length < 4) return { real: false, why: 'not a credential value', quiet: true };
  if (VERSION_SPECIFIER.test(value)) return { real: false, why: 'a package version, not a credential', quiet: true };
  if (namesStoredSecret(value)) return { real: false, why: 'a variable mapped to the stored secret named after it, a reference' };
  if (ENCRYPTED.test(value)) return { real: false, why: 'an encrypted value (SOPS or OpenSSL), readable only with a key kept outside the repository' };
  if (PASSWORD_HASH.test(value)) return { real: false, why: 'a password hash, which a login is checked against, not the password' };
  if (PLACEHOLDER.test(value) || isFiller(value)) return { real: false, why: 'a placeholder', quiet: true };
  if (PUBLISHED_DEFAULTS.has(value)) return { real: false, why: 'a published example or tool default' };
  const basic = basicCredentials(value);
  if (basic !== null) {
    const [user, password] = [basic.slice(0, basic.indexOf(':')), basic.slice(basic.indexOf(':') + 1)];
    const inner = valueVerdict(password, [...names, user], weight, 'HTTP Basic credentials');
    return inner.real ? inner : { real: false, why: `HTTP Basic credentials whose password is ${inner.why}` };
  }
  if (weight === 'documentation') return { real: false, why: 'an example in documentation' };
  if (isText(value)) return { real: false, why: 'text (words or letters no credential has), not a credential', quiet: true };
  const length = `${value.length} characters`;
  const throwAway: Verdict = { real: false, why: 'a default or throw-away value (a service, user or placeholder word)' };
  // Checked before randomness: `test-api-key-12345` is varied enough to look generated. Not when it
  // mixes cases, digits and symbols (`AdminPassword2024!`), as a person picks a password to use.
  if (!isComplex(value) && isMadeOfNames(value, names)) return throwAway;
  if (isRandomLooking(value)) {
    // Local and template files hold made-up tokens too; a pasted real one is long.
    if (weight === 'local' && value.length < 24) return { real: false, why: `a short generated value in a local-development or template file` };
    return { real: true, why: `a random-looking value (${length}, ${entropy(value).toFixed(1)} bits per character) given to ${subject}` };
  }
  if (weight === 'local') return { real: false, why: 'a value a person chose, in a local-development or template file' };
  if (isComplex(value)) return { real: true, why: `a literal password mixing letter cases, digits and symbols (${length}) given to ${subject}` };
  if (isDefault(value, names)) return throwAway;
  return { real: false, why: 'a readable word or name, not a generated credential', quiet: true };
}

/**
 * A Kubernetes Secret's `data:` holds each value in base64 (`eW91ci1hbnRocm9waWMtYXBpLWtleQ==` is
 * `your-anthropic-api-key`): what it decodes to is the value. Null when it is no base64 of text.
 */
function secretDataDecoded(value: string): string | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : null;
}

/** A URL writes its user and password percent-encoded (`a%20secret`): judge what they say. */
function percentDecoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** `"example": {…}`, `examples=[…]`, `# Example:`: sample payloads in API schemas and docstrings. */
const EXAMPLE_BLOCK = /\bexamples?\b/i;

/** The text around a candidate: a few lines before it, and the rest of its line and the next. */
export interface Surroundings {
  preceding: string;
  following: string;
  /** The YAML keys enclosing the candidate's line, nearest first. */
  enclosingKeys: () => readonly string[];
}

/**
 * CI pipeline definitions, where a job may start its own database for its tests: the files the CI
 * providers recognise by name (one recognised by content alone may be any YAML or code file).
 */
const CI_DEFINITIONS = PROVIDERS.flatMap((provider) => provider.files.filter((files) => !files.byContent).map((files) => files.path));
/** The variables a database image sets its first password from (`POSTGRES_PASSWORD`, `MYSQL_ROOT_PASSWORD`): in CI, a container the job starts. */
const DATABASE_IMAGE_PASSWORD = /^(POSTGRES|MYSQL(_ROOT)?|MARIADB(_ROOT)?|MONGO_INITDB_ROOT|MSSQL_SA|REDIS|MINIO_ROOT|RABBITMQ_DEFAULT|CLICKHOUSE|ELASTIC)_PASS(WORD)?$/;
/** A URL's host on the runner itself: `@localhost:5432`, `@127.0.0.1`. */
const RUNNER_HOST = /^@(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?=[:/\s"'?]|$)/;

/**
 * A credential a CI job gives the service containers it starts (`services: postgres: env:
 * POSTGRES_PASSWORD`, or GitLab's job `variables:` beside `services: [postgres]`), or uses to reach
 * a database on the runner: it opens a database that exists only for the job, holding its test data.
 */
function ciThrowAway(candidate: SecretCandidate, path: string, around: Surroundings): Verdict | null {
  if (!CI_DEFINITIONS.some((definition) => definition.test(path))) return null;
  if (candidate.evidence === 'url' && RUNNER_HOST.test(around.following)) return { real: false, why: "the password of a database on the CI runner, started for the job's tests" };
  if (candidate.evidence !== 'url' && (DATABASE_IMAGE_PASSWORD.test(candidate.key ?? '') || around.enclosingKeys().includes('services'))) {
    return { real: false, why: 'a credential of a service container the CI job starts for itself, which lives only as long as the job' };
  }
  return null;
}

/** A Google Tag Manager container id (`GTM-MG7HG5W`), which its environment's `auth` follows. */
const GTM_CONTAINER = /\bGTM-[A-Z0-9]{4,10}\b/;
const GTM_AUTH_KEY = /^(?:gtm_)?auth$/i;

/**
 * Judges one candidate. A provider's format is evidence wherever it is, once a private key header
 * has a key body after it; a value that only its key names as secret is judged by what it looks
 * like and where it is.
 */
export function verdictOf(candidate: SecretCandidate, path: string, around: Surroundings): Verdict {
  if (candidate.evidence === 'format') return formatVerdict(candidate, around.following);
  if (EXAMPLE_BLOCK.test(around.preceding)) return { real: false, why: 'a sample value in an example block' };
  const ciVerdict = ciThrowAway(candidate, path, around);
  if (ciVerdict) return ciVerdict;
  // The snippet that loads a Tag Manager environment puts its `gtm_auth` in the script URL of every page.
  if (GTM_AUTH_KEY.test(candidate.key ?? '') && GTM_CONTAINER.test(around.preceding)) {
    return { real: false, why: "a Google Tag Manager environment's auth parameter, sent to every browser that loads the page" };
  }
  const weight = fileWeight(path);
  if (candidate.evidence === 'url') return valueVerdict(percentDecoded(candidate.value), [percentDecoded(candidate.user ?? '')], weight, 'the password of a URL');
  // In code, an unquoted value is an expression (`password = settings.db_password`), not a literal.
  if (weight === 'code' && !candidate.quoted) return { real: false, why: 'an expression, not a literal', quiet: true };
  const decoded = around.enclosingKeys()[0] === 'data' ? secretDataDecoded(candidate.value) : null;
  if (decoded !== null) {
    const inner = valueVerdict(decoded, [candidate.key ?? ''], weight, `${candidate.key ?? 'a secret'}, in base64`);
    return inner.real ? inner : { real: false, why: `base64 of ${inner.why}` };
  }
  return valueVerdict(candidate.value, [candidate.key ?? ''], weight, candidate.key ?? 'a secret');
}
