import { describe, expect, it } from 'vitest';
import { javascriptView } from '../../src/scan/collectors/code/javascript.js';
import { markdownView } from '../../src/scan/collectors/code/markdown.js';
import { pythonView } from '../../src/scan/collectors/code/python.js';
import { rView } from '../../src/scan/collectors/code/r.js';
import { tomlView } from '../../src/scan/collectors/code/toml.js';
import type { CodeView } from '../../src/scan/collectors/code/view.js';

/** The logical lines of a view, runs of spaces shown as one and blank lines left out: what a pattern sees. */
function lines(view: CodeView): string[] {
  return view.text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The names whose definitions the view records, read back from the source at each offset. */
function definitions(source: string, view: CodeView): string[] {
  return [...view.definitions].map((at) => /^\w+/.exec(source.slice(at))![0]);
}

describe('the code view', () => {
  it('keeps every offset: as long as the source, each line break of a statement where it was', () => {
    const source = 'import mlflow  # tracking\r\nx = f(\n  1,\n)\n"""doc\nstring"""\n';
    const view = pythonView(source);
    expect(view.text).toHaveLength(source.length);
    expect(view.text.indexOf('mlflow')).toBe(source.indexOf('mlflow'));
    expect(lines(view)).toEqual(['import mlflow', 'x = f( 1, )']);
  });

  describe('Python', () => {
    it('leaves out comments, docstrings and prose strings, and keeps values and f-string fields', () => {
      const source = [
        '"""Trains the model: mlflow.log_metric(x) is called below."""',
        'import mlflow  # mlflow.log_param("x", 1) in a comment',
        'class Trainer:',
        '    """Wraps register_model(name)."""',
        '    def fit(self):',
        "        '''Fits.'''",
        '        print("call mlflow.log_metric(x) here")',
        '        mlflow.log_metric("accuracy", acc)',
        '        uri = "models:/fraud@champion"',
        '        log.info(f"prediction {y_pred} from model {model_version}")',
        '        query = """SELECT * FROM features"""',
      ].join('\n');
      expect(lines(pythonView(source))).toEqual([
        'import mlflow',
        'class Trainer:',
        'def fit(self):',
        'print(" ")',
        'mlflow.log_metric("accuracy", acc)',
        'uri = "models:/fraud@champion"',
        'log.info(f" {y_pred} {model_version}")',
        'query = """ """',
      ]);
    });

    it('joins a statement over several lines: open brackets and backslash continuations', () => {
      const source = 'mlflow.log_metric(\n    "auc",\n    auc,\n)\nparams = {\n    "random_state": 42,\n}\ntotal = a + \\\n    b\n';
      expect(lines(pythonView(source))).toEqual(['mlflow.log_metric( "auc", auc, )', 'params = { "random_state": 42, }', 'total = a + b']);
    });

    it('records where definitions name a function or a class, so that a call pattern can tell them from calls', () => {
      const source = 'def register_model(name):\n    pass\n\nasync def serve(): ...\nclass Pipeline(Base):\n    pass\nregister_model("churn")\n';
      expect(definitions(source, pythonView(source))).toEqual(['register_model', 'serve', 'Pipeline']);
    });

    it('ends an unterminated string at its line, as Python does', () => {
      expect(lines(pythonView('x = "unterminated prose\nmlflow.autolog()\n'))).toEqual(['x = "', 'mlflow.autolog()']);
    });

    it('leaves out shell escapes and magics in a notebook cell, and a cell in another language', () => {
      expect(lines(pythonView('!pip install mlflow\n%matplotlib inline\nimport mlflow\n', { notebookCell: true }))).toEqual(['import mlflow']);
      expect(lines(pythonView('%%bash\npython train.py\n', { notebookCell: true }))).toEqual([]);
    });
  });

  describe('JavaScript and TypeScript', () => {
    it('leaves out comments, regular expressions and prose, keeps template expressions and values', () => {
      const source = [
        "// new OpenAI() in a comment",
        "/* import http from 'k6/http' */",
        'const re = /k6\\/http/g; const ratio = a / b / c;',
        "const help = 'call new OpenAI() here';",
        "const script = `import http from 'k6/http'; ${load('k6/http')} done`;",
        "import http from 'k6/http';",
      ].join('\n');
      expect(lines(javascriptView(source))).toEqual([
        'const re = / /g; const ratio = a / b / c;',
        "const help = ' ';",
        "const script = ` ${load('k6/http')} `;",
        "import http from 'k6/http';",
      ]);
    });

    it('tells the words before an expression and the definitions from identifiers of the same first letter and length', () => {
      const source = [
        "function f() { return /k6\\/http/.test(x); }",
        'const rename = total / count / 2; const a = renamed / 2 / 3;',
        'if (x instanceof /ab/.constructor) typeof /cd/;',
        'const longIdentifierNameHere = q / 2 / 3; const naïve = r / 2 / 3;',
        'class Model {} const klass = 1; classy(Model); function* steps() {}',
      ].join('\n');
      const view = javascriptView(source);
      expect(lines(view)).toEqual([
        'function f() { return / /.test(x); }',
        'const rename = total / count / 2; const a = renamed / 2 / 3;',
        'if (x instanceof / /.constructor) typeof / /;',
        'const longIdentifierNameHere = q / 2 / 3; const naïve = r / 2 / 3;',
        'class Model {} const klass = 1; classy(Model); function* steps() {}',
      ]);
      expect(definitions(source, view)).toEqual(['f', 'Model', 'steps']);
    });

    it('joins arguments over several lines but keeps the statements of a block apart', () => {
      const source = 'client.chat.completions.create(\n  model,\n  messages,\n);\nfunction handler(req) {\n  run();\n  done();\n}\n';
      const view = javascriptView(source);
      expect(lines(view)).toEqual(['client.chat.completions.create( model, messages, );', 'function handler(req) {', 'run();', 'done();', '}']);
      expect(definitions(source, view)).toEqual(['handler']);
    });
  });

  it('R: leaves out comments and prose strings, joins a call over several lines', () => {
    const source = '# glm(y ~ x) in a comment\nmodel <- glm(churn ~ tenure,\n  family = binomial, data = train)\nmsg <- "fit a randomForest(x) later"\nraw <- r"(a raw prose string)"\nlibrary(caret)\n';
    expect(lines(rView(source))).toEqual(['model <- glm(churn ~ tenure, family = binomial, data = train)', 'msg <- " "', 'raw <- r"( )"', 'library(caret)']);
  });

  it('TOML: joins an array over several lines and leaves out comments and prose', () => {
    const source = '[tool.ruff]\n# select = ["S"]\nselect = [\n  "E",\n  "S",  # bandit\n]\ndescription = "a tool with S rules"\n';
    expect(lines(tomlView(source))).toEqual(['[tool.ruff]', 'select = [ "E", "S", ]', 'description = " "']);
  });

  it('Markdown: keeps code blocks and inline code, leaves out prose', () => {
    const source = [
      '# Operations',
      'make it fetch or run anything.',
      'Run `helm rollback api 3` to go back.',
      '```bash',
      'pip install -e .',
      'helm upgrade api ./chart \\',
      '  --atomic',
      '```',
      '1. Roll back:',
      '',
      '       kubectl rollout undo deployment/api',
      '',
      '    - a nested list item is prose',
    ].join('\n');
    expect(lines(markdownView(source))).toEqual(['helm rollback api 3', 'pip install -e .', 'helm upgrade api ./chart --atomic', 'kubectl rollout undo deployment/api']);
  });
});
