import type { CodeLanguage, Token } from './code-tokens.js';

/*
 * What the names of a source file stand for, from its import statements. Modules are written the
 * Python way whatever the language (`aws-cdk-lib/aws-sagemaker` becomes `aws_cdk.aws_sagemaker`,
 * `@pulumi/aws` becomes `pulumi_aws`), so that one table reads CDK, CDK for Terraform and Pulumi
 * code in both languages.
 */

/** Local name → the module path it stands for, ending with the imported member if any. */
export type Bindings = ReadonlyMap<string, readonly string[]>;

/** A TypeScript or JavaScript module specifier as the Python module path of the same library, or null for other libraries. */
export function pythonModuleOf(specifier: string): string[] | null {
  const parts = specifier.split('/');
  const [scope, name, ...rest] = parts;
  if (scope === 'aws-cdk-lib') return ['aws_cdk', ...parts.slice(1).map(snake)];
  if (scope === '@aws-cdk' && name) return ['aws_cdk', snake(name)];
  if (scope === 'cdktf' && !name) return ['cdktf'];
  if (scope === '@cdktf' && name?.startsWith('provider-')) return [`cdktf_cdktf_provider_${snake(name.slice('provider-'.length))}`, ...rest.filter((part) => part !== 'lib').map(snake)];
  if (scope === '@pulumi' && name) return [name === 'pulumi' ? 'pulumi' : `pulumi_${snake(name)}`, ...rest.map(snake)];
  // Bindings that `cdktf get` generates into the project: `./.gen/providers/aws/sagemaker-endpoint`.
  const generated = parts.indexOf('providers');
  if (generated > 0 && parts[generated - 1] === '.gen' && parts[generated + 1]) {
    return [`cdktf_cdktf_provider_${snake(parts[generated + 1]!)}`, ...parts.slice(generated + 2).map(snake)];
  }
  return null;
}

function snake(part: string): string {
  return part.replace(/-/g, '_');
}

/** The Python module path as the libraries spell it: `imports.aws` (generated CDK for Terraform bindings) reads as the provider package. */
function pythonModule(path: string[], importsCdktf: boolean): string[] {
  return importsCdktf && path[0] === 'imports' && path[1] ? [`cdktf_cdktf_provider_${path[1]}`, ...path.slice(2)] : path;
}

/** Reads dotted names from `tokens[at]`: `aws_cdk.aws_sagemaker`. */
function dottedName(tokens: readonly Token[], at: number): { parts: string[]; next: number } {
  const parts: string[] = [];
  let i = at;
  while (tokens[i]?.type === 'name') {
    parts.push(tokens[i]!.value);
    if (tokens[i + 1]?.value !== '.') return { parts, next: i + 1 };
    i += 2;
  }
  return { parts, next: i };
}

function pythonBindings(tokens: readonly Token[]): Map<string, string[]> {
  const bindings = new Map<string, string[]>();
  const importsCdktf = tokens.some((token, i) => token.value === 'cdktf' && (tokens[i - 1]?.value === 'import' || tokens[i - 1]?.value === 'from'));
  for (let i = 0; i < tokens.length; i++) {
    const atStatementStart = i === 0 || tokens[i - 1]!.type === 'newline' || tokens[i - 1]!.value === ';';
    if (!atStatementStart || tokens[i]!.type !== 'name') continue;
    if (tokens[i]!.value === 'import') {
      // `import a.b as c, d`: without `as`, the first part is bound and the rest is reached through it.
      let at = i + 1;
      for (;;) {
        const { parts, next } = dottedName(tokens, at);
        if (parts.length === 0) break;
        if (tokens[next]?.value === 'as' && tokens[next + 1]?.type === 'name') {
          bindings.set(tokens[next + 1]!.value, pythonModule(parts, importsCdktf));
          at = next + 2;
        } else {
          bindings.set(parts[0]!, pythonModule(parts.slice(0, 1), importsCdktf));
          at = next;
        }
        if (tokens[at]?.value !== ',') break;
        at += 1;
      }
    } else if (tokens[i]!.value === 'from') {
      const { parts: module, next } = dottedName(tokens, i + 1);
      if (module.length === 0 || tokens[next]?.value !== 'import') continue;
      const path = pythonModule(module, importsCdktf);
      let at = next + 1;
      const parenthesised = tokens[at]?.value === '(';
      if (parenthesised) at += 1;
      while (tokens[at]) {
        const token = tokens[at]!;
        if (token.type === 'newline' ? !parenthesised : token.value === ')') break;
        if (token.type === 'name') {
          const alias = tokens[at + 1]?.value === 'as' && tokens[at + 2]?.type === 'name' ? tokens[at + 2]!.value : token.value;
          bindings.set(alias, [...path, token.value]);
          at += alias === token.value ? 1 : 3;
        } else at += 1;
      }
    }
  }
  return bindings;
}

/** Tokens a destructuring `require` may span: enough for any real one, and a bound on the look back. */
const MAX_DESTRUCTURED = 200;

/** `import X from 'm'`, `import * as X from 'm'`, `import { a as b } from 'm'`, `const X = require('m')`, `const { a: b } = require('m')`. */
function javascriptBindings(tokens: readonly Token[]): Map<string, string[]> {
  const bindings = new Map<string, string[]>();
  const bind = (clause: readonly Token[], module: string[]) => {
    let i = 0;
    while (i < clause.length) {
      const token = clause[i]!;
      if (token.value === '*' && clause[i + 1]?.value === 'as' && clause[i + 2]?.type === 'name') {
        bindings.set(clause[i + 2]!.value, module);
        i += 3;
      } else if (token.value === '{') {
        i = bindMembers(clause, i + 1, module);
      } else {
        if (token.type === 'name' && token.value !== 'type') bindings.set(token.value, module);
        i += 1;
      }
    }
  };
  const bindMembers = (clause: readonly Token[], from: number, module: string[]) => {
    let i = from;
    while (i < clause.length && clause[i]!.value !== '}') {
      const token = clause[i]!;
      const renamed = clause[i + 1]?.value === 'as' || clause[i + 1]?.value === ':';
      if (token.type === 'name' && token.value !== 'type') {
        const local = renamed && clause[i + 2]?.type === 'name' ? clause[i + 2]!.value : token.value;
        bindings.set(local, [...module, token.value]);
        i += renamed ? 3 : 1;
      } else i += 1;
    }
    return i + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'name' && token.value === 'import' && tokens[i - 1]?.value !== '.') {
      // The clause runs to `from`; a bare `import 'm'` binds nothing.
      let end = i + 1;
      while (end < tokens.length && tokens[end]!.value !== 'from' && tokens[end]!.type !== 'string' && tokens[end]!.value !== ';') end += 1;
      const module = tokens[end]?.value === 'from' && tokens[end + 1]?.type === 'string' ? pythonModuleOf(tokens[end + 1]!.value) : null;
      if (module) bind(tokens.slice(i + 1, end), module);
      i = end;
    } else if (token.value === 'require' && tokens[i + 1]?.value === '(' && tokens[i + 2]?.type === 'string' && tokens[i - 1]?.value === '=') {
      const module = pythonModuleOf(tokens[i + 2]!.value);
      if (!module) continue;
      // Back over `const X =` or `const { a, b: c } =`.
      const target = tokens[i - 2];
      if (target?.type === 'name') bindings.set(target.value, module);
      else if (target?.value === '}') {
        const open = tokens.slice(Math.max(0, i - MAX_DESTRUCTURED), i - 2).map((candidate) => candidate.value).lastIndexOf('{');
        if (open >= 0) bindMembers(tokens, Math.max(0, i - MAX_DESTRUCTURED) + open + 1, module);
      }
    }
  }
  return bindings;
}

export function importBindings(tokens: readonly Token[], language: CodeLanguage): Bindings {
  return language === 'python' ? pythonBindings(tokens) : javascriptBindings(tokens);
}
