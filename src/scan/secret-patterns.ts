/**
 * Credential patterns, after the public rule sets of gitleaks and detect-secrets, kept to the ones
 * precise enough to trust in a report: a false alarm about a "leaked key" costs the audit its
 * credibility. The generic patterns skip values that are obviously placeholders.
 */
export interface SecretPattern {
  kind: string;
  regex: RegExp;
  /** The capture group holding the secret itself (0: the whole match). */
  group?: number;
}

const PATTERNS: SecretPattern[] = [
  { kind: 'private-key', regex: /-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----/g },
  { kind: 'aws-access-key-id', regex: /\b((?:AKIA|ASIA)[0-9A-Z]{16})\b/g, group: 1 },
  { kind: 'aws-secret-access-key', regex: /aws_secret_access_key["']?\s*[=:]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi, group: 1 },
  { kind: 'anthropic-api-key', regex: /\b(sk-ant-[A-Za-z0-9_-]{32,})/g, group: 1 },
  { kind: 'openai-api-key', regex: /\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,})/g, group: 1 },
  { kind: 'huggingface-token', regex: /\b(hf_[A-Za-z0-9]{30,})\b/g, group: 1 },
  { kind: 'github-token', regex: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/g, group: 1 },
  { kind: 'gitlab-token', regex: /\b(glpat-[A-Za-z0-9_-]{20,})\b/g, group: 1 },
  { kind: 'slack-token', regex: /\b(xox[baprs]-[A-Za-z0-9-]{10,})/g, group: 1 },
  { kind: 'google-api-key', regex: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g, group: 1 },
  { kind: 'gcp-service-account-key', regex: /"private_key_id"\s*:\s*"([0-9a-f]{40})"/g, group: 1 },
  { kind: 'stripe-live-key', regex: /\b((?:sk|rk)_live_[0-9a-zA-Z]{24,})/g, group: 1 },
  { kind: 'azure-storage-key', regex: /AccountKey=([A-Za-z0-9+/=]{80,})/g, group: 1 },
  { kind: 'wandb-api-key', regex: /WANDB_API_KEY["']?\s*[=:]\s*["']?([0-9a-f]{40})\b/g, group: 1 },
  {
    kind: 'database-url-password',
    regex: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqp|mssql):\/\/[^:\s/@]+:([^@\s/]{4,})@/g,
    group: 1,
  },
  {
    // Shell and dotenv style, unquoted: `export AWS_SECRET_ACCESS_KEY=...`, `DB_PASSWORD=...` in a .env file.
    kind: 'env-credential',
    // `m`: the scan first tests a whole file for each pattern, so a line start must be any line's.
    regex: /^\s*(?:export\s+)?[A-Z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)[A-Z0-9_]*\s*=\s*["']?([^\s"'#$]{8,})/gm,
    group: 1,
  },
  {
    kind: 'hard-coded-credential',
    regex: /\b(?:password|passwd|pwd|secret|secret_key|api_key|apikey|access_token|auth_token|client_secret)["']?\s*[:=]\s*["']([^"'\s]{8,})["']/gi,
    group: 1,
  },
];

/**
 * Values that are templates, references or examples rather than credentials: `${VAR}`, Python
 * format fields (`"{}-{}.json".format(...)`), `REPLACE_ME` and `..._here` fillers.
 */
const PLACEHOLDER = /\$\{|\{\{|\{\w*\}|<[^>]*>|%\(|%s|^\$|os\.environ|getenv|example|changeme|change_me|placeholder|dummy|sample|your[_-]|replace|[_-]here$|xxxx|\*\*\*|redacted|^(password|secret|token)$|fake|test/i;
/**
 * An upper-case identifier is the name of a variable that holds the secret, not the secret:
 * `_API_KEY_ENV = "LANGSMITH_API_KEY"`. Case matters here, so it is not part of PLACEHOLDER.
 */
const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

export interface SecretMatch {
  kind: string;
  /** Column (0-based) where the secret starts in the line. */
  index: number;
  value: string;
}

/** The patterns that occur anywhere in a text: most files contain none, and are then done with. */
export function patternsIn(text: string): readonly SecretPattern[] {
  return PATTERNS.filter(({ regex }) => {
    regex.lastIndex = 0;
    return regex.test(text);
  });
}

export function findSecrets(line: string, patterns: readonly SecretPattern[] = PATTERNS): SecretMatch[] {
  const found: SecretMatch[] = [];
  for (const { kind, regex, group = 0 } of patterns) {
    regex.lastIndex = 0;
    for (let match = regex.exec(line); match; match = regex.exec(line)) {
      const value = match[group] ?? match[0];
      const generic = kind === 'hard-coded-credential' || kind === 'database-url-password' || kind === 'env-credential';
      if (generic && (PLACEHOLDER.test(value) || VARIABLE_NAME.test(value))) continue;
      if (found.some((other) => other.value === value || other.value.includes(value) || value.includes(other.value))) continue;
      found.push({ kind, index: match.index + match[0].indexOf(value), value });
    }
  }
  return found;
}

/** Keeps enough of a secret to recognise which one it is, never enough to use it. */
export function redactValue(value: string): string {
  if (value.startsWith('-----BEGIN')) return '-----BEGIN … PRIVATE KEY-----';
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}${'*'.repeat(8)}`;
}

/** The text with every recognised secret replaced by its redacted form. */
export function redactSecrets(text: string): string {
  if (patternsIn(text).length === 0) return text;
  let out = text;
  for (const match of findSecrets(text)) out = out.split(match.value).join(redactValue(match.value));
  return out;
}
