import { defineCollector, type Collector } from '../collector.js';
import type { PathContext } from '../location.js';
import { findSecrets, patternsIn, redactValue } from '../secret-patterns.js';

export interface SecretFinding {
  path: string;
  line: number;
  /** What kind of credential the pattern recognises, e.g. `aws-access-key-id`. */
  kind: string;
  /** The match with all but a short prefix masked. The full value is never stored. */
  redacted: string;
  context: PathContext;
}

export interface SecretFacts {
  findings: SecretFinding[];
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
const GENERATED_LOCK_FILES = /(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|uv\.lock|Pipfile\.lock|pdm\.lock|Cargo\.lock|go\.sum|conda-lock\.yml)$/;
/** Minified or embedded-data lines are skipped: scanning them costs much and finds noise. */
const MAX_LINE_LENGTH = 10_000;
/** The report needs to show that secrets leak and where, not every occurrence. */
const MAX_FINDINGS = 200;

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name.endsWith('.min.js')) return 'min.js';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : '';
}

export const secretsCollector = defineCollector({ key: 'secrets', create: collectSecrets });

function collectSecrets(): Collector<SecretFacts> {
  const findings: SecretFinding[] = [];
  let filesScanned = 0;

  return {
    wants: (path) => !SKIPPED_EXTENSIONS.has(extensionOf(path)) && !GENERATED_LOCK_FILES.test(path),
    visit(file) {
      filesScanned += 1;
      const patterns = patternsIn(file.text);
      if (patterns.length === 0) return;
      const lines = file.lines();
      for (let i = 0; i < lines.length && findings.length < MAX_FINDINGS; i++) {
        const line = lines[i]!;
        if (line.length > MAX_LINE_LENGTH) continue;
        for (const match of findSecrets(line, patterns)) {
          findings.push({ path: file.path, line: i + 1, kind: match.kind, redacted: redactValue(match.value), context: file.context });
        }
      }
    },
    finish: () => ({ findings, filesScanned }),
  };
}
