import { addScripts, emptyDraft, type Draft } from '../draft.js';
import type { CiTrigger } from '../facts.js';
import type { CiProviderDefinition } from '../provider.js';
import { NO_INPUTS } from '../reference-patterns.js';
import { scriptLine, type ScriptLine } from '../shell.js';
import { lineAtOffset, lineStarts } from '../source-text.js';

/** `sh '…'`, `sh "…"`, `sh """…"""`, `bat`, `powershell`, also as `sh(script: '…', returnStdout: true)`. */
const JENKINS_SHELL_STEP =
  /(?<![\w.$/-])(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:(?:label|encoding|returnStdout|returnStatus)\s*:\s*(?:'[^'\n]*'|"[^"\n]*"|\w+)\s*,\s*)*(?:script\s*:\s*)?('''|"""|'|")/g;
/** Calls such as `docker.build(…)`, `app.push()`, `.push()` after a call, `recordCoverage(…)`, classified by the reference table. */
const JENKINS_CALL = /(?<![\w$])(\.?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\(/g;
const JENKINS_STAGE = /(?<![\w.])stage\s*(?:\(|['"])/g;
const JENKINS_INPUT = /(?<![\w.])input\s*(?:\(|\{|message\s*:|id\s*:)/;
const JENKINS_TRIGGERS: Array<{ trigger: CiTrigger; regex: RegExp }> = [
  { trigger: 'schedule', regex: /(?<![\w.])cron\s*\(/ },
  // Polling builds when the repository changes: a push trigger that checks on a timer.
  { trigger: 'push', regex: /(?<![\w.])(?:pollSCM|githubPush|gitlab|bitbucketPush|GenericTrigger)\s*\(/ },
  { trigger: 'other', regex: /(?<![\w.])upstream\s*\(/ },
];

/** Where a Groovy string that opened with `quote` at `start` closes, or -1. */
function groovyStringEnd(text: string, start: number, quote: string): number {
  if (quote.length === 3) return text.indexOf(quote, start);
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) return i;
    else if (c === '\n') return -1;
  }
  return -1;
}

/**
 * A repository shell script handed to a call by path, `pipelineHelpers.runComponentCi('ci/component_ci.sh', name)`:
 * a helper loaded from another Groovy file runs it with `sh "${scriptPath} …"`, which cannot be read here.
 */
const SCRIPT_PATH_ARGUMENT = /[(,]\s*(?:\/\/[^\n]*\n\s*)?(['"])((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:sh|bash))\1\s*[,)]/g;

function inLineComment(text: string, starts: readonly number[], offset: number): boolean {
  return /^\s*\/\//.test(text.slice(starts[lineAtOffset(starts, offset) - 1], offset));
}

/** The script of every shell step, line by line, then each script passed to a call by path, as a one-line script that runs it. */
function jenkinsShellScripts(text: string, starts: readonly number[]): ScriptLine[][] {
  const scripts: ScriptLine[][] = [];
  const stepSpans: Array<[number, number]> = [];
  const regex = new RegExp(JENKINS_SHELL_STEP);
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const quote = match[1]!;
    const start = match.index + match[0].length;
    const end = groovyStringEnd(text, start, quote);
    if (end < 0) continue;
    regex.lastIndex = end + quote.length;
    if (inLineComment(text, starts, match.index)) continue;
    stepSpans.push([start, end]);
    const first = lineAtOffset(starts, start);
    scripts.push(text.slice(start, end).split(/\r?\n/).map((part, i) => scriptLine(part, first + i)));
  }
  for (const match of text.matchAll(SCRIPT_PATH_ARGUMENT)) {
    const at = match.index + match[0].indexOf(match[2]!);
    if (stepSpans.some(([start, end]) => at >= start && at < end) || inLineComment(text, starts, match.index)) continue;
    scripts.push([scriptLine(match[2]!, lineAtOffset(starts, at))]);
  }
  return scripts.sort((a, b) => a[0]!.line - b[0]!.line);
}

function jenkinsPipeline(text: string): Draft {
  const draft = emptyDraft();
  const starts = lineStarts(text);
  const scripts = jenkinsShellScripts(text, starts);
  addScripts(draft, scripts);
  for (const match of text.matchAll(JENKINS_CALL)) {
    if (inLineComment(text, starts, match.index)) continue;
    const line = lineAtOffset(starts, match.index);
    const source = text.slice(starts[line - 1], starts[line] ?? text.length);
    // Jenkins steps are calls, shown with their whole line; approval is read from `input` below.
    draft.uses.push({ reference: match[1]!, line, inputs: NO_INPUTS, shown: source });
  }
  const stages = [...text.matchAll(JENKINS_STAGE)].length;
  const triggers = JENKINS_TRIGGERS.filter(({ regex }) => regex.test(text)).map(({ trigger }) => trigger);
  // Without `triggers {}`, the Jenkins job decides: a multibranch webhook, SCM polling or a person, set up on the server.
  draft.triggers = triggers.length > 0 ? triggers : ['external'];
  draft.manualApproval = JENKINS_INPUT.test(text);
  draft.jobs = stages || (scripts.length > 0 ? 1 : 0);
  draft.disabled = draft.jobs === 0;
  return draft;
}

/** A declarative pipeline (`pipeline { … stages { … } }`) in a Groovy file of any name. */
const DECLARATIVE_PIPELINE = [/^[ \t]*pipeline[ \t]*\{/m, /\bstages[ \t]*\{/];
/** A scripted one (`node('linux') { stage('test') { … } }`). */
const SCRIPTED_PIPELINE = [/^[ \t]*node\b[^\n{]*\{/m, /\bstage[ \t]*\(/];

/** Jenkins: declarative and scripted Jenkinsfiles, read as text (Groovy is not parsed). */
export const jenkins: CiProviderDefinition = {
  provider: 'jenkins',
  files: [
    // `Jenkinsfile.nightly`, `Jenkinsfile_model_serving`, `Jenkinsfile-deploy`: one job's pipeline each.
    { path: /(?:^|\/)(?:Jenkinsfile(?:[._-][^/]+)?|[^/]+\.Jenkinsfile)$/i, anywhere: true },
    // `ci/deploy.groovy`, `pipelines/train.groovy`: a pipeline kept under another name and loaded by the job.
    { path: /\.(?:groovy|gvy)$/, anywhere: true, sniff: DECLARATIVE_PIPELINE, byContent: true },
    { path: /\.(?:groovy|gvy)$/, anywhere: true, sniff: SCRIPTED_PIPELINE, byContent: true },
  ],
  read: (file) => jenkinsPipeline(file.text),
};
