import { jsonDocument } from '../../render/json.js';
import type { Facts } from '../../scan/facts.js';
import { scan } from '../../scan/scan.js';
import { printable } from '../../util/printable.js';
import { auditDate, type CliIO } from '../io.js';
import { loadRules, type RuleFlags } from '../rule-flags.js';

function summary(facts: Facts): string {
  const lines = [
    `${facts.root.name}: ${facts.files.count} files (${facts.files.skippedDirectories} directories skipped, ${facts.files.skippedSymlinks} symlinks not followed)`,
    `dependencies  ${facts.dependencies.declared.length} declared in ${facts.dependencies.manifests.length} manifests; managers: ${facts.dependencies.managers.join(', ') || 'none'}; pinning: ${facts.dependencies.pinning}`,
    `notebooks     ${facts.notebooks.count} (${Math.round(facts.notebooks.notebookShare * 100)}% of code lines, ${facts.notebooks.withOutputs.length} with outputs)`,
    `tests         ${facts.tests.count} test files; frameworks: ${facts.tests.frameworks.join(', ') || 'none'}`,
    `ci            ${facts.ci.pipelines.length} pipelines (${facts.ci.providers.join(', ') || 'none'})`,
    `containers    ${facts.containers.dockerfiles.length} Dockerfiles, ${facts.containers.compose.length} compose files`,
    `kubernetes    ${facts.kubernetes.objects.length} objects (${facts.kubernetes.kinds.join(', ') || 'none'})`,
    `iac           ${facts.iac.resources.length} resources, ${facts.iac.grants.length} over-broad grants (${facts.iac.tools.join(', ') || 'none'})`,
    `docs          ${Object.entries(facts.docs).filter(([, doc]) => doc).map(([kind]) => kind).join(', ') || 'none'}`,
    `secrets       ${facts.secrets.findings.length} suspected in ${facts.secrets.filesScanned} files scanned`,
    `code          ${Object.keys(facts.code.imports).length} modules imported; signals matched: ${Object.entries(facts.code.signals).filter(([, s]) => s.count > 0).length}/${Object.keys(facts.code.signals).length}`,
    `git           ${facts.git ? `${facts.git.commits} commits, ${facts.git.contributors} contributors, last ${facts.git.lastCommitDate ?? 'never'}` : 'not a git repository (or not readable)'}`,
    `warnings      ${facts.warnings.length}`,
    '',
    'Use --json for every fact.',
  ];
  return `${lines.map(printable).join('\n')}\n`;
}

export async function scanCommand(path: string, flags: RuleFlags & { json?: boolean }, io: CliIO): Promise<number> {
  const ruleSet = await loadRules(flags);
  const facts = await scan(path, { signals: ruleSet.signals, collectors: ruleSet.collectors, now: auditDate(io) });
  io.stdout.write(flags.json ? jsonDocument(facts) : summary(facts));
  return 0;
}
