import { defineCollector, type Collector } from '../collector.js';
import type { PathContext } from '../location.js';
import { candidateLines, candidatesIn, findCandidates, FORMAT_GATE, redactValue, URL_SIGN, type SecretEvidence } from '../secret-patterns.js';
import { anyTextOf, LiteralGate } from '../../util/regex-literals.js';
import { LineTable } from './code/lines.js';
import { keysAbove } from './code/yaml-keys.js';
import { verdictOf } from './secrets-verdict.js';

export interface SecretFinding {
  path: string;
  line: number;
  /** What kind of credential, e.g. `aws-access-key-id`, `url-password`, `assigned-credential`. */
  kind: string;
  /** How it was recognised: its format, the key it is assigned to, or its place in a URL. */
  evidence: SecretEvidence;
  /** Why the value is taken for a real credential, or why it was set aside. */
  why: string;
  /** The match with all but a short prefix masked. The full value is never stored. */
  redacted: string;
  context: PathContext;
}

/** A credential taken from a secret store by reference (`${{ secrets.PYPI_TOKEN }}`): kept there, not in the files. */
export interface StoredSecret {
  path: string;
  line: number;
  /** The name of the secret in the store. */
  name: string;
  store: string;
}

export interface SecretFacts {
  /** Values taken for real credentials. */
  findings: SecretFinding[];
  /** Values that looked like credentials and were judged not to be (documented defaults, values in docs…), with why. */
  setAside: SecretFinding[];
  /** Credentials the project reads from a secret store by reference. */
  stored: StoredSecret[];
  filesScanned: number;
}

/** Formats that cannot hold a pasted credential in text, or are generated with hashes that look like one. */
const SKIPPED_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif bmp ico webp tif tiff svg pdf zip gz tgz bz2 xz 7z tar rar whl egg jar war so dll dylib exe bin o a ' +
    'pkl pickle joblib h5 hdf5 keras pt pth ckpt onnx safetensors gguf tflite pb npy npz mat parquet feather arrow avro orc ' +
    'csv tsv xlsx xls mp3 mp4 wav flac avi mov mkv woff woff2 ttf otf eot db sqlite sqlite3 min.js map'
  ).split(' '),
);
const GENERATED_LOCK_FILES = /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|uv\.lock|Pipfile\.lock|pdm\.lock|renv\.lock|Cargo\.lock|go\.sum|conda-lock\.yml)$/;
/** Minified or embedded-data lines are skipped: scanning them costs much and finds noise. */
const MAX_LINE_LENGTH = 10_000;
/** The report needs to show that secrets leak and where, not every occurrence. */
const MAX_FINDINGS = 200;
/** Per part of the project, so that a test suite full of fake tokens does not crowd out the project's own. */
const MAX_SET_ASIDE_PER_CONTEXT = 20;
const MAX_STORED = 100;
/** How many lines above a value an `example` heading or key still frames it. */
const EXAMPLE_REACH = 5;

/** References to secret stores, by the syntax of the tool that resolves them. */
const STORE_REFERENCES: ReadonlyArray<{ store: string; regex: RegExp }> = [
  { store: 'GitHub Actions secrets', regex: /\$\{\{[ \t]{0,8}secrets\.([A-Za-z_][A-Za-z0-9_]{0,100})[ \t]{0,8}\}\}/g },
  { store: 'Jenkins credentials', regex: /\bcredentials(?:Id)?[ \t]{0,8}[(:][ \t]{0,8}['"]([^'"\s]{1,100})['"]/g },
  { store: 'Google Secret Manager', regex: /\bprojects\/[^/\s"']{1,100}\/secrets\/([^/\s"']{1,200})\/versions\//g },
  { store: 'Azure Key Vault', regex: /\b(AzureKeyVault)@\d+/g },
];
export const STORE_REFERENCE_GATE = new LiteralGate(STORE_REFERENCES.map(({ regex }) => regex));
/** Prose: a reference written in a design document or a README shows how secrets could be passed, not how they are. */
const PROSE = /\.(?:md|markdown|rst|txt|adoc)$/i;

/**
 * Whether a file may hold a credential format, a URL password or a store reference: one pass rules
 * most files out of all three (babel: all but 616 of 27,612), where each would read the file again.
 * Made on the first file, when the build's record of the patterns' literals is loaded.
 */
let maySign: ((text: string) => boolean) | undefined;

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.min.js')) return 'min.js';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
}

export const secretsCollector = defineCollector({ key: 'secrets', create: collectSecrets });

function collectSecrets(): Collector<SecretFacts> {
  const findings: SecretFinding[] = [];
  const setAside: SecretFinding[] = [];
  const setAsideIn = new Map<PathContext, number>();
  const stored: StoredSecret[] = [];
  let filesScanned = 0;

  return {
    wants: (path) => !SKIPPED_EXTENSIONS.has(extensionOf(path)) && !GENERATED_LOCK_FILES.test(path),
    visit(file) {
      filesScanned += 1;
      // Past the cap, only store references are still looked for.
      const signed = (maySign ??= anyTextOf([FORMAT_GATE, STORE_REFERENCE_GATE], [URL_SIGN]))(file.text);
      const scan = findings.length < MAX_FINDINGS ? candidatesIn(file.text, signed) : null;
      const references = signed && !PROSE.test(file.path) && STORE_REFERENCE_GATE.matching(file.text).length > 0;
      if (!scan && !references) return;
      // Lines by offset, not split: a file with a candidate is often large, and only a few of its lines are read.
      const table = new LineTable(file.text);
      const lineAt = (i: number) => textLine(file.text, table, i);
      // Store references are looked for on every line; candidates only where a run over the whole text found them.
      for (const i of references ? Array.from({ length: table.count }, (_, i) => i) : candidateLines(file.text, scan!)) {
        const line = lineAt(i);
        if (line.length > MAX_LINE_LENGTH) continue;
        if (references && stored.length < MAX_STORED) stored.push(...storedSecretsIn(line, file.path, i + 1));
        if (!scan || findings.length >= MAX_FINDINGS) continue;
        for (const candidate of findCandidates(line, scan)) {
          const from = Math.max(0, i - EXAMPLE_REACH);
          const before = Array.from({ length: i - from }, (_, k) => lineAt(from + k));
          const verdict = verdictOf(candidate, file.path, {
            preceding: `${before.join('\n')}\n${line.slice(0, candidate.index)}`,
            following: `${line.slice(candidate.index + candidate.value.length)}\n${i + 1 < table.count ? lineAt(i + 1) : ''}`,
            enclosingKeys: () => keysAbove(lineAt, i),
          });
          const finding = { path: file.path, line: i + 1, kind: candidate.kind, evidence: candidate.evidence, why: verdict.why, redacted: redactValue(candidate.value), context: file.context };
          if (verdict.real) findings.push(finding);
          else if (!verdict.quiet && (setAsideIn.get(file.context) ?? 0) < MAX_SET_ASIDE_PER_CONTEXT) {
            setAside.push(finding);
            setAsideIn.set(file.context, (setAsideIn.get(file.context) ?? 0) + 1);
          }
        }
      }
    },
    finish: () => ({ findings, setAside, stored: stored.slice(0, MAX_STORED), filesScanned }),
  };
}

/**
 * Line `i` as `split(/\r?\n/)` gives it, which other collectors read: a `\r` is dropped only before
 * a line break, so the last line keeps one that ends the file.
 */
function textLine(text: string, table: LineTable, i: number): string {
  return i === table.count - 1 ? text.slice(table.start(i)) : table.text(i);
}

function storedSecretsIn(line: string, path: string, number: number): StoredSecret[] {
  const found: StoredSecret[] = [];
  for (const { store, regex } of STORE_REFERENCES) {
    regex.lastIndex = 0;
    for (let match = regex.exec(line); match; match = regex.exec(line)) found.push({ path, line: number, name: match[1]!, store });
  }
  return found;
}
