/**
 * Literal text that any match of a regular expression must contain, found conservatively: for a
 * pattern that is an alternation, the literal each alternative starts with. A text that contains
 * none of them cannot match, and `String.includes` answers that far faster than the regex engine
 * can scan a file for a pattern that begins with `\b(` or an alternation.
 *
 * Returns null whenever that cannot be established with certainty (character classes, groups
 * whose content is optional, flags, anything unusual): the caller then always runs the regex.
 */
export function requiredLiterals(pattern: string, minLength = 3): readonly string[] | null {
  const key = `${minLength}\u0000${pattern}`;
  if (!known.has(key)) {
    if (known.size >= KEPT) known.clear();
    known.set(key, findLiterals(pattern, minLength));
  }
  return known.get(key)!;
}

/** Every scan asks again for the same signals' literals: the answers are kept (they never change). */
const known = new Map<string, readonly string[] | null>();
const KEPT = 4_096;

function findLiterals(pattern: string, minLength: number): string[] | null {
  const alternatives = topLevelAlternatives(pattern);
  if (!alternatives) return null;
  const literals: string[] = [];
  for (const alternative of alternatives) {
    const found = alternativeLiterals(alternative, minLength);
    if (!found) return null;
    literals.push(...found);
  }
  return literals;
}

/** A quantifier that allows zero repetitions: what it applies to may be absent. */
const OPTIONAL = /^([?*]|\{0[,}])\??/;

/**
 * Removes what an alternative may start with without requiring any text: anchors, `\s*`, and
 * optional atoms such as `-?` or `(data_)?`. Whatever follows must still appear in a match.
 */
function skipOptionalStart(pattern: string): string {
  let rest = pattern;
  for (;;) {
    const anchor = /^(\^|\\b|\\s\+)/.exec(rest);
    if (anchor) {
      rest = rest.slice(anchor[0].length);
      continue;
    }
    const atom = rest.startsWith('(') ? closingParen(rest, 0) + 1 : rest.startsWith('\\') ? 2 : rest.startsWith('[') ? rest.indexOf(']', 2) + 1 : 1;
    if (atom > 0 && atom <= rest.length && OPTIONAL.test(rest.slice(atom))) {
      rest = rest.slice(atom).replace(OPTIONAL, '');
      continue;
    }
    return rest;
  }
}

/**
 * One alternative: the literal it starts with; or, when that is too short to be worth searching
 * and a group that must match follows, the group's literals.
 */
function alternativeLiterals(alternative: string, minLength: number): string[] | null {
  const rest = skipOptionalStart(alternative);
  const literal = leadingLiteral(rest) ?? '';
  if (literal.length >= minLength) return [literal];
  const after = rest.slice(literalSourceLength(rest));
  if (!after.startsWith('(')) return null;
  const close = closingParen(after, 0);
  const plainGroup = /^\((\?:)?(?!\?)/.exec(after);
  if (close < 0 || !plainGroup || OPTIONAL.test(after.slice(close + 1))) return null;
  return findLiterals(after.slice(plainGroup[0].length, close), minLength);
}

/** How many characters of the pattern the leading literal spans (escapes count two). */
function literalSourceLength(pattern: string): number {
  let length = 0;
  let rest = pattern;
  for (;;) {
    const match = LITERAL_ESCAPE.exec(rest) ?? WORD_CHAR.exec(rest);
    if (!match || OPTIONAL.test(rest.slice(match[0].length)) || /^[+{]/.test(rest.slice(match[0].length))) return length;
    length += match[0].length;
    rest = rest.slice(match[0].length);
  }
}

/** Splits at `|` outside groups and classes. */
function topLevelAlternatives(body: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0 || inClass) return null;
  return [...parts, body.slice(start)];
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Escapes that stand for one literal character. */
const LITERAL_ESCAPE = /^\\([.\\/\-_(){}[\]|^$*+?:'"=<>@#!&,;])/;
const WORD_CHAR = /^[A-Za-z0-9_\-:/'"=<>@#!&,; ]/;

/** The literal text at the start of a pattern, or null when it starts otherwise. */
function leadingLiteral(pattern: string): string | null {
  let rest = pattern;
  let literal = '';
  while (rest.length > 0) {
    const escape = LITERAL_ESCAPE.exec(rest);
    const plain = escape ? null : WORD_CHAR.exec(rest);
    const match = escape ?? plain;
    if (!match) break;
    const char = escape ? escape[1]! : plain![0];
    rest = rest.slice(match[0].length);
    // A quantifier that allows zero repetitions makes the character optional: stop before it.
    if (/^[?*]|^\{0/.test(rest)) break;
    literal += char;
    if (/^[+{]/.test(rest)) break;
  }
  return literal.length > 0 ? literal : null;
}
