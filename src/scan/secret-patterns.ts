import { LiteralGate } from '../util/regex-literals.js';

/**
 * Where credentials sit in text, in three classes of evidence:
 *
 * - `format`: a value whose format alone names a provider's credential (`AKIA…`, `ghp_…`,
 *   `xoxb-…`, a private key header), after the public rule sets of gitleaks and detect-secrets;
 * - `assignment`: a literal value given to a key named for a secret (`password: …`,
 *   `OPENAI_API_KEY=…`, `"client_secret": "…"`);
 * - `url`: the password part of a URL (`postgresql://user:password@host`).
 *
 * This module only finds candidates. Whether one is a real credential (not a placeholder, a
 * reference to a secret store, or a local default) is judged by the secrets collector; redaction
 * (`redactSecrets`) hides every candidate, real or not, because hiding a placeholder costs nothing.
 * Every pattern here is linear in the length of the text: each quantifier is bounded or runs over
 * a class that the next token cannot start.
 */
export type SecretEvidence = 'format' | 'assignment' | 'url';

export interface SecretCandidate {
  kind: string;
  evidence: SecretEvidence;
  /** Column (0-based) where the value starts in the line. */
  index: number;
  value: string;
  /** For assignments: the key the value is given to. */
  key?: string;
  /** For assignments: the value was written between quotes (a literal in any language). */
  quoted?: boolean;
  /** For URLs: the user name in front of the password. */
  user?: string;
}

interface FormatPattern {
  kind: string;
  regex: RegExp;
  /** The capture group holding the credential itself (0: the whole match). */
  group?: number;
}

/**
 * Bounded by letters and digits only, not by `\b`: `_` is a word character, and a token in a file
 * name often follows one (`train_AKIA….py`).
 */
const FORMATS: readonly FormatPattern[] = [
  // A Google service account key is its `private_key`, found here; the `private_key_id` beside it
  // only names the key (a CI job that writes the file from a stored secret leaves the id in clear).
  { kind: 'private-key', regex: /-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----/g },
  { kind: 'aws-access-key-id', regex: /(?<![A-Za-z0-9])((?:AKIA|ASIA)[0-9A-Z]{16})(?![A-Za-z0-9])/g, group: 1 },
  { kind: 'aws-secret-access-key', regex: /aws_secret_access_key["']?[ \t]{0,8}[=:][ \t]{0,8}["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 1 },
  { kind: 'anthropic-api-key', regex: /(?<![A-Za-z0-9])(sk-ant-[A-Za-z0-9_-]{32,})/g, group: 1 },
  { kind: 'langfuse-secret-key', regex: /(?<![A-Za-z0-9])(sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/g, group: 1 },
  // Other providers' keys also open with `sk-` (Anthropic `sk-ant-`, Langfuse `sk-lf-`): each is named by its own format.
  { kind: 'openai-api-key', regex: /(?<![A-Za-z0-9])(sk-(?!ant-|lf-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,})/g, group: 1 },
  { kind: 'huggingface-token', regex: /(?<![A-Za-z0-9])(hf_[A-Za-z0-9]{30,})(?![A-Za-z0-9])/g, group: 1 },
  { kind: 'github-token', regex: /(?<![A-Za-z0-9])((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})(?![A-Za-z0-9])/g, group: 1 },
  { kind: 'gitlab-token', regex: /(?<![A-Za-z0-9])(glpat-[A-Za-z0-9_-]{20,})(?![A-Za-z0-9])/g, group: 1 },
  { kind: 'slack-token', regex: /(?<![A-Za-z0-9])(xox[baprs]-[A-Za-z0-9-]{10,})/g, group: 1 },
  { kind: 'slack-webhook', regex: /(hooks\.slack\.com\/services\/T[A-Za-z0-9]{8,}\/B[A-Za-z0-9]{8,}\/[A-Za-z0-9]{20,})/g, group: 1 },
  { kind: 'google-api-key', regex: /(?<![A-Za-z0-9])(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g, group: 1 },
  { kind: 'stripe-live-key', regex: /(?<![A-Za-z0-9])((?:sk|rk)_live_[0-9a-zA-Z]{24,})/g, group: 1 },
  { kind: 'azure-storage-key', regex: /AccountKey=([A-Za-z0-9+/=]{80,})/g, group: 1 },
  { kind: 'wandb-api-key', regex: /WANDB_API_KEY["']?[ \t]{0,8}[=:][ \t]{0,8}["']?([0-9a-f]{40})(?![A-Za-z0-9])/g, group: 1 },
  { kind: 'npm-token', regex: /(?<![A-Za-z0-9])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])/g, group: 1 },
  { kind: 'pypi-token', regex: /(?<![A-Za-z0-9])(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})/g, group: 1 },
  { kind: 'databricks-token', regex: /(?<![A-Za-z0-9])(dapi[0-9a-f]{32})(?:-\d)?(?![A-Za-z0-9])/g, group: 1 },
  { kind: 'sendgrid-api-key', regex: /(?<![A-Za-z0-9])(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9])/g, group: 1 },
];

/**
 * A word that names a secret, then the end of the key and an assignment operator: `password =`,
 * `"apiKey":`, `DB_PASSWORD=`, `token =>`, `secret: ` (a YAML colon is followed by a space, so a
 * scope such as `auth:aws-s3:read` is no assignment). The rest of the key is read backwards from the match,
 * so no unbounded prefix is ever tried at each position.
 */
const ASSIGNMENT =
  /(?:password|passwd|passphrase|pwd|pass|secret|token|key|credentials?|auth)(?:["'\]][ \t]{0,16}(?::=|=>|=(?!=)|:)|[ \t]{0,16}(?::=|=>|=(?!=)|:(?=[ \t])))[ \t]{0,16}/gi;
// A slash joins a prefix to a key (Helm's `checksum/token-secret` annotation holds a digest of the Secret, no secret).
const KEY_CHARACTER = /[A-Za-z0-9_./-]/;
const MAX_KEY_LENGTH = 100;
const MAX_VALUE_LENGTH = 1000;

/** Words that end a key naming a secret (`db_password`, `clientSecret`, `CODECOV_TOKEN`). */
const SECRET_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'passphrase', 'pwd', 'secret', 'token', 'credential', 'credentials', 'apikey', 'auth']);
/**
 * `key` alone is a dictionary key or a file; these words in front of it make it a secret. Not
 * `write` or `public`: analytics write keys (Segment, RudderStack) and public keys ship in web pages.
 */
const SECRET_KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'api', 'secret', 'access', 'private', 'account', 'auth', 'signing', 'master', 'encryption', 'client', 'app', 'license',
  'subscription', 'service', 'storage', 'shared', 'admin', 'deploy', 'upload', 'hmac', 'jwt', 'fernet', 'webhook',
]);
/** Words that make a key name something derived from a secret, which is no secret: `hashed_secret`, `password_hash`, `token_fingerprint`. */
const DERIVED_WORDS: ReadonlySet<string> = new Set(['hash', 'hashed', 'digest', 'fingerprint', 'checksum', 'md5', 'sha', 'sha1', 'sha256', 'sha512']);

/** The words of a key: `clientSecret` and `CLIENT_SECRET` both give `client`, `secret`. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_./-]+/)
    .filter(Boolean);
}

/**
 * True when a key names a credential: its last word is a secret word (`pass` and `key` with a
 * qualifier in front), and no word says the value is a hash of one.
 */
export function namesSecret(key: string): boolean {
  const words = keyWords(key);
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (last === undefined || words.some((word) => DERIVED_WORDS.has(word))) return false;
  // Helm charts' `existingSecret` names a Kubernetes Secret created elsewhere: a reference, not a value.
  if (words[0] === 'existing') return false;
  if (SECRET_WORDS.has(last)) return true;
  if (last === 'pass') return before !== undefined;
  return last === 'key' && before !== undefined && SECRET_KEY_QUALIFIERS.has(before);
}

/** The key written just before `end`, read backwards (quotes around it are skipped). */
function keyBefore(line: string, end: number): { key: string; start: number } {
  let start = end;
  while (start > 0 && end - start < MAX_KEY_LENGTH && KEY_CHARACTER.test(line[start - 1]!)) start--;
  return { key: line.slice(start, end), start };
}

const QUOTES = new Set(['"', "'", '`']);
const STRING_PREFIX = /^(?:u|b|r|br|rb)(?=["'])/i;
/** What ends an unquoted value: whitespace, and punctuation that closes the expression around it. */
const UNQUOTED_TAIL = /[,;)\]}"']+$/;

/** The value after an assignment operator: a quoted string, or the next word. */
function valueAt(line: string, start: number): { value: string; index: number; quoted: boolean } | null {
  // A Python string's prefix (`u"…"`, `b'…'`, `rb"…"`) is not part of its value.
  const prefix = STRING_PREFIX.exec(line.slice(start, start + 3));
  if (prefix) start += prefix[0].length;
  let open = line[start];
  let index = start + 1;
  // A quoted value inside a JSON string, as notebooks store code: `"password = \"x\"\n"`.
  if (open === '\\' && QUOTES.has(line[start + 1] ?? '')) {
    open = `\\${line[start + 1]}`;
    index = start + 2;
  }
  if (open !== undefined && (QUOTES.has(open) || open.startsWith('\\'))) {
    const close = line.indexOf(open, index);
    const end = close < 0 ? Math.min(line.length, index + MAX_VALUE_LENGTH) : Math.min(close, index + MAX_VALUE_LENGTH);
    return { value: line.slice(index, end), index, quoted: true };
  }
  let end = start;
  // Inside a JSON or YAML string an escaped line break ends the value too: `Auth: 294817\nCashier:`.
  while (end < line.length && end - start < MAX_VALUE_LENGTH && !/\s/.test(line[end]!) && !(line[end] === '\\' && /[nrt]/.test(line[end + 1] ?? ''))) end++;
  const value = line.slice(start, end).replace(UNQUOTED_TAIL, '');
  return value === '' || value.startsWith('#') ? null : { value, index: start, quoted: false };
}

/** Keys asked about and whether they name a secret: a file repeats its keys (`"key":` on every line of a JSON syntax tree). */
const secretKeys = new Map<string, boolean>();
const SECRET_KEYS_KEPT = 4_096;

/** The key an assignment match gives a value to (read from the text or line it was found in), when it names a secret; null otherwise. */
function secretKeyOf(text: string, match: RegExpExecArray): string | null {
  const wordEnd = match.index + match[0].search(/["'\]]?[ \t]*(?::=|=>|=|:)/);
  const { key } = keyBefore(text, wordEnd);
  let named = secretKeys.get(key);
  if (named === undefined) {
    if (secretKeys.size >= SECRET_KEYS_KEPT) secretKeys.clear();
    secretKeys.set(key, (named = namesSecret(key)));
  }
  return named ? key : null;
}

/**
 * Whether the text gives a value to a key that names a secret. A match reads no further than its
 * line, and its key no further back than the line's start, so the whole text holds one exactly when
 * one of its lines does: most texts with an assignment assign to keys that name nothing (`key:`).
 */
function holdsSecretAssignment(text: string): boolean {
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match; match = ASSIGNMENT.exec(text)) if (secretKeyOf(text, match) !== null) return true;
  return false;
}

function assignmentsIn(line: string): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(line); match; match = ASSIGNMENT.exec(line)) {
    const key = secretKeyOf(line, match);
    if (key === null) continue;
    const value = valueAt(line, match.index + match[0].length);
    if (value) found.push({ kind: 'assigned-credential', evidence: 'assignment', key, ...value });
  }
  return found;
}

/** `scheme://user:password@host`: bounded parts, so a long line of near-misses stays linear. */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]{1,20}:\/\/([^:\s/@"'<>]{1,100}):([^@\s/"'<>]{1,200})@/gi;
/** The same, tried at one offset. */
const URL_PASSWORD_AT = new RegExp(URL_PASSWORD.source, 'iy');
/** How far before its `://` a match starts: its scheme's length, which holds no `:`. */
const SCHEME_LENGTHS = { least: 2, most: 21 };

/**
 * Whether a text holds a URL password. A match's `://` is the first `:` after its start, so it is
 * tried only where a scheme could start before each `://` of the text: run over the whole text,
 * the expression tried every word of it, and a source file holds thousands beside a URL or two.
 */
export function holdsUrlPassword(text: string): boolean {
  for (let at = text.indexOf(URL_SIGN); at >= 0; at = text.indexOf(URL_SIGN, at + 1)) {
    for (let start = Math.max(0, at - SCHEME_LENGTHS.most); start <= at - SCHEME_LENGTHS.least; start++) {
      URL_PASSWORD_AT.lastIndex = start;
      if (URL_PASSWORD_AT.test(text)) return true;
    }
  }
  return false;
}

function urlPasswordsIn(line: string): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  URL_PASSWORD.lastIndex = 0;
  for (let match = URL_PASSWORD.exec(line); match; match = URL_PASSWORD.exec(line)) {
    const index = match.index + match[0].length - 1 - match[2]!.length;
    found.push({ kind: 'url-password', evidence: 'url', index, value: match[2]!, user: match[1]! });
  }
  return found;
}

function formatsIn(line: string, formats: readonly FormatPattern[]): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  for (const { kind, regex, group = 0 } of formats) {
    regex.lastIndex = 0;
    for (let match = regex.exec(line); match; match = regex.exec(line)) {
      const value = match[group] ?? match[0];
      found.push({ kind, evidence: 'format', index: match.index + match[0].indexOf(value), value });
    }
  }
  return found;
}

/** The credential formats, assignments and URL passwords a text may hold: most files hold none, and are then done with. */
export interface CandidateScan {
  formats: readonly FormatPattern[];
  assignments: boolean;
  urls: boolean;
}

export const FORMAT_GATE = new LiteralGate(FORMATS.map(({ regex }) => regex));
/** What a URL password needs: the literal its pattern starts after. */
export const URL_SIGN = '://';

function formatsPresentIn(text: string): FormatPattern[] {
  return FORMAT_GATE.matching(text).map((index) => FORMATS[index]!);
}

/** `signs`: false for a text known to hold none of the texts a format or a URL password needs (`anyTextOf`). */
export function candidatesIn(text: string, signs = true): CandidateScan | null {
  const formats = signs ? formatsPresentIn(text) : [];
  const assignments = holdsSecretAssignment(text);
  const urls = signs && holdsUrlPassword(text);
  return formats.length > 0 || assignments || urls ? { formats, assignments, urls } : null;
}

/**
 * The lines (0-based, ascending, split at `\n`) where `findCandidates` can find something, from
 * one run of each of the scan's expressions over the whole text: most of a file's lines then need
 * no look at all. No expression reaches over a line break, and what one checks around a match
 * (a letter or digit before or after, a space after a colon) reads a line break as it reads the
 * start or end of a line alone, so a line holds a match in the whole text exactly when it holds
 * one on its own.
 */
export function candidateLines(text: string, scan: CandidateScan): number[] {
  const found = new Set<number>();
  const expressions = [...scan.formats.map(({ regex }) => regex), ...(scan.urls ? [URL_PASSWORD] : []), ...(scan.assignments ? [ASSIGNMENT] : [])];
  for (const regex of expressions) {
    let line = 0;
    let lineBreak = text.indexOf('\n');
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      // An assignment to a key that names nothing gives no candidate: its line may hold another.
      if (regex === ASSIGNMENT && secretKeyOf(text, match) === null) continue;
      while (lineBreak !== -1 && lineBreak < match.index) {
        line += 1;
        lineBreak = text.indexOf('\n', lineBreak + 1);
      }
      found.add(line);
      // One match settles the line: go on from the next.
      if (lineBreak === -1) break;
      regex.lastIndex = lineBreak + 1;
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The candidates on one line, left to right. A value found by a more specific class is not found
 * again by a weaker one (a `ghp_…` token assigned to `GITHUB_TOKEN` is a format match).
 */
export function findCandidates(line: string, scan: CandidateScan | null = candidatesIn(line)): SecretCandidate[] {
  if (!scan) return [];
  const all = [...formatsIn(line, scan.formats), ...(scan.urls ? urlPasswordsIn(line) : []), ...(scan.assignments ? assignmentsIn(line) : [])];
  const kept: SecretCandidate[] = [];
  for (const candidate of all) {
    const end = candidate.index + candidate.value.length;
    if (candidate.value === '' || kept.some((other) => candidate.index < other.index + other.value.length && other.index < end)) continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** Keeps enough of a secret to recognise which one it is, never enough to use it. */
export function redactValue(value: string): string {
  if (value.startsWith('-----BEGIN')) return '-----BEGIN … PRIVATE KEY-----';
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}${'*'.repeat(8)}`;
}

/** References to where a secret is kept, left readable: `${{ secrets.X }}`, `${VAR}`, `$(var)`, `{{ .Values.x }}`. */
const REFERENCE = /^(?:\$|\{\{|%\(|\(\(|#\{|<%)/;

function replaceAt(line: string, candidates: readonly SecretCandidate[], replace: (candidate: SecretCandidate) => string): string {
  let out = '';
  let at = 0;
  for (const candidate of candidates) {
    out += line.slice(at, candidate.index) + replace(candidate);
    at = candidate.index + candidate.value.length;
  }
  return out + line.slice(at);
}

/**
 * The text with every candidate value replaced by its redacted form: formats, URL passwords and
 * values given to secret-named keys, quoted or not, placeholders included. References to a secret
 * store stay readable, since they hold no secret. In source code (`inCode`) an unquoted value is an
 * expression, `os.environ["API_KEY"]` or `HTTPBearer()`, and stays readable too: it is often the
 * very evidence shown (a key read from the environment), and a literal in code is quoted.
 */
export function redactSecrets(text: string, inCode = false): string {
  const scan = candidatesIn(text);
  if (!scan) return text;
  const hidden = (candidate: SecretCandidate) =>
    candidate.evidence === 'format' || (!REFERENCE.test(candidate.value) && !(inCode && candidate.evidence === 'assignment' && !candidate.quoted));
  return text
    .split('\n')
    .map((line) => {
      const candidates = findCandidates(line, scan).filter(hidden);
      return candidates.length === 0 ? line : replaceAt(line, candidates, (candidate) => redactValue(candidate.value));
    })
    .join('\n');
}

/** A short, stable tag of a value: two different secrets in names stay two different names. */
function tagOf(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0').slice(0, 6);
}

/**
 * Text with provider-format credentials redacted (`keys/ghp_********-1a2b3c.txt`), for whatever is
 * shown to a person: a token can sit in a file or directory name, and names reach every output.
 * Only formats count here: a name is not an assignment, and `password.txt` holds no secret in its
 * name. The tag keeps two names distinct without saying anything usable about the token.
 */
export function redactFormats(text: string): string {
  const formats = formatsPresentIn(text);
  if (formats.length === 0) return text;
  const candidates = formatsIn(text, formats).sort((a, b) => a.index - b.index);
  const kept = candidates.filter((candidate, i) => i === 0 || candidate.index >= candidates[i - 1]!.index + candidates[i - 1]!.value.length);
  return replaceAt(text, kept, (candidate) => `${redactValue(candidate.value)}-${tagOf(candidate.value)}`);
}
