#!/usr/bin/env node
// Build step: validate the built-in rule packs in full and store them as JSON next to the compiled
// code, so that an audit does not parse and validate 4,000 lines of YAML on every run. The loader
// uses an entry only while the YAML's SHA-256 matches, so an edited pack is never served stale.
// It also records the built-in rule set's guards (the rules an empty repository passes), under the
// digest of the packs they were found for, the literals each built-in signal's pattern requires
// (and each of its alternatives, searched one by one), and the automaton that searches for all of
// them (kept only for exactly those literals), the texts each CI command pattern starts with, and
// the regular expressions of the extended globs the packs' validation compiled.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { BUILTIN_AUTOMATON, BUILTIN_CACHE, builtinPackFiles, loadRuleSet } from '../dist/rules/load.js';
import { COMMAND_PATTERNS } from '../dist/scan/collectors/ci/command-patterns.js';
import { SignalSet } from '../dist/scan/collectors/code/signals.js';
import { STORE_REFERENCE_GATE } from '../dist/scan/collectors/secrets.js';
import { FORMAT_GATE } from '../dist/scan/secret-patterns.js';
import { automatonBytes } from '../dist/util/aho-corasick.js';
import { recordedExtglobs } from '../dist/util/glob.js';
import { guardRules } from '../dist/score/guards.js';
import { PACKAGE_ROOT } from '../dist/util/package-root.js';
import { leadingLiterals, recordAlternatives, requiredLiterals } from '../dist/util/regex-literals.js';
import { parse } from 'yaml';

let ruleSet;
try {
  ruleSet = await loadRuleSet([], { cache: false });
} catch (error) {
  process.stderr.write(`rule packs: ${error.describe?.() ?? error.message}\n`);
  process.exit(1);
}
const packs = {};
for (const file of builtinPackFiles()) {
  const bytes = await readFile(file);
  packs[relative(PACKAGE_ROOT, file)] = { sha256: createHash('sha256').update(bytes).digest('hex'), value: parse(bytes.toString('utf8')) };
}
await mkdir(dirname(BUILTIN_CACHE), { recursive: true });
const guards = { digest: ruleSet.digest, rules: [...(await guardRules(ruleSet, new Date()))] };
// The CI collector's command patterns and the credential gates are read for their literals on every run as well.
const patterns = [
  ...ruleSet.signals.map((signal) => signal.pattern),
  ...COMMAND_PATTERNS.map(({ regex }) => regex.source),
  ...FORMAT_GATE.patterns,
  ...STORE_REFERENCE_GATE.patterns,
];
const literals = Object.fromEntries(patterns.map((pattern) => [pattern, requiredLiterals(pattern)]));
// Each signal's alternatives, which are searched one by one (compileNative).
const alternatives = Object.fromEntries(ruleSet.signals.map((signal) => [signal.pattern, recordAlternatives(signal.pattern)]));
// And the command patterns for the texts a command must start with.
const starts = Object.fromEntries(COMMAND_PATTERNS.map(({ regex }) => [regex.source, leadingLiterals(regex.source)]));
// All ASCII (other characters escaped, in strings, the only place JSON has them): Node then decodes
// the file into a one-byte string, which JSON.parse reads in about half the time of a two-byte one.
const json = JSON.stringify({ packs, guards, literals, alternatives, starts, extglobs: recordedExtglobs() }).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
await writeFile(BUILTIN_CACHE, json);
await writeFile(BUILTIN_AUTOMATON, automatonBytes(new SignalSet(ruleSet.signals).literals));
