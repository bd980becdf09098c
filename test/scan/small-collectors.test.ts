import { describe, expect, it } from 'vitest';
import { codeCollector } from '../../src/scan/collectors/code/index.js';
import { docsCollector } from '../../src/scan/collectors/docs.js';
import { notebooksCollector } from '../../src/scan/collectors/notebooks.js';
import { testsCollector } from '../../src/scan/collectors/tests.js';
import { collect } from '../helpers/collect.js';

const notebook = (cells: Array<{ code: string; outputs?: boolean }>) =>
  JSON.stringify({
    nbformat: 4,
    cells: [{ cell_type: 'markdown', source: ['# Title'] }, ...cells.map((cell) => ({ cell_type: 'code', source: cell.code.split(/(?<=\n)/), outputs: cell.outputs ? [{ output_type: 'stream' }] : [] }))],
  });

describe('docs', () => {
  it('finds the root documents, their headings and the licence', () => {
    const { facts } = collect(docsCollector, {
      'README.md': '# Churn\n\n## Getting started\n\n```bash\n# not a heading\n```\n\n## Training\n',
      'LICENSE': 'Apache License\n                           Version 2.0, January 2004\n',
      '.github/CODEOWNERS': '# owners\n* @acme/ml\n/infra/ @acme/sre\n',
      'docs/SECURITY.md': '# Security',
      'CONTRIBUTING.md': '# Contributing',
      'docs/model_card.md': '# Model card\n## Intended use\n## Limitations\n',
      'examples/demo/MODEL_CARD.md': '# Not ours',
      'vendor/lib/README.md': '# Vendored',
    });
    expect(facts.readme).toEqual({ path: 'README.md', headings: ['Churn', 'Getting started', 'Training'] });
    expect(facts.license).toMatchObject({ path: 'LICENSE', spdx: 'Apache-2.0' });
    expect(facts.codeowners).toMatchObject({ path: '.github/CODEOWNERS', rules: 2 });
    expect(facts.security?.path).toBe('docs/SECURITY.md');
    expect(facts.modelCard).toEqual({ path: 'docs/model_card.md', headings: ['Model card', 'Intended use', 'Limitations'] });
    expect(facts.changelog).toBeNull();
  });

  it.each([
    ['MODEL_CARD.md', 'MODEL_CARD.md'],
    ['docs/model-card.md', 'docs/model-card.md'],
    ['a folder of model cards', 'model_cards/churn.md'],
    ['a model card folder', 'docs/model-card/README.md'],
    ['ModelCard.rst', 'ModelCard.rst'],
  ])('finds a model card written as %s', (_name, path) => {
    const { facts } = collect(docsCollector, { [path]: '# Churn model\n', 'docs/cards.md': '# Not one', 'src/model_card.py': 'x = 1\n' });
    expect(facts.modelCard?.path).toBe(path);
  });

  it('recognises a Hugging Face model card in the README front matter', () => {
    const { facts } = collect(docsCollector, { 'README.md': '---\nlicense: mit\nlibrary_name: transformers\n---\n# Model\n' });
    expect(facts.modelCard?.path).toBe('README.md');
  });
});

describe('notebooks', () => {
  it('measures the share of code in notebooks and finds committed outputs', () => {
    const { facts, warnings } = collect(notebooksCollector, {
      'src/features.py': 'import pandas as pd\n\n# a comment\ndef f(df):\n    return df\n',
      'notebooks/eda.ipynb': notebook([{ code: 'import pandas as pd\ndf = pd.read_csv("x")\n# comment\n', outputs: true }, { code: 'df.head()' }]),
      'notebooks/clean.ipynb': notebook([{ code: 'x = 1' }]),
      'vendor/lib/big.py': 'a = 1\n'.repeat(100),
      'broken.ipynb': '{not json',
    });
    expect(facts).toMatchObject({ count: 3, withOutputs: ['notebooks/eda.ipynb'], notebookCodeLines: 4, moduleCodeLines: 3, notebookShare: 0.571 });
    expect(warnings).toEqual([{ path: 'broken.ipynb', message: 'notebook is not valid JSON in nbformat; its code was not counted' }]);
  });

  it('weighs the modules of the languages notebooks are written in, their comments left out', () => {
    const { facts } = collect(notebooksCollector, {
      'core/src/main/scala/op/Selector.scala': '/**\n * Picks a model.\n */\nclass Selector {\n  // the best one\n  def best = 1\n}\n',
      'analysis/fit.R': '# fits\nfit <- lm(y ~ x)\n',
      'vision/mlp.jl': 'using Flux\n',
      'helloworld/notebooks/Titanic.ipynb': notebook([{ code: 'val df = spark.read.csv("titanic.csv")\ndf.show()' }]),
      // Front-end code and configuration are not where a notebook's work would otherwise live.
      'web/app.ts': 'export const x = 1;\n'.repeat(50),
    });
    expect(facts).toMatchObject({ notebookCodeLines: 2, moduleCodeLines: 5, notebookShare: 0.286 });
  });
});

describe('tests', () => {
  it('finds test files and frameworks, not tests of examples', () => {
    const { facts } = collect(testsCollector, {
      'tests/test_features.py': 'import pytest\n\n\ndef test_scaling():\n    assert scale([2]) == [1]\n',
      'tests/test_props.py': 'from hypothesis import given\n\n\n@given(st.floats())\ndef test_clip(x):\n    assert 0 <= clip(x) <= 1\n',
      'src/model_test.py': 'import unittest\n\n\nclass ModelTest(unittest.TestCase):\n    def test_fit(self):\n        self.assertEqual(fit([1]).n, 1)\n',
      // Run by path in CI (`pytest src/tests/etl_tests.py`), though not by pytest's default discovery.
      'src/tests/etl_tests.py': 'def test_transform_pipeline():\n    assert run() is not None\n',
      // Named like a test, but a script that calls a service once.
      'local_flow/src/test_gantry.py': 'import gantry\n\nif __name__ == "__main__":\n    gantry.init(logs_location=LOGS)\n',
      // A test.py run by path (`python test.py`) with a pytest-named test; another, a model's evaluation on its test split.
      'test.py': 'import pickle\n\n\ndef test_model_loading():\n    with open("model/model.pkl", "rb") as f:\n        assert pickle.load(f) is not None\n',
      'mnist/test.py': 'def test(model, loader):\n    correct = sum(int(model(x).argmax() == y) for x, y in loader)\n    assert len(loader) > 0\n    print(correct / len(loader))\n',
      'tests/helpers.py': '',
      'examples/demo/test_demo.py': 'import pytest\n\n\ndef test_demo():\n    pass\n',
      'pyproject.toml': '[tool.pytest.ini_options]\ntestpaths = ["tests"]\n',
      'tox.ini': '[tox]\nenvlist = py311\n',
      'src/model.py': '',
      'src/__init__.py': '',
    });
    expect(facts.files).toEqual(['src/model_test.py', 'src/tests/etl_tests.py', 'test.py', 'tests/test_features.py', 'tests/test_props.py']);
    expect(facts.frameworks).toEqual(['hypothesis', 'pytest', 'tox', 'unittest']);
    expect(facts.configs).toEqual([{ path: 'pyproject.toml', framework: 'pytest' }, { path: 'tox.ini', framework: 'tox' }]);
    expect(facts.sourceFiles).toBe(3);
  });

  it("finds other languages' tests where their runners collect them, when they declare a test", () => {
    const { facts } = collect(testsCollector, {
      'core/src/test/scala/op/SelectorTest.scala': 'class SelectorTest extends FlatSpec with TestSparkContext {\n  it should "pick the best model" in { assert(best.isDefined) }\n}\n',
      'serving/src/test/java/app/HandlerTest.java': 'public class HandlerTest {\n  @Test\n  public void classifies() { Assert.assertEquals(1, 1); }\n}\n',
      'app/src/test/kotlin/app/RouteTest.kt': 'class RouteTest : StringSpec({ "ok" { 1 shouldBe 1 } })\n',
      'tests/testthat/test-predict.R': 'test_that("predict returns one row per input", {\n  expect_equal(nrow(predict(v, cars)), 32)\n})\n',
      'test/runtests.jl': 'using Test\n@testset "model" begin\n  @test size(model(x)) == (10, 1)\nend\n',
      'router/tests/test_http_embed.rs': '#[tokio::test]\nasync fn test_embed() {\n    assert_eq!(embed().len(), 1);\n}\n',
      'server/handler_test.go': 'package server\n\nfunc TestHandler(t *testing.T) {\n\tif handle() != nil { t.Fatal() }\n}\n',
      'spec/lib/answer_composer_spec.rb': 'RSpec.describe AnswerComposer do\n  it "returns an answer" do\n    expect(described_class.call(question)).to be_a(Answer)\n  end\nend\n',
      'test/models/user_test.rb': 'class UserTest < ActiveSupport::TestCase\n  test "requires an email" do\n    assert_not User.new.valid?\n  end\nend\n',
      // RSpec's shared setup declares no example.
      'spec/support/shared_context_spec.rb': 'RSpec.shared_context "signed in" do\n  let(:user) { create(:user) }\nend\n',
      // Helpers beside the tests declare none: a Spark context for the specs, testthat's setup, test data in Julia.
      'core/src/test/scala/op/TestSparkContext.scala': 'trait TestSparkContext { lazy val spark = SparkSession.builder.getOrCreate() }\n',
      'tests/testthat/helper.R': 'make_model <- function() lm(mpg ~ ., mtcars)\n',
      'test/data.jl': 'const X = rand(10, 4)\n',
      // Main sources of the same languages are no tests.
      'core/src/main/scala/op/Selector.scala': 'class Selector extends Estimator { def test(x: Int) = x }\n',
    });
    expect(facts.files).toEqual([
      'app/src/test/kotlin/app/RouteTest.kt',
      'core/src/test/scala/op/SelectorTest.scala',
      'router/tests/test_http_embed.rs',
      'server/handler_test.go',
      'serving/src/test/java/app/HandlerTest.java',
      'spec/lib/answer_composer_spec.rb',
      'test/models/user_test.rb',
      'test/runtests.jl',
      'tests/testthat/test-predict.R',
    ]);
  });

  it("sets apart tests of a dataset that import none of the project's code", () => {
    const dataTest = 'import os\n\nimport pandas as pd\nimport pytest\n\nfrom tests import _PATH_DATA\n\n\n@pytest.mark.skipif(not os.path.exists(_PATH_DATA), reason="no data")\ndef test_data():\n    train = pd.read_csv(_PATH_DATA + "/raw/train.csv")\n    assert train.shape[1] == 3\n';
    const { facts } = collect(testsCollector, {
      'tests/test_data.py': dataTest,
      // The same reads beside the project's code, or a helper of its own package, test that code.
      'tests/test_features.py': 'import pandas as pd\n\nfrom churn.features import scale\n\n\ndef test_scale():\n    frame = pd.read_csv("tests/data/sample.csv")\n    assert scale(frame).max() == 1\n',
      'tests/test_relative.py': 'import numpy as np\n\nfrom .helpers import fit\n\n\ndef test_fit():\n    assert fit(np.load("x.npy")) is not None\n',
    });
    expect(facts.files).toEqual(['tests/test_features.py', 'tests/test_relative.py']);
    expect(facts.dataOnly).toEqual(['tests/test_data.py']);
  });

  it('leaves out test files whose every test checks nothing and commands named like tests, and keeps one real test among placeholders', () => {
    const { facts } = collect(testsCollector, {
      'tests/unit/code_test.py': 'def test_get_workspace(): assert True\n',
      'tests/test_pipelines.py':
        'import pytest\n\n\n@pytest.mark.xfail\ndef test_that_you_wrote_tests():\n    """Replace me."""\n    assert False, "No tests written"\n\n\ndef test_pipelines_importable():\n    import pipelines  # noqa: F401\n',
      'test/taxi/test_taxi_to_delete.py': 'def test_hello():\n    print("Hello")\n',
      'test/taxi/test_print_to_delete.py': 'def test_print():\n    try:\n        print("Hello") is None\n    except:\n        print("Test print function failed.")\n        assert False\n',
      'tests/test_raises.py': 'def test_rejects_empty():\n    try:\n        predict([])\n    except ValueError:\n        pass\n    else:\n        assert False\n',
      'tests/test_empty.py': 'class TestNothing:\n    def test_todo(self):\n        # TODO\n        pass\n\n    async def test_later(self):\n        ...\n',
      'tests/test_case.py': 'import unittest\n\n\nclass ModelTest(unittest.TestCase):\n    pass\n',
      'tests/test_mixed.py': 'def test_placeholder():\n    assert True\n\n\ndef test_scaling():\n    """Scales to one."""\n    assert scale([2]) == [1]\n',
      'tests/test_multiline.py': 'def test_predict(\n    model,\n):\n    assert model.predict([[0]]) is not None\n',
      // A deployment step's smoke command, named like a test; a test file that runs pytest on itself is still a test.
      'tests/test_endpoints.py':
        'import argparse\n\n\ndef test_endpoint(endpoint_name):\n    status = client.describe_endpoint(EndpointName=endpoint_name)["EndpointStatus"]\n    if status != "InService":\n        raise Exception(status)\n\n\nif __name__ == "__main__":\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--import-build-config", required=True)\n    args, _ = parser.parse_known_args()\n    test_endpoint(load(args.import_build_config))\n',
      'tests/test_cli.py': 'import sys\n\nimport pytest\n\n\ndef test_parse():\n    assert parse(["--n", "2"]).n == 2\n\n\nif __name__ == "__main__":\n    sys.exit(pytest.main(sys.argv))\n',
      // Tests that print what they got and check nothing anywhere in the file are demonstration scripts;
      // one that raises in a helper, or a smoke test that prints nothing, can fail.
      'src/gradio/test_demo.py':
        'import unittest\n\nfrom gradio_client import Client\n\n\nclass TestGPTGradio(unittest.TestCase):\n    def test_predict(self):\n        client = Client("http://localhost:80")\n        result = client.predict("THE RIDDLE HOUSE", 512, api_name="/predict")\n        print(f"got result = {result}")\n',
      'tests/test_config_hash.py':
        'def test_hash_consistency():\n    print("Test 1: Hash Consistency")\n    hashes = [generate_config_hash(config) for _ in range(5)]\n    print_section(hashes)\n\n\ndef test_hash_changes():\n    first = generate_config_hash({"a": 1})\n    second = generate_config_hash({"a": 2})\n',
      'tests/test_client.py':
        'def call(url):\n    response = requests.get(url)\n    response.raise_for_status()\n    return response\n\n\ndef test_calls():\n    payload = call("http://localhost:8080/infer").json()\n    print(payload)\n',
      'tests/test_smoke.py': 'from churn.train import main\n\n\ndef test_train_runs():\n    main({"epochs": 1})\n',
      'tests/test_exits.py': 'import sys\n\n\ndef test_schema():\n    result = validate(load())\n    print(result)\n    if not result.success:\n        sys.exit(1)\n',
      'scripts/test_e2e.py': 'import sys\n\n\ndef test_loading():\n    docs = load_documents("data")\n    print(f"{len(docs)} documents")\n\n\nif __name__ == "__main__":\n    sys.exit(main())\n',
      // Spring Initializr's generated test only starts the context; a Kotlin test with an assertion is real.
      'backend/src/test/java/com/acme/AppApplicationTests.java':
        'package com.acme;\n\nimport org.junit.jupiter.api.Test;\nimport org.springframework.boot.test.context.SpringBootTest;\n\n@SpringBootTest\nclass AppApplicationTests {\n\n    @Test\n    void contextLoads() {\n    }\n\n}\n',
      'backend/src/test/kotlin/com/acme/PricingTest.kt':
        'class PricingTest {\n    @Test\n    fun `context loads`() {\n    }\n\n    @Test\n    fun `prices a car`() {\n        assertEquals(100, price(car))\n    }\n}\n',
      // Kedro's generated test_run.py asserts what the template was generated with.
      'src/tests/test_run.py':
        'from pathlib import Path\n\nimport pytest\nfrom kedro.framework.context import KedroContext\n\n\n@pytest.fixture\ndef project_context():\n    return KedroContext(package_name="churn", project_path=Path.cwd())\n\n\n# The tests below are here for the demonstration purpose\n# and should be replaced with the ones testing the project\n# functionality\nclass TestProjectContext:\n    def test_package_name(self, project_context):\n        assert project_context.package_name == "churn"\n\n    def test_project_path(self, project_context):  # type: ignore\n        assert project_context.project_path == Path.cwd()\n',
      // The AWS CDK's `cdk init` test builds the stack and leaves its assertion commented out; with it uncommented, it tests.
      'tests/unit/test_infra_stack.py':
        'import aws_cdk as core\nimport aws_cdk.assertions as assertions\n\nfrom infra.infra_stack import InfraStack\n\n# example tests. To run these tests, uncomment this file along with the example\n# resource in infra/infra_stack.py\ndef test_sqs_queue_created():\n    app = core.App()\n    stack = InfraStack(app, "infra")\n    template = assertions.Template.from_stack(stack)\n\n#     template.has_resource_properties("AWS::SQS::Queue", {\n#         "VisibilityTimeout": 300\n#     })\n',
      'tests/unit/test_model_stack.py':
        'import aws_cdk as core\nimport aws_cdk.assertions as assertions\n\nfrom infra.model_stack import ModelStack\n\ndef test_endpoint_created():\n    app = core.App()\n    stack = ModelStack(app, "model")\n    template = assertions.Template.from_stack(stack)\n    template.resource_count_is("AWS::SageMaker::Endpoint", 1)\n',
      // Create React App's and Angular CLI's generated tests; a generated spec the team added a test to is real.
      'frontend/src/App.test.tsx':
        "import React from 'react';\nimport { render, screen } from '@testing-library/react';\nimport App from './App';\n\ntest('renders learn react link', () => {\n  render(<App />);\n  const linkElement = screen.getByText(/learn react/i);\n  expect(linkElement).toBeInTheDocument();\n});\n",
      'web/src/app/app.component.spec.ts':
        "describe('AppComponent', () => {\n  it('should create the app', () => {\n    expect(app).toBeTruthy();\n  });\n\n  it(`should have the 'shop' title`, () => {\n    expect(app.title).toEqual('shop');\n  });\n\n  it('should render title', () => {\n    expect(compiled.querySelector('h1')?.textContent).toContain('Hello, shop');\n  });\n});\n",
      'web/src/app/price.component.spec.ts':
        "describe('PriceComponent', () => {\n  it('should create', () => {\n    expect(component).toBeTruthy();\n  });\n\n  it('formats cents', () => {\n    expect(component.format(1999)).toBe('$19.99');\n  });\n});\n",
    });
    expect(facts.files).toEqual([
      'backend/src/test/kotlin/com/acme/PricingTest.kt',
      'tests/test_cli.py',
      'tests/test_client.py',
      'tests/test_exits.py',
      'tests/test_mixed.py',
      'tests/test_multiline.py',
      'tests/test_raises.py',
      'tests/test_smoke.py',
      'tests/unit/test_model_stack.py',
      'web/src/app/price.component.spec.ts',
    ]);
    expect(facts.placeholders).toEqual([
      'backend/src/test/java/com/acme/AppApplicationTests.java',
      'frontend/src/App.test.tsx',
      'scripts/test_e2e.py',
      'src/gradio/test_demo.py',
      'src/tests/test_run.py',
      'test/taxi/test_print_to_delete.py',
      'test/taxi/test_taxi_to_delete.py',
      'tests/test_case.py',
      'tests/test_config_hash.py',
      'tests/test_empty.py',
      'tests/test_endpoints.py',
      'tests/test_pipelines.py',
      'tests/unit/code_test.py',
      'tests/unit/test_infra_stack.py',
      'web/src/app/app.component.spec.ts',
    ]);
  });
});

describe('code', () => {
  const signals = [
    { id: 'tracking', description: 'tracking calls', files: ['*.py', '*.ipynb'], pattern: '\\bmlflow\\.log_\\w+\\(', match: 'code' as const, source: 't' },
    { id: 'train-target', description: 'a train target', files: ['Makefile'], pattern: '^train:', match: 'text' as const, source: 't' },
  ];

  it('finds imports and signals with file, line and notebook cell, skipping comments and outputs', () => {
    const { facts } = collect(
      codeCollector,
      {
        'src/train.py': 'import mlflow, numpy as np\nfrom sklearn.ensemble import RandomForestClassifier\nfrom . import utils\n# mlflow.log_param("x", 1)\nmlflow.log_metric("auc", 0.9)\n',
        'nb.ipynb': notebook([{ code: 'import wandb\nmlflow.log_param("a", 1)', outputs: true }]),
        'Makefile': 'train:\n\tpython -m src.train\n',
        'README.md': 'mlflow.log_param("in docs")',
      },
      { signals },
    );
    expect(Object.keys(facts.imports)).toEqual(['mlflow', 'numpy', 'sklearn.ensemble', 'wandb']);
    expect(facts.imports.wandb!.locations).toEqual([{ path: 'nb.ipynb', line: 1, cell: 1, context: 'project' }]);
    expect(facts.signals.tracking!.matches.map((m) => [m.path, m.line, m.cell])).toEqual([
      ['nb.ipynb', 2, 1],
      ['src/train.py', 5, undefined],
    ]);
    expect(facts.signals['train-target']!.count).toBe(1);
    expect(facts.filesScanned).toBe(3);
  });

  it('keeps a few places of each kind of file (tests, Python modules, other files), with an exact count', () => {
    const signals = [{ id: 'push', description: 'image pushes', files: ['*.py', 'Dockerfile*'], pattern: 'docker push', match: 'text' as const, source: 't' }];
    const files = {
      ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`src/m${String(i).padStart(2, '0')}.py`, 'run("docker push x")\n'])),
      'tests/test_push.py': 'run("docker push x")\n',
      ...Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`ops/Dockerfile.v${i}`, 'RUN docker push x\n'])),
    };
    const { facts } = collect(codeCollector, files, { signals });
    const kept = facts.signals.push!.matches;
    expect(facts.signals.push!.count).toBe(331);
    expect(kept.filter((m) => m.path.startsWith('src/'))).toHaveLength(20);
    expect(kept.map((m) => m.path)).toContain('tests/test_push.py');
    // However many file names the repository invents, 20 of its other files.
    expect(kept).toHaveLength(41);
  });

  it('finds the same matches in a file type\'s later files, searched once the type has a search of its own, as in its first', () => {
    const signals = [
      { id: 'push', description: 'image pushes', files: ['*.js'], pattern: 'docker push', match: 'text' as const, source: 't' },
      { id: 'llm', description: 'LLM calls', files: ['*.js'], pattern: '\\bopenai\\.chat\\b', match: 'code' as const, source: 't' },
    ];
    // 200 files of one type, most holding neither signal's text, the matches spread before and after the 64th.
    const files = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => {
        const text = i % 50 === 7 ? 'run("docker push x");\n' : i % 50 === 31 ? 'const a = 1;\nopenai.chat.create();\n' : `export const value${i} = ${i};\n`;
        return [`src/m${String(i).padStart(3, '0')}.js`, text];
      }),
    );
    const { facts } = collect(codeCollector, files, { signals });
    expect(facts.signals.push!.matches.map((m) => m.path)).toEqual(['src/m007.js', 'src/m057.js', 'src/m107.js', 'src/m157.js']);
    expect(facts.signals.llm!.matches.map((m) => [m.path, m.line])).toEqual([['src/m031.js', 2], ['src/m081.js', 2], ['src/m131.js', 2], ['src/m181.js', 2]]);
  });

  it('finds the same matches before and after it looks for all the literals a signal needs, over files holding one of them only', () => {
    const signals = [
      { id: 'k6', description: 'k6 scripts', files: ['*.js'], pattern: 'from\\s+["\']k6/http["\']|require\\(\\s*["\']k6/http["\']\\s*\\)', match: 'code' as const, source: 't' },
      { id: 'tag', description: 'tags', files: ['*.js'], pattern: '\\bTeams\\s*:\\s*["\']mlo', match: 'text' as const, source: 't' },
    ];
    // Every file holds `require(` and `Teams`; every 40th also what the patterns need, on another line (the view joins the call).
    const files = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => {
        const text = i % 40 === 9 ? 'const http = require(\n  "k6/http"\n);\nconst t = { Teams: "mlo" };\n' : 'const fs = require("fs");\nconst Teams = 1;\n';
        return [`src/m${String(i).padStart(3, '0')}.js`, text];
      }),
    );
    const { facts } = collect(codeCollector, files, { signals });
    expect(facts.signals.k6!.matches.map((m) => [m.path, m.line])).toEqual([9, 49, 89, 129, 169].map((i) => [`src/m${String(i).padStart(3, '0')}.js`, 1]));
    expect(facts.signals.tag!.matches.map((m) => [m.path, m.line])).toEqual([9, 49, 89, 129, 169].map((i) => [`src/m${String(i).padStart(3, '0')}.js`, 4]));
  });

  it('finds every match of a signal whose literals each file holds all of, before and after its clauses are given up', () => {
    const signals = [{ id: 'pipe', description: 'pipelines', files: ['*.py'], pattern: 'from\\s+sklearn\\.pipeline\\s+import\\s+Pipeline', match: 'code' as const, source: 't' }];
    const files = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`src/m${String(i).padStart(3, '0')}.py`, `import numpy as np\nfrom sklearn.pipeline import Pipeline\nx = ${i}\n`]));
    const { facts } = collect(codeCollector, files, { signals });
    expect(facts.signals.pipe!.count).toBe(150);
  });

  // Past a type's 64th file (its own search) and a signal's 32nd (its clauses), a literal the file cannot use is passed over.
  it("finds a signal's literal where another's, which the file cannot use, starts at the same place", () => {
    const signals = [
      { id: 'aks', description: 'AKS', files: ['*.json'], pattern: '"compute\\w*"\\s*:\\s*"AKS"', match: 'text' as const, source: 't' },
      { id: 'xyz', description: 'xyz', files: ['*.json'], pattern: '"computeXYZ"', match: 'text' as const, source: 't' },
    ];
    const files = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [`t/${String(i).padStart(3, '0')}/output.json`, `{\n${i % 40 === 29 ? '"computeXYZ": 1' : '"computed": false'},\n"x": 2\n}\n`]),
    );
    const { facts } = collect(codeCollector, files, { signals });
    expect(facts.signals.xyz!.matches.map((m) => [m.path, m.line])).toEqual([29, 69, 109].map((i) => [`t/${String(i).padStart(3, '0')}/output.json`, 2]));
    expect(facts.signals.aks!.count).toBe(0);
  });

  it('shows an argument matched inside a call with the line the call starts on', () => {
    const signals = [{ id: 'endpoint', description: 'endpoints', files: ['*.py'], pattern: '\\binitial_instance_count\\s*=', match: 'code' as const, source: 't' }];
    const code = 'endpoint = builder.deploy(\n    endpoint_name=name,\n    initial_instance_count=1,\n)\nprint(initial_instance_count=2)\n';
    const { facts } = collect(codeCollector, { 'deploy.py': code }, { signals });
    expect(facts.signals.endpoint!.matches.map((m) => [m.line, m.snippet])).toEqual([
      [3, 'endpoint = builder.deploy( … initial_instance_count=1,'],
      [5, 'print(initial_instance_count=2)'],
    ]);
  });

  it('redacts secrets in the snippets it keeps', () => {
    const signals = [{ id: 'boto', description: 'boto', files: ['*.py'], pattern: 'boto3\\.client', match: 'code' as const, source: 't' }];
    const { facts } = collect(codeCollector, { 'upload.py': 's3 = boto3.client("s3", aws_access_key_id="AKIAIOSFODNN7EXAMPLE")\n' }, { signals });
    expect(facts.signals.boto!.matches[0]!.snippet).toBe('s3 = boto3.client("s3", aws_access_key_id="AKIA********")');
  });

  it('reads a YAML setting, a command a string starts with, and not a sentence quoted as a value', () => {
    const signals = [
      { id: 'insights', description: 'insights', files: ['*.yml', '*.yaml'], pattern: '\\bappInsightsEnabled["\']?\\s*:\\s*["\']?[Tt]rue\\b', match: 'text' as const, source: 't' },
      { id: 'rollback', description: 'rollback', files: ['*.yml', '*.yaml'], pattern: '\\bkubectl\\s+rollout\\s+undo\\b', match: 'text' as const, source: 't' },
    ];
    const files = {
      'deploy/aks.yml': 'computeType: AKS\nappInsightsEnabled: true\n',
      'deploy/flow.yml': '{ "appInsightsEnabled": "true" }\n',
      'notes/labels.yaml': [
        'monitoring: { value: true, evidence: "deploy/aks.yml:2 appInsightsEnabled: True on the service" }',
        "remark: 'we could run kubectl rollout undo, it''s manual'",
        'evidence: "a sentence that goes on',
        '  over a line, appInsightsEnabled: true, and ends"',
      ].join('\n'),
      '.github/workflows/release.yml': [
        'jobs:',
        '  rollback:',
        '    steps:',
        '      - run: "kubectl rollout undo deployment/api"',
        '      - name: "Undo"',
        '        run: |',
        '          echo "then: kubectl rollout undo deployment/web"',
        '          kubectl rollout undo deployment/web',
      ].join('\n'),
    };
    const { facts } = collect(codeCollector, files, { signals });
    // A quoted string without spaces is one value, not a sentence: a match anywhere in it counts.
    const schema = [{ id: 'schema', description: 'schema', files: ['*.yml'], pattern: 'pipelineJob\\.schema\\.json', match: 'text' as const, source: 't' }];
    const quotedUrl = collect(codeCollector, { 'pipeline.yml': '$schema: "https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json"\n' }, { signals: schema });
    expect(quotedUrl.facts.signals.schema!.count).toBe(1);
    expect(facts.signals.insights!.matches.map((m) => `${m.path}:${m.line}`)).toEqual(['deploy/aks.yml:2', 'deploy/flow.yml:1']);
    expect(facts.signals.rollback!.matches.map((m) => `${m.path}:${m.line}`)).toEqual(['.github/workflows/release.yml:4', '.github/workflows/release.yml:7', '.github/workflows/release.yml:8']);
  });
});
