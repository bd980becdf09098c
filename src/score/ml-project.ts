import { importedModules } from '../scan/collectors/code/imported.js';
import type { Facts } from '../scan/facts.js';
import { pathContext } from '../scan/path-context.js';

/**
 * Whether the repository is an ML project at all. A readiness score ranks how far an ML proof of
 * concept is from production; given to a web library it would read as a neglected ML project, so
 * a repository with no sign of ML code gets the findings but no score, and every format says why.
 */
export interface MlProject {
  detected: boolean;
  /** The first sign of ML code (file and line), or what was searched for and not found. */
  evidence: string;
}

/**
 * Python modules (or packages of a namespace, `google.genai`) whose import marks ML work: training
 * and inference frameworks, model persistence (a service that only loads a model and predicts), LLM
 * clients, orchestration and guardrails frameworks that call an LLM for the application (NeMo
 * Guardrails' LLMRails), ML tooling. General numerics (numpy, pandas, scipy) are left out: plenty
 * of non-ML code uses them.
 */
const ML_MODULES = [
  'sklearn', 'torch', 'tensorflow', 'keras', 'jax', 'flax', 'xgboost', 'lightgbm', 'catboost', 'transformers', 'datasets',
  'sentence_transformers', 'diffusers', 'peft', 'trl', 'accelerate', 'onnxruntime', 'statsmodels', 'prophet', 'pytorch_lightning',
  'lightning', 'fastai', 'spacy', 'gensim', 'joblib', 'skops', 'onnx', 'mlflow', 'wandb', 'sagemaker', 'openai', 'anthropic', 'langchain', 'langchain_core',
  'langchain_community', 'langgraph', 'llama_index', 'vllm', 'ray', 'kfp', 'zenml', 'metaflow', 'bentoml', 'tritonclient',
  'litellm', 'dspy', 'semantic_kernel', 'haystack', 'nemoguardrails', 'cohere', 'mistralai', 'ollama', 'groq', 'vertexai', 'google.genai', 'google.generativeai',
  // Inference runtimes a service runs converted models in (Wikimedia's MinT translates with CTranslate2 only).
  'ctranslate2', 'llama_cpp', 'openvino', 'tensorrt', 'tflite_runtime', 'optimum',
];

/** Signals of the built-in packs that are ML code wherever they match (a custom rule set may lack them). */
const ML_SIGNALS = ['model-training-code', 'r-model-code', 'compiled-ml-code', 'ml-inference-runtime', 'llm-call', 'llm-call-js', 'llm-call-jvm', 'llm-call-ruby', 'infra-model-server'];

/** Tests, their fixtures and examples of a library may train a toy model: only the project's own code says what it is. */
const OWN_CODE = new Set(['project']);

/** Kubernetes kinds that serve a model (KServe, Seldon): a serving platform's own manifests make it an ML project whatever its language. */
const MODEL_SERVING_KINDS = new Set(['InferenceService', 'ServingRuntime', 'ClusterServingRuntime', 'InferenceGraph', 'TrainedModel', 'SeldonDeployment']);

export function mlProjectOf(facts: Facts): MlProject {
  for (const id of ML_SIGNALS) {
    const match = facts.code.signals[id]?.matches.find((location) => OWN_CODE.has(location.context));
    if (match) return { detected: true, evidence: `${match.path}:${match.line} (${id})` };
  }
  const served = facts.kubernetes.objects.find((object) => MODEL_SERVING_KINDS.has(object.kind) && OWN_CODE.has(pathContext(object.path)));
  if (served) return { detected: true, evidence: `${served.path}:${served.line} (a ${served.kind})` };
  // `from sklearn.model_selection import …` is recorded under its dotted name.
  for (const module of importedModules(facts.code.imports, ML_MODULES)) {
    const place = facts.code.imports[module]!.locations.find((location) => OWN_CODE.has(location.context));
    if (place) return { detected: true, evidence: `${place.path}:${place.line} imports ${module}` };
  }
  return {
    detected: false,
    evidence: `no training, inference or LLM call and no import of an ML library (${ML_MODULES.slice(0, 6).join(', ')}…) in ${facts.code.filesScanned} files searched`,
  };
}
