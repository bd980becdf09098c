import { scriptLine, type ScriptLine } from '../shell.js';
import { lineAtOffset, lineStarts, stringAt, type Literal } from '../source-text.js';

/*
 * Python task files (noxfile.py, tasks.py) read as text, never run: decorated functions by
 * indentation, and the string literals passed to calls such as `session.run("pytest", "-q")`.
 */

export interface PythonFunction {
  name: string;
  /** The decorator's text, arguments included (`@nox.session(python=["3.11"], name="tests")`). */
  decorator: string;
  /** The first parameter's name (`session`, `c`, `ctx`), which the body calls methods on. */
  receiver: string;
  line: number;
  /** The body's lines, with their 1-based line numbers. */
  body: Array<{ text: string; line: number }>;
}

/** Decorator arguments and call arguments span a few lines at most. */
const MAX_HEADER_LINES = 30;
/** A call's arguments are scanned this far for its closing parenthesis. */
const MAX_CALL_LENGTH = 4000;

function indentation(line: string): number {
  return line.length - line.trimStart().length;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) depth += c === '(' || c === '[' ? 1 : c === ')' || c === ']' ? -1 : 0;
  return depth <= 0;
}

/** Functions under a decorator that `decorator` matches (tested on the decorator's first line, from its `@`). */
export function decoratedFunctions(lines: readonly string[], decorator: RegExp): PythonFunction[] {
  const functions: PythonFunction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (!trimmed.startsWith('@') || !decorator.test(trimmed)) continue;
    let text = trimmed;
    let j = i;
    while (!balanced(text) && j + 1 < lines.length && j - i < MAX_HEADER_LINES) text += ` ${lines[++j]!.trim()}`;
    // Other decorators may sit between this one and the function.
    while (j + 1 < lines.length && lines[j + 1]!.trim().startsWith('@')) j++;
    const def = /^(\s*)(?:async\s+)?def\s+(\w+)\s*\(\s*(\w*)/.exec(lines[j + 1] ?? '');
    if (!def) continue;
    const depth = def[1]!.length;
    const body: PythonFunction['body'] = [];
    let k = j + 2;
    for (; k < lines.length; k++) {
      const line = lines[k]!;
      if (line.trim() !== '' && !line.trim().startsWith('#') && indentation(line) <= depth) break;
      body.push({ text: line, line: k + 1 });
    }
    functions.push({ name: def[2]!, decorator: text, receiver: def[3]!, line: j + 2, body });
    i = k - 1;
  }
  return functions;
}

/**
 * The positional string literals of every call `<receiver>.<method>(…)` in a body, each call's
 * in order: `session.run("pytest", "--cov", *session.posargs)` gives `pytest`, `--cov`, and a
 * list given as an argument gives its strings (`subprocess.run(["az", "ml", …])`). Keyword
 * arguments, names and expressions are left out.
 */
export function callLiterals(body: PythonFunction['body'], receiver: string, methods: readonly string[]): Literal[][] {
  if (!/^\w+$/.test(receiver)) return [];
  const text = body.map((line) => line.text).join('\n');
  const starts = lineStarts(text);
  // The body's lines follow one another in the file.
  const lineAt = (offset: number) => (body[0]?.line ?? 1) + lineAtOffset(starts, offset) - 1;
  const call = new RegExp(`(?<![\\w.])${receiver}\\.(?:${methods.join('|')})\\s*\\(`, 'g');
  const calls: Literal[][] = [];
  for (const match of text.matchAll(call)) {
    const literals: Literal[] = [];
    let depth = 1;
    let argument = '';
    // Inside a list that is itself an argument: its items are read as arguments.
    let list = false;
    const limit = Math.min(text.length, match.index + match[0].length + MAX_CALL_LENGTH);
    for (let i = match.index + match[0].length; i < limit && depth > 0; i++) {
      const c = text[i]!;
      const top = depth === 1 || (list && depth === 2);
      const prefix = /^[rRbBuUfF]{0,2}$/.test(argument.trim());
      const literal = top && prefix && (c === '"' || c === "'") ? stringAt(text, i) : null;
      if (literal) {
        literals.push({ value: literal.value, line: lineAt(i) });
        argument += 'x';
        i = literal.end - 1;
      } else if (c === '"' || c === "'") {
        i = (stringAt(text, i)?.end ?? i + 1) - 1;
        argument += 'x';
      } else if ('([{'.includes(c)) {
        list = c === '[' && depth === 1 && argument.trim() === '';
        depth++;
      } else if (')]}'.includes(c)) {
        depth--;
        if (depth === 1) list = false;
      } else if (c === ',' && top) argument = '';
      else argument += c;
    }
    calls.push(literals);
  }
  return calls;
}

/** Calls that run a command, and the program each adds in front of its arguments (`pytest.main([…])` runs pytest). */
const COMMAND_CALLS: ReadonlyArray<{ receiver: string; methods: readonly string[]; program?: string }> = [
  { receiver: 'subprocess', methods: ['run', 'call', 'check_call', 'check_output', 'Popen'] },
  { receiver: 'os', methods: ['system'] },
  { receiver: 'pytest', methods: ['main'], program: 'pytest' },
];

/** A word as the shell would need it written to stay one word. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) || value.includes("'") ? value : `'${value}'`;
}

/**
 * The commands a piece of Python code runs, as script lines: the code of `python -c "…"` or of a
 * here-document fed to Python in a CI step (`python3 << 'EOF'`). A single string is a shell
 * command line (`os.system("pytest -q")`); a list is the command's words.
 */
export function pythonCommands(body: PythonFunction['body']): ScriptLine[] {
  const commands: ScriptLine[] = [];
  for (const { receiver, methods, program } of COMMAND_CALLS) {
    for (const literals of callLiterals(body, receiver, methods)) {
      if (literals.length === 0 && !program) continue;
      const words = literals.length === 1 && !program ? [literals[0]!.value] : literals.map(({ value }) => shellWord(value));
      commands.push(scriptLine([...(program ? [program] : []), ...words].join(' '), literals[0]?.line ?? body[0]?.line ?? 1));
    }
  }
  return commands.sort((a, b) => a.line - b.line);
}
