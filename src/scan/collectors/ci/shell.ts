/*
 * The shell lexer: a script's lines → logical lines (`\` continuations, folded YAML) → simple
 * commands → words, each word with the line it starts on.
 */

export interface ScriptLine {
  text: string;
  line: number;
  /** The command goes on on the next line (`\` at the end, or a folded YAML block). */
  joinsNext: boolean;
}

export interface Word {
  text: string;
  line: number;
}

/** One line of a script; a trailing `\` continues its command on the next line. */
export function scriptLine(raw: string, line: number, continued = false): ScriptLine {
  const text = raw.trim();
  return { text: text.replace(/\\$/, ''), line, joinsNext: continued || text.endsWith('\\') };
}

const SEPARATORS = new Set([';', '&', '|', '(', ')']);

export interface SimpleCommand {
  words: Word[];
  /** `bandit -r src || true`: followed by `||`, so the next command runs when this one fails. */
  orElse: boolean;
}

/**
 * Splits a logical line into simple commands (on `&&`, `||`, `;`, `|`, `&` and subshell
 * parentheses) made of words, keeping quotes inside words and dropping comments. Each word keeps
 * the line it starts on.
 */
export function simpleCommands(pieces: readonly ScriptLine[]): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: Word[] = [];
  let word = '';
  let wordLine = 0;
  let quote = '';
  const endWord = () => {
    if (word) words.push({ text: word, line: wordLine });
    word = '';
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push({ words, orElse: false });
    words = [];
  };
  for (const piece of pieces) {
    const text = piece.text;
    const closing = closingParentheses(text);
    // Past the last `}}` of a line no `${{` closes: searching again from each one would be quadratic.
    let expressionsClose = true;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (!word) wordLine = piece.line;
      const close = expressionsClose && c === '$' && text.startsWith('{{', i + 1) ? text.indexOf('}}', i + 3) : -1;
      if (close >= 0) {
        // `${{ env.OPTS }}` is replaced by the CI before the shell reads the line: one word, whatever its spaces.
        word += text.slice(i, close + 2);
        i = close + 1;
        continue;
      }
      if (c === '$' && text.startsWith('{{', i + 1)) expressionsClose = false;
      if (quote) {
        word += c;
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      } else if (c === '$' && closing.has(i + 1)) {
        // `$(…)` is part of its word: `$(Build.SourcesDirectory)/train.py`, `GROUP=$(basename $dir)`.
        const close = closing.get(i + 1)!;
        word += text.slice(i, close + 1);
        i = close;
      } else if (c === '"' || c === "'") {
        quote = c;
        word += c;
      } else if (c === '\\' && i + 1 < text.length) {
        word += c + text[++i];
      } else if (c === '#' && !word) {
        break;
      } else if (/\s/.test(c)) {
        endWord();
      } else if (SEPARATORS.has(c)) {
        const ended = commands.length;
        endCommand();
        if (c === '|' && text[i + 1] === '|') {
          i++;
          if (commands.length > ended) commands[ended]!.orElse = true;
        }
      } else {
        word += c;
      }
    }
    if (quote) word += ' ';
    else endWord();
  }
  endCommand();
  return commands;
}

/** For each `(` of a line that is closed on it, the index of its `)`: one pass, whatever the nesting. */
function closingParentheses(text: string): Map<number, number> {
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length > 0) closing.set(open.pop()!, i);
  }
  return closing;
}

/** Groups lines that continue one another into logical lines. */
export function logicalLines(lines: readonly ScriptLine[]): ScriptLine[][] {
  const groups: ScriptLine[][] = [];
  let current: ScriptLine[] = [];
  for (const line of lines) {
    current.push(line);
    if (line.joinsNext) continue;
    groups.push(current);
    current = [];
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Shell keywords before a command, as in `if …; then pytest; fi`: not part of the command. */
const SHELL_KEYWORDS = new Set(['if', 'then', 'do', 'else', 'elif', 'while', 'until', '!', '{']);

export function withoutKeywords(words: readonly Word[]): readonly Word[] {
  const first = words.findIndex((word) => !SHELL_KEYWORDS.has(word.text));
  return first < 0 ? [] : words.slice(first);
}

export function unquote(text: string): string {
  const first = text[0];
  return text.length >= 2 && (first === '"' || first === "'") && text.endsWith(first) ? text.slice(1, -1) : text;
}

export function wordsText(words: readonly Word[]): string {
  return words.map((word) => word.text).join(' ');
}

const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_]\w*)\1/;

/** A here-document: the line that opens it (its command) and its body. */
export interface HereDocument {
  opener: ScriptLine;
  body: ScriptLine[];
}

/**
 * A script without the bodies of its here-documents, and the documents apart: text written to a
 * file (`cat > config.yaml <<EOF … EOF`) runs nothing, but a body fed to an interpreter
 * (`python3 << 'EOF'`, `bash -s <<EOF`) is a program of the step.
 */
export function hereDocuments(lines: readonly ScriptLine[]): { kept: ScriptLine[]; documents: HereDocument[] } {
  const kept: ScriptLine[] = [];
  const documents: HereDocument[] = [];
  let delimiter: string | undefined;
  for (const line of lines) {
    if (delimiter !== undefined) {
      if (line.text === delimiter) delimiter = undefined;
      else documents[documents.length - 1]!.body.push(line);
      continue;
    }
    kept.push(line);
    delimiter = HEREDOC.exec(line.text)?.[2];
    if (delimiter !== undefined) documents.push({ opener: line, body: [] });
  }
  return { kept, documents };
}
