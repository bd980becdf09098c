import { describe, expect, it } from 'vitest';
import { evaluateGates } from '../../src/gates/gates.js';
import { FORMATS, renderer } from '../../src/render/index.js';
import { reportFromFiles } from '../helpers/report.js';
import { notebook, requirements } from '../helpers/repo-snippets.js';

const webLibrary = {
  'pyproject.toml': '[project]\nname = "fetcher"\ndependencies = ["httpx", "numpy", "pandas"]\n',
  'src/fetcher/client.py': 'import httpx\nimport pandas as pd\n\ndef fetch(url):\n    return pd.DataFrame(httpx.get(url).json())\n',
  // A library's tests may fit a toy model: that does not make the library an ML project.
  'tests/test_fit.py': 'from sklearn.linear_model import LinearRegression\n\ndef test_fit():\n    LinearRegression().fit([[1]], [1])\n',
  // Nor do fixtures: the data of its tests.
  'tests/fixtures/ml-repo/train.py': 'from sklearn.ensemble import RandomForestClassifier\nmodel = RandomForestClassifier().fit(X, y)\n',
  'README.md': '# fetcher\n\nNot to be confused with `model.fit(X, y)` or `import torch`.\n',
  // Nor does a page that names an in-browser runtime in its prose.
  'web/about.ts': "export const about = 'Compare with models run by @xenova/transformers or CoreML in the browser';\n",
  // A web front end that sends text messages and streams a response is no LLM application.
  'web/notify.ts': "import twilio from 'twilio';\n\nexport const notify = (to: string) => twilio().messages.create({ to, body: 'Your order shipped' });\n",
  // Statistics in R without a model: a summary and a plot.
  // An example InferenceService in the docs of a library shows someone else's model.
  'examples/kserve/isvc.yaml': 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: sklearn-iris\n',
  // A Java client that mentions an ML library in a comment imports none.
  'client/src/main/java/fetcher/Client.java': '// Results feed org.apache.spark.ml pipelines downstream\nimport java.net.http.HttpClient;\n',
  'analysis/summary.R': 'library(ggplot2)\n# library(caret) once we model it\nsummary(orders)\nggplot(orders, aes(x = day)) + geom_bar()\n',
};

describe('an ML project or not', () => {
  it.each([
    ['training code', { 'src/train.py': 'from sklearn.ensemble import RandomForestClassifier\nmodel = RandomForestClassifier().fit(X, y)\n' }, /src\/train\.py:\d+/],
    ['an LLM application', { 'app/chat.py': 'from openai import OpenAI\nclient = OpenAI()\nreply = client.chat.completions.create(model="gpt-4o", messages=m)\n' }, /app\/chat\.py:\d+/],
    ['a notebook importing from a submodule', { 'poc.ipynb': notebook('from sklearn.model_selection import train_test_split') }, /poc\.ipynb:1 imports sklearn\.model_selection/],
    ['modelling in R', { 'TelcoChurn.R': 'library(tidyverse)\nlibrary(caret)\n\nchurn_model <- glm(Churn ~ ., data = train,\n                   family = binomial)\n' }, /TelcoChurn\.R:2 \(r-model-code\)/],
    [
      'a TypeScript LLM application (the Vercel AI SDK)',
      { 'app/api/chat/route.ts': "import { openai } from '@ai-sdk/openai';\nimport { streamText } from 'ai';\n\nexport async function POST(req: Request) {\n  const result = streamText({ model: openai('gpt-4o'), messages });\n  return result.toDataStreamResponse();\n}\n" },
      /app\/api\/chat\/route\.ts:5 \(llm-call-js\)/,
    ],
    ['a TypeScript OpenAI client', { 'src/lib/llm.ts': "import OpenAI from 'openai';\n\nconst client = new OpenAI();\nexport const ask = (q: string) => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }] });\n" }, /src\/lib\/llm\.ts:3 \(llm-call-js\)/],
    [
      'an LLM application behind NeMo Guardrails, its model named in the rails configuration',
      { 'app/main.py': 'from nemoguardrails import RailsConfig, LLMRails\n\nrails = LLMRails(RailsConfig.from_path("config"))\n', 'config/config.yml': 'models:\n  - type: main\n    engine: google_genai\n    model: gemini-2.0-flash-lite\n' },
      /app\/main\.py:1 imports nemoguardrails/,
    ],
    ['the Gemini SDK of a Google namespace package', { 'bot/reply.py': 'from google import genai\nfrom google.genai import types\n' }, /bot\/reply\.py:2 imports google\.genai/],
    ['Spark MLlib in Scala', { 'core/src/main/scala/op/Selector.scala': 'package op\n\nimport org.apache.spark.ml.classification.LogisticRegression\n' }, /Selector\.scala:3 \(compiled-ml-code\)/],
    ['a Deep Java Library service', { 'serving/src/main/java/app/Handler.java': 'package app;\n\nimport ai.djl.inference.Predictor;\n' }, /Handler\.java:3 \(compiled-ml-code\)/],
    ['Flux models in Julia', { 'vision/mlp_mnist/mlp_mnist.jl': '# Classifies MNIST digits\nusing Flux, MLDatasets\n' }, /mlp_mnist\.jl:2 \(compiled-ml-code\)/],
    ['an R pipeline that fits a Bayesian Rt model with EpiNow2', { 'R/fit_model.R': 'fit_model <- function(data) {\n  EpiNow2::epinow(data = data, rt = EpiNow2::rt_opts())\n}\n' }, /fit_model\.R:2 \(r-model-code\)/],
    ['a Rails LLM application', { 'lib/answer_composition/composer.rb': 'class Composer\n  def client\n    @client ||= Anthropic::BedrockClient.new(aws_region: "eu-west-1")\n  end\nend\n' }, /composer\.rb:3 \(llm-call-ruby\)/],
    ['a Spring Boot LLM application', { 'app/backend/src/main/java/com/acme/ChatService.java': 'package com.acme;\n\nimport dev.langchain4j.model.chat.ChatLanguageModel;\n' }, /ChatService\.java:3 \(llm-call-jvm\)/],
    ['a Candle inference server in Rust', { 'backends/candle/src/lib.rs': 'use candle_core::{Device, Tensor};\n' }, /lib\.rs:1 \(compiled-ml-code\)/],
    [
      "a serving platform's runtimes, in Go",
      { 'main.go': 'package main\n\nfunc main() { controllers.Run() }\n', 'config/runtimes/triton-2.x.yaml': 'apiVersion: serving.kserve.io/v1alpha1\nkind: ClusterServingRuntime\nmetadata:\n  name: triton-2.x\n' },
      /config\/runtimes\/triton-2\.x\.yaml:2 \(a ClusterServingRuntime\)/,
    ],
    [
      'Whisper in the browser with Transformers.js',
      { 'src/worker.js': 'import { pipeline, env } from "@xenova/transformers";\n\nconst transcriber = await pipeline("automatic-speech-recognition", model);\n', 'package.json': '{"dependencies": {"@xenova/transformers": "^2.7.0"}}\n' },
      /src\/worker\.js:1 \(ml-inference-runtime\)/,
    ],
    ['an iOS app on Core ML', { 'Sources/Detector/ObjectDetector.swift': 'import Foundation\nimport CoreML\nimport Vision\n' }, /ObjectDetector\.swift:2 \(ml-inference-runtime\)/],
    ['a Rust prediction service on the onnxruntime crate', { 'src/model.rs': 'use onnxruntime::{environment::Environment, GraphOptimizationLevel};\n' }, /src\/model\.rs:1 \(ml-inference-runtime\)/],
    ['a Go service on ONNX Runtime', { 'internal/embed/embed.go': 'package embed\n\nimport (\n\tort "github.com/yalue/onnxruntime_go"\n)\n' }, /embed\.go:4 \(ml-inference-runtime\)/],
    ['a service that only loads a model', { 'serve/app.py': 'import onnxruntime as ort\nsession = ort.InferenceSession("model.onnx")\n', 'requirements.txt': requirements('onnxruntime') }, /serve\/app\.py:1 imports onnxruntime/],
    [
      'a translation service on converted models',
      { 'translator/models/base.py': 'from ctranslate2 import Translator\n\ntranslator = Translator("models/nllb200-600M")\n', 'requirements.txt': requirements('ctranslate2') },
      /translator\/models\/base\.py:1 imports ctranslate2/,
    ],
  ])('is one with %s, and gets a score', async (_, files, evidence) => {
    const report = await reportFromFiles(files);
    expect(report.mlProject).toMatchObject({ detected: true, evidence: expect.stringMatching(evidence) });
    expect(report.summary.score).not.toBeNull();
  });

  it('is not one without ML code of its own: no score, and every format says why', async () => {
    const report = await reportFromFiles(webLibrary);
    expect(report.mlProject).toMatchObject({ detected: false, evidence: expect.stringMatching(/no training, inference or LLM call and no import of an ML library .* in \d+ files searched/) });
    expect(report.summary.score).toBeNull();
    // The findings still stand: the engineering is judged, only the ML readiness score is withheld.
    expect(report.findings.some((finding) => finding.status === 'pass' || finding.status === 'fail')).toBe(true);
    for (const format of FORMATS) {
      const output = (await renderer(format))(report, { color: false, logo: null, detail: 'executive' });
      expect(output, format).toMatch(/Not an ML project, so no readiness score|notAnMlProject|"detected": ?false/);
    }
    expect(evaluateGates(report, { failUnder: 10 }, {})).toMatchObject([{ passed: false, message: 'no readiness score (not an ML project); needs 10' }]);
  });
});
