import { deployment, inferenceService, notebook, pushToMain, releasedLibrary, requirements, s3Bucket, sagemakerEndpoint, testWorkflow, trainScript, workflow } from '../../helpers/repo-snippets.js';
import type { RuleCases } from '../../helpers/rule-tester.js';

const seldonV2Model = 'apiVersion: mlops.seldon.io/v1alpha1\nkind: Model\nmetadata:\n  name: iris\nspec:\n  storageUri: "gs://acme-models/iris-sklearn"\n  requirements:\n  - sklearn\n  memory: 100Ki\n';

const hardenedDockerfile = `FROM python:3.11.9-slim AS build
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir --prefix=/install -r requirements.txt

FROM python:3.11.9-slim
COPY --from=build /install /usr/local
COPY src/ /app/src/
RUN useradd --uid 10001 app
USER app
EXPOSE 8080
CMD ["uvicorn", "src.serve:app", "--host", "0.0.0.0", "--port", "8080"]
`;

const latestRootDockerfile = `FROM python:latest
COPY . /app
RUN pip install -r /app/requirements.txt
CMD ["python", "/app/serve.py"]
`;

const pinnedRootDockerfile = `FROM python:3.11-slim
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
CMD ["gunicorn", "-b", "0.0.0.0:8080", "serve:app"]
`;

const buildWorkflow = workflow({
  name: 'build',
  on: pushToMain,
  job: 'image',
  steps: ['uses: actions/checkout@v4', 'run: docker build -t ghcr.io/acme/churn:${{ github.sha }} .', 'run: docker push ghcr.io/acme/churn:${{ github.sha }}'],
});

const fastapiService = `from fastapi import FastAPI
from pydantic import BaseModel
import joblib

app = FastAPI(title="churn")
model = joblib.load("model.joblib")


class Customer(BaseModel):
    tenure_months: int
    monthly_charges: float


class Prediction(BaseModel):
    churn_probability: float
    model_version: str


@app.post("/v1/predict", response_model=Prediction)
def predict(customer: Customer) -> Prediction:
    p = model.predict_proba([[customer.tenure_months, customer.monthly_charges]])[0][1]
    return Prediction(churn_probability=p, model_version="2024-05-01")
`;

const flaskService = `from flask import Flask, jsonify, request
import joblib

app = Flask(__name__)
model = joblib.load("model.joblib")


@app.route("/predict", methods=["POST"])
def predict():
    features = request.get_json()["features"]
    return jsonify({"prediction": model.predict([features]).tolist()})
`;

const limitsAndProbe = `resources:
  requests:
    cpu: 500m
    memory: 1Gi
  limits:
    memory: 2Gi
readinessProbe:
  httpGet:
    path: /healthz
    port: 8080
  initialDelaySeconds: 20`;

const requestsOnly = `resources:
  requests:
    cpu: 500m
    memory: 1Gi`;

const canaryInferenceService = inferenceService(
  'churn',
  `minReplicas: 1
maxReplicas: 5
canaryTrafficPercent: 10
model:
  modelFormat:
    name: sklearn
  storageUri: s3://acme-models/churn/v7
  resources:
    limits:
      cpu: "1"
      memory: 2Gi`,
);

const scoringCronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-scoring
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: score
              image: ghcr.io/acme/churn-batch:1.4.2
              args: ["python", "-m", "churn.score", "--date", "yesterday"]
              resources:
                limits:
                  cpu: "2"
                  memory: 8Gi
`;

const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: churn-api
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: churn-api
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`;

const terraformBuckets = `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

${s3Bucket('models', 'acme-churn-models')}
resource "aws_iam_role" "sagemaker" {
  name               = "churn-sagemaker"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
`;

const terraformVersioned = `${s3Bucket('models', 'acme-churn-models')}
resource "aws_s3_bucket_versioning" "models" {
  bucket = aws_s3_bucket.models.id
  versioning_configuration {
    status = "Enabled"
  }
}
`;

const sagemakerEndpointTf = `resource "aws_sagemaker_endpoint_configuration" "churn" {
  name = "churn"
  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.churn.name
    initial_instance_count = 1
    instance_type          = "ml.m5.large"
  }
}

${sagemakerEndpoint('churn')}`;

const locustfile = `from locust import HttpUser, task, between


class PredictUser(HttpUser):
    wait_time = between(0.1, 0.5)

    @task
    def predict(self):
        self.client.post("/v1/predict", json={"tenure_months": 12, "monthly_charges": 70.5})
`;

const loadTestWorkflow = workflow({
  name: 'load-test',
  on: `workflow_dispatch:\n${pushToMain}`,
  job: 'locust',
  steps: ['uses: actions/checkout@v4', 'run: pip install locust==2.24.0', 'run: locust -f tests/load/locustfile.py --headless -u 50 -r 10 --run-time 2m --host https://staging.churn.acme.internal'],
});

const k6Script = `import http from 'k6/http';
import { check } from 'k6';

export const options = { vus: 20, duration: '1m', thresholds: { http_req_duration: ['p(95)<300'] } };

export default function () {
  const res = http.post('https://staging.churn.acme.internal/v1/predict', JSON.stringify({ tenure_months: 3 }));
  check(res, { 'status is 200': (r) => r.status === 200 });
}
`;

const argoRollout = deployment({ replicas: 4, canarySteps: ['setWeight: 10', 'pause: { duration: 10m }', 'setWeight: 50'] });
const analysisTemplate = `apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata:
  name: success-rate
spec:
  metrics:
    - name: success-rate
      successCondition: result[0] >= 0.95
      provider:
        prometheus:
          address: http://prometheus.monitoring:9090
          query: sum(rate(http_requests_total{app="churn-api",code!~"5.."}[5m])) / sum(rate(http_requests_total{app="churn-api"}[5m]))
`;

const sagemakerBlueGreen = `import boto3

sm = boto3.client("sagemaker")


def deploy(endpoint_name: str, config_name: str) -> None:
    sm.update_endpoint(
        EndpointName=endpoint_name,
        EndpointConfigName=config_name,
        DeploymentConfig={
            "BlueGreenUpdatePolicy": {
                "TrafficRoutingConfiguration": {"Type": "CANARY", "CanarySize": {"Type": "CAPACITY_PERCENT", "Value": 10}},
            },
            "AutoRollbackConfiguration": {"Alarms": [{"AlarmName": "churn-5xx"}]},
        },
    )
`;

const virtualService = `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: churn-api
spec:
  hosts: [churn-api]
  http:
    - route:
        - destination:
            host: churn-api
`;

const rollbackRunbook = `# Rolling back the churn model

Use this when the churn API misbehaves after a release.

1. Find the previous revision:

       helm history churn-api -n ml

2. Roll back to it:

       helm rollback churn-api 0 -n ml

3. Confirm the model version returned by /v1/predict.
`;

const mlflowAliasServing = `import mlflow.pyfunc

MODEL_URI = "models:/churn@champion"
model = mlflow.pyfunc.load_model(MODEL_URI)
`;

const atomicDeploy = workflow({
  name: 'deploy',
  on: pushToMain,
  job: 'deploy',
  environment: 'production',
  steps: ['uses: actions/checkout@v4', 'run: helm upgrade --install churn-api ./chart --namespace ml --atomic --timeout 10m'],
});

const kustomization = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
`;

const stagedDeploy = `name: deploy
on:
  push:
    branches: [main]
jobs:
  staging:
    runs-on: ubuntu-latest
    environment: staging
    steps:
      - run: helm upgrade --install churn-api ./chart -f chart/values.yaml
  production:
    needs: staging
    runs-on: ubuntu-latest
    environment:
      name: production
    steps:
      - run: helm upgrade --install churn-api ./chart -f chart/values.yaml
`;

const spotTraining = `from sagemaker.estimator import Estimator

estimator = Estimator(
    image_uri=TRAIN_IMAGE,
    role=ROLE,
    instance_count=1,
    instance_type="ml.g5.xlarge",
    use_spot_instances=True,
    max_run=3600,
    max_wait=7200,
    checkpoint_s3_uri="s3://acme-churn/checkpoints/",
)
`;

const onnxServing = `import numpy as np
import onnxruntime as ort

session = ort.InferenceSession("model.onnx", providers=["CPUExecutionProvider"])


def predict(features: np.ndarray) -> np.ndarray:
    return session.run(None, {"input": features.astype(np.float32)})[0]
`;

const cdkEndpointStack = `import aws_cdk as cdk
from aws_cdk import aws_sagemaker as sagemaker


class EndpointStack(cdk.Stack):
    def __init__(self, scope, construct_id, **kwargs):
        super().__init__(scope, construct_id, **kwargs)
        config = sagemaker.CfnEndpointConfig(self, "Config", production_variants=[variant])
        sagemaker.CfnEndpoint(
            self,
            "Endpoint",
            endpoint_config_name=config.attr_endpoint_config_name,
        )
`;

const azureMlOnlineDeployment = `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
name: blue
endpoint_name: churn-endpoint
model: azureml:churn-model:3
instance_type: Standard_DS3_v2
instance_count: 1
`;

const azureMlBatchDeployment = `$schema: https://azuremlschemas.azureedge.net/latest/batchDeployment.schema.json
name: main
endpoint_name: churn-batch
model: azureml:churn-model@latest
compute: azureml:cpu-cluster
`;

const rayService = `apiVersion: ray.io/v1
kind: RayService
metadata:
  name: sentiment
spec:
  serveConfigV2: |
    applications:
      - name: sentiment
        import_path: serve_app:graph
  rayClusterConfig:
    headGroupSpec:
      template:
        spec:
          containers:
            - name: ray-head
              image: registry.example.com/sentiment:1.4.0
`;

const online = { 'infrastructure.serving-mode': 'online' };

/** `pip freeze` of a data-science environment, with `extra` among the packages. */
function frozenEnvironment(extra: string): string {
  return [
    'certifi==2024.2.2', 'charset-normalizer==3.3.2', 'click==8.1.7', extra, 'idna==3.7', 'joblib==1.4.2', 'mlflow==2.12.1', 'numpy==1.26.4', 'packaging==24.0',
    'pandas==2.2.2', 'python-dateutil==2.9.0', 'pytz==2024.1', 'requests==2.31.0', 'scikit-learn==1.4.2', 'six==1.16.0', 'urllib3==2.2.1',
  ].join('\n') + '\n';
}

const nextChatRoute = `import { streamText } from "ai";
import { requestSchema } from "./schema";

export async function POST(request: Request) {
  const { message } = requestSchema.parse(await request.json());
  const result = streamText({ model, prompt: message });
  return result.toUIMessageStreamResponse();
}
`;
const batch = { 'infrastructure.serving-mode': 'batch' };

const databricksEndpoint = `from databricks.sdk import WorkspaceClient
from databricks.sdk.service.serving import EndpointCoreConfigInput, ServedEntityInput

workspace = WorkspaceClient()
config = EndpointCoreConfigInput(served_entities=[ServedEntityInput(entity_name=model_name, entity_version=version)])
workspace.serving_endpoints.create_and_wait(name=endpoint_name, config=config)
`;

const databricksServingBundle = `resources:
  model_serving_endpoints:
    churn_endpoint:
      name: churn-\${bundle.target}
      config:
        served_entities:
          - entity_name: main.ml.churn
            entity_version: "3"
`;

export const cases: RuleCases = {
  'infra.containerized': [
    // The platform runs the code on a runtime it versions and builds the package: no image of the project's own.
    { name: 'a Next.js LLM app deployed on Vercel', files: { 'vercel.json': '{\n  "framework": "nextjs"\n}\n', 'app/api/chat/route.ts': nextChatRoute }, status: 'not_applicable', evidence: 'vercel.json' },
    { name: 'a scoring function on AWS Lambda, packaged as code by SAM', files: { 'template.yaml': 'Resources:\n  ScoreFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n', 'app.py': 'import joblib\n\nmodel = joblib.load("model.joblib")\n' }, status: 'not_applicable', evidence: 'template.yaml:5' },
    {
      name: 'an iOS app that runs its Core ML model on the device',
      files: { 'YOLOiOSApp/YOLOiOSApp.xcodeproj/project.pbxproj': '// !$*UTF8*$!\n{\n\tarchiveVersion = 1;\n}\n', 'Sources/Detector/Detector.swift': 'import CoreML\n' },
      status: 'not_applicable',
      evidence: 'YOLOiOSApp/YOLOiOSApp.xcodeproj/project.pbxproj',
    },
    {
      name: "an example iOS app beside a Python service does not excuse the service's image",
      files: { 'examples/ios/Demo.xcodeproj/project.pbxproj': '{\n}\n', 'serve.py': 'import joblib\n\nmodel = joblib.load("model.joblib")\n' },
      status: 'fail',
    },
    { name: 'a Dockerfile beside the platform configuration is still the image to build', files: { 'vercel.json': '{}\n', Dockerfile: pinnedRootDockerfile }, status: 'partial', evidence: 'Dockerfile' },
    { name: 'a Lambda function shipped as a container image runs no managed runtime', files: { 'template.yaml': 'Resources:\n  ScoreFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      PackageType: Image\n', 'train.py': trainScript }, status: 'fail' },
    { name: 'Dockerfile built and pushed by CI', files: { Dockerfile: hardenedDockerfile, '.github/workflows/build.yml': buildWorkflow }, status: 'pass', evidence: 'docker-build step' },
    {
      // wikimedia/research-mwaddlink has no Dockerfile: BuildKit builds its Blubber variants, and PipelineLib publishes them.
      name: 'a Blubber image definition that PipelineLib publishes',
      files: {
        '.pipeline/blubber.yaml': '# syntax=docker-registry.wikimedia.org/repos/releng/blubber/buildkit:v0.21.0\nversion: v4\nbase: docker-registry.wikimedia.org/bookworm:20260621\nvariants:\n  production:\n    entrypoint: [gunicorn, "app:app"]\n',
        '.pipeline/config.yaml': 'pipelines:\n  publish:\n    blubberfile: blubber.yaml\n    stages:\n      - name: production\n        build: production\n        publish:\n          image: true\n',
        'app.py': 'import xgboost as xgb\n\nmodel = xgb.XGBClassifier()\nmodel.load_model("model.json")\n',
      },
      status: 'pass',
      evidence: ['.pipeline/blubber.yaml', 'docker-push step: publish image production'],
    },
    { name: 'BentoML bento containerized in CI', files: { 'bentofile.yaml': 'service: "service:Churn"\ninclude: ["*.py"]\npython:\n  requirements_txt: requirements.txt\n', '.github/workflows/bento.yml': workflow({ on: 'push', job: 'build', steps: ['run: bentoml build', 'run: bentoml containerize churn:latest'] }) }, status: 'pass', evidence: 'bentofile.yaml' },
    { name: 'Dockerfile that CI never builds', files: { 'docker/Dockerfile': pinnedRootDockerfile, '.github/workflows/ci.yml': testWorkflow() }, status: 'partial', evidence: 'docker/Dockerfile' },
    // A Scala or Java service's Dockerfile written in its build: sbt-docker, sbt-native-packager, Jib.
    {
      name: "an sbt-docker image of a Scala serving container, built by hand",
      files: {
        'build.sbt': 'name := "spark-serving"\n\nenablePlugins(DockerPlugin)\n\ndockerfile in docker := {\n  val artifact: File = assembly.value\n  new Dockerfile {\n    from("openjdk:8-jre")\n    add(artifact, "/app/serving.jar")\n    entryPoint("java", "-jar", "/app/serving.jar")\n  }\n}\n',
        'src/main/scala/Serve.scala': 'import org.apache.spark.ml.PipelineModel\n',
      },
      status: 'partial',
      firstEvidence: 'build.sbt:5',
    },
    {
      name: 'a Jib-built image that CI pushes',
      files: {
        'pom.xml': '<project>\n  <build>\n    <plugins>\n      <plugin>\n        <groupId>com.google.cloud.tools</groupId>\n        <artifactId>jib-maven-plugin</artifactId>\n      </plugin>\n    </plugins>\n  </build>\n</project>\n',
        '.github/workflows/image.yml': workflow({ on: 'push', job: 'image', steps: ['run: ./mvnw -B compile jib:build'] }),
      },
      status: 'pass',
      evidence: 'docker-build step',
    },
    { name: "sbt-native-packager's Docker settings in a Gradle-free Scala build", files: { 'build.sbt': 'enablePlugins(JavaAppPackaging, DockerPlugin)\ndockerBaseImage := "eclipse-temurin:17-jre"\n' }, status: 'partial', firstEvidence: 'build.sbt:2' },
    // A build that only names Docker in a comment, or a Jib plugin in an example, defines no image of the project's.
    {
      name: 'a commented sbt-docker setting and a Jib plugin in an example build',
      files: { 'build.sbt': 'name := "scorer"\n// dockerBaseImage := "openjdk:17"\n', 'examples/app/pom.xml': '<artifactId>jib-maven-plugin</artifactId>\n', 'train.py': trainScript },
      status: 'fail',
    },
    { name: 'compose file that only starts MLflow and Postgres', files: { 'docker-compose.yml': 'services:\n  mlflow:\n    image: ghcr.io/mlflow/mlflow:v2.12.1\n  db:\n    image: postgres:16\n', 'train.py': trainScript }, status: 'fail' },
    { name: 'a Dockerfile only in an example does not count', files: { 'examples/serving/Dockerfile': hardenedDockerfile, 'train.py': trainScript }, status: 'fail', evidence: 'not counted' },
    { name: 'a GPU serving image under another name', files: { 'docker/Dockerfile.gpu': pinnedRootDockerfile, 'docker/BaseDockerfile': hardenedDockerfile }, status: 'partial', evidence: 'docker/BaseDockerfile:1 FROM python:3.11.9-slim' },
    {
      name: 'a dev container, a CI build agent and an empty Dockerfile are not the project container',
      files: {
        '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/python:3.11\n',
        'environment_setup/Dockerfile': 'FROM conda/miniconda3\nCOPY pipelines/ci_dependencies.yml /setup/\nRUN conda env create -f /setup/ci_dependencies.yml\n',
        'environments/Dockerfile': '',
        '.github/workflows/ci.yml': workflow({ on: 'push', job: 'build', steps: ['run: docker build -f .devcontainer/Dockerfile .'] }),
        'train.py': trainScript,
      },
      status: 'fail',
      evidence: 'not counted: a dev-container image',
    },
    // The platform pulls an image it versions: there is no Dockerfile of one's own to write.
    {
      name: "a SageMaker pipeline on the platform's prebuilt images",
      files: { 'pipelines/pipeline.py': 'import sagemaker\n\nimage_uri = sagemaker.image_uris.retrieve(framework="xgboost", region=region, version="1.7-1")\nxgb_train = Estimator(image_uri=image_uri, instance_type="ml.m5.xlarge", role=role)\n' },
      status: 'not_applicable',
      firstEvidence: 'pipelines/pipeline.py:3 image_uri = sagemaker.image_uris.retrieve(',
    },
    {
      name: "Kubeflow components on a base image and Vertex AI's prebuilt training container",
      files: {
        'components/train.py': '@component(base_image="python:3.10", packages_to_install=["xgboost==2.0.3"])\ndef train(data: Input[Dataset], model: Output[Model]):\n    ...\n',
        'pipelines/training.py': 'train_container_uri = "europe-docker.pkg.dev/vertex-ai/training/scikit-learn-cpu.0-23:latest"\n',
      },
      status: 'not_applicable',
      evidence: 'components/train.py:1',
    },
    { name: "SageMaker's scikit-learn framework image", files: { 'pipelines/preprocess.py': 'from sagemaker.sklearn.processing import SKLearnProcessor\n\nprocessor = SKLearnProcessor(\n    framework_version="1.2-1",\n    role=role,\n    instance_type="ml.m5.xlarge",\n)\n' }, status: 'not_applicable', evidence: 'pipelines/preprocess.py:3' },
    { name: 'an Azure ML curated environment in a job specification', files: { 'jobs/train.yml': '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: python train.py\nenvironment: azureml:AzureML-sklearn-1.5-ubuntu22.04-py39-cpu@latest\n' }, status: 'not_applicable', evidence: 'jobs/train.yml:3' },
    { name: 'an Azure ML inference configuration: Azure ML builds the scoring image', files: { 'code/scoring/inference_config.yml': 'entryScript: score.py\nruntime: python\ncondaFile: conda_dependencies.yml\n', 'code/scoring/score.py': 'def run(raw):\n    return model.predict(raw)\n' }, status: 'not_applicable', evidence: 'code/scoring/inference_config.yml:1' },
    { name: 'an Anyscale cluster environment', files: { 'deploy/cluster_env.yaml': 'base_image: anyscale/ray:2.7.0optimized-py310-cu118\npost_build_cmds:\n  - pip install -r requirements.txt\n' }, status: 'not_applicable', evidence: 'deploy/cluster_env.yaml:1' },
    // A Dockerfile of its own is judged as one, whatever else the project runs on.
    {
      name: 'a Dockerfile beside SageMaker prebuilt images, never built by CI',
      files: { Dockerfile: pinnedRootDockerfile, 'pipelines/pipeline.py': 'import sagemaker\n\nimage_uri = sagemaker.image_uris.retrieve(framework="xgboost", region=region, version="1.7-1")\n' },
      status: 'partial',
      evidence: 'Dockerfile',
    },
    // A notebook that tried the platform once is not the project running on it.
    { name: 'a prebuilt image retrieved only in a notebook', files: { 'notebooks/explore.ipynb': notebook('import sagemaker\nimage = sagemaker.image_uris.retrieve("xgboost", region, "1.7-1")'), 'train.py': trainScript }, status: 'fail' },
  ],
  'infra.image-hardening': [
    { name: 'pinned multi-stage image running as a non-root user', files: { Dockerfile: hardenedDockerfile }, status: 'pass', evidence: 'Dockerfile' },
    { name: 'pinned base image, but runs as root', files: { Dockerfile: pinnedRootDockerfile }, status: 'partial', evidence: 'lacks a non-root USER' },
    { name: 'switches back to root at the end', files: { Dockerfile: `FROM python:3.11.9-slim\nRUN useradd app\nUSER app\nCOPY . /app\nUSER root\nCMD ["python", "/app/serve.py"]\n` }, status: 'partial', evidence: 'non-root' },
    { name: 'python:latest running as root', files: { Dockerfile: latestRootDockerfile }, status: 'fail', evidence: 'lacks a pinned base image, a non-root USER' },
    { name: 'one hardened and one unhardened image', files: { 'serving/Dockerfile': hardenedDockerfile, 'training/Dockerfile': latestRootDockerfile }, status: 'partial', evidence: 'training/Dockerfile' },
    { name: 'no Dockerfile', files: { 'train.py': trainScript }, status: 'not_applicable' },
  ],
  'infra.model-serving-api': [
    {
      name: "a library released from CI builds its users' APIs",
      files: { ...releasedLibrary, 'README.md': '# forecastkit\n', '.github/workflows/release.yml': 'on:\n  release:\n    types: [published]\njobs:\n  pypi:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m build\n      - uses: pypa/gh-action-pypi-publish@release/v1\n' },
      status: 'not_applicable',
      firstEvidence: '.github/workflows/release.yml:9',
    },
    // MLRun serves models through serving functions: a graph of steps and model servers it deploys on Nuclio.
    {
      name: 'an MLRun serving function',
      files: { 'src/project_setup.py': 'import mlrun\n\nserving_function = mlrun.new_function(\n    "serving-trained-onnx",\n    kind="serving",\n)\nproject.set_function(serving_function, with_repo=True)\n' },
      status: 'pass',
      firstEvidence: 'src/project_setup.py:3',
    },
    {
      name: 'an MLRun model server class',
      files: { 'src/serving.py': 'from mlrun.serving.v2_serving import V2ModelServer\n\n\nclass ChurnModel(V2ModelServer):\n    def load(self):\n        self.model = load(self.model_path)\n\n    def predict(self, body):\n        return self.model.predict(body["inputs"]).tolist()\n' },
      status: 'pass',
      evidence: 'src/serving.py:4',
    },
    // The Dockerfile's exec form: a compose service of MLflow's scoring server on the registry's model (briankheng).
    {
      name: "MLflow's scoring server started by a Dockerfile's exec-form CMD",
      files: {
        'prediction-service/Dockerfile': 'FROM python:3.12\nRUN pip install mlflow==2.19.0\nEXPOSE 8000\nCMD ["mlflow", "models", "serve", "-m", "models:/churn/latest", "-p", "8000", "--host", "0.0.0.0"]\n',
        'train.py': trainScript,
      },
      status: 'pass',
      firstEvidence: 'prediction-service/Dockerfile:4',
    },
    // The Python API of `mlflow models build-docker`: the registered model in MLflow's scoring server.
    {
      name: "an MLflow scoring-server image built from the registry's model in Python",
      files: { 'code/build_docker_image.py': 'import mlflow\n\nif __name__ == "__main__":\n    mlflow.models.build_docker(model_uri=f"models:/{MODEL_NAME}@Challenger", name="acme/churn-online")\n' },
      status: 'pass',
      firstEvidence: 'code/build_docker_image.py:4',
    },
    {
      name: 'a Spring Boot controller of an application that calls an LLM through LangChain4j',
      files: {
        'app/backend/src/main/java/com/acme/ChatController.java': 'package com.acme;\n\n@RestController\npublic class ChatController {\n  @PostMapping("/api/chat")\n  public ChatResponse chat(@RequestBody ChatRequest request) { return service.answer(request); }\n}\n',
        'app/backend/src/main/java/com/acme/ChatService.java': 'package com.acme;\n\nimport dev.langchain4j.model.chat.ChatLanguageModel;\n',
      },
      answers: online,
      status: 'pass',
      firstEvidence: 'app/backend/src/main/java/com/acme/ChatController.java:6',
    },
    {
      // The body taken as a String or a Map of whatever came: no contract a caller can rely on.
      name: 'a Spring controller of an LLM application that takes its body untyped',
      files: {
        'src/main/java/com/acme/ChatController.java': 'package com.acme;\n\n@RestController\npublic class ChatController {\n  @PostMapping("/api/chat")\n  public String chat(@RequestBody Map<String, Object> body) { return service.answer(body); }\n}\n',
        'src/main/kotlin/com/acme/AskController.kt': 'package com.acme\n\n@RestController\nclass AskController {\n  @PostMapping("/api/ask")\n  fun ask(@RequestBody body: String): String = service.answer(body)\n}\n',
        'src/main/java/com/acme/ChatService.java': 'package com.acme;\n\nimport dev.langchain4j.model.chat.ChatLanguageModel;\n',
      },
      answers: online,
      status: 'partial',
    },
    {
      name: 'a Kotlin Spring controller that binds its request to a data class',
      files: {
        'src/main/kotlin/com/acme/AskController.kt': 'package com.acme\n\n@RestController\nclass AskController {\n  @PostMapping("/api/ask")\n  fun ask(@Valid @RequestBody request: AskRequest): AskResponse = service.answer(request)\n}\n',
        'src/main/kotlin/com/acme/AskService.kt': 'package com.acme\n\nimport dev.langchain4j.model.chat.ChatLanguageModel\n',
      },
      answers: online,
      status: 'pass',
    },
    // Routing DSLs declare a route with a call: the SageMaker contract served from a Scalatra servlet around a Spark ML model.
    {
      name: 'a Scalatra servlet that serves a Spark ML pipeline model on /invocations',
      files: {
        'src/main/scala/com/acme/serving/InferenceServlet.scala': 'package com.acme.serving\n\nimport org.apache.spark.ml.PipelineModel\nimport org.scalatra._\n\nclass InferenceServlet(model: PipelineModel) extends ScalatraServlet {\n  post("/invocations") {\n    model.transform(read(request.body)).toJSON.collect().mkString("\\n")\n  }\n\n  get("/ping") { "Ok" }\n}\n',
      },
      answers: online,
      status: 'partial',
      firstEvidence: 'src/main/scala/com/acme/serving/InferenceServlet.scala:7',
    },
    {
      name: 'a Javalin route in front of a DJL predictor',
      files: { 'src/main/java/com/acme/App.java': 'package com.acme;\n\nimport ai.djl.inference.Predictor;\n\npublic class App {\n  public static void main(String[] args) {\n    var app = Javalin.create();\n    app.post("/predict", ctx -> ctx.json(predictor.predict(ctx.body())));\n  }\n}\n' },
      answers: online,
      status: 'partial',
      firstEvidence: 'src/main/java/com/acme/App.java:8',
    },
    // A client posting to a service, chained or commented, declares no route.
    {
      name: "a test client's chained post and a commented route are no handlers",
      files: { 'src/main/scala/com/acme/Client.scala': 'package com.acme\n\nimport org.apache.spark.ml.PipelineModel\n\nobject Client {\n  // post("/invocations") is served elsewhere\n  def call() = given()\n    .post("/invocations")\n}\n' },
      answers: online,
      status: 'fail',
    },
    {
      name: 'a Rails application whose POST route asks Claude on Bedrock',
      files: {
        'config/routes.rb': 'Rails.application.routes.draw do\n  namespace :api do\n    post "/conversation", to: "conversations#create"\n  end\nend\n',
        'lib/answer_composition/composer.rb': 'class Composer\n  def client\n    @client ||= Anthropic::BedrockClient.new(aws_region: "eu-west-1")\n  end\nend\n',
      },
      answers: online,
      status: 'partial',
      firstEvidence: 'config/routes.rb:3',
    },
    {
      name: 'the routes of a Rails application without an LLM call are no model API',
      files: { 'config/routes.rb': 'Rails.application.routes.draw do\n  post "/orders", to: "orders#create"\nend\n', 'Gemfile': 'gem "anthropic"\n' },
      answers: online,
      status: 'fail',
    },
    {
      // A web service with no model behind it, and a comment that names the annotation.
      name: 'a Spring controller of a service without ML code is no model API',
      files: { 'src/main/java/com/acme/OrderController.java': 'package com.acme;\n\n// @PostMapping is used below\n@RestController\npublic class OrderController {\n  @PostMapping("/orders")\n  public Order create(@RequestBody Order order) { return repo.save(order); }\n}\n' },
      answers: online,
      status: 'fail',
    },
    { name: 'a Seldon Core v2 Model served by its inference servers', files: { 'k8s/models/iris.yaml': seldonV2Model }, status: 'pass', firstEvidence: 'k8s/models/iris.yaml:2 Model iris' },
    // Model is a plain word: another operator's Model object serves nothing that Seldon serves.
    { name: 'a Model object of another API group', files: { 'k8s/models/iris.yaml': seldonV2Model.replace('mlops.seldon.io/v1alpha1', 'ml.example.com/v1') }, status: 'unknown' },
    { name: 'a Next.js chat route that checks its request with zod and calls an LLM', files: { 'app/api/chat/route.ts': nextChatRoute, 'app/api/chat/schema.ts': 'import { z } from "zod";\n\nexport const requestSchema = z.object({ message: z.string().max(2000) });\n' }, status: 'pass', firstEvidence: 'app/api/chat/route.ts:4 export async function POST(' },
    // The assistants list is read from the provider with GET; the chat is asked with POST.
    { name: 'a GET route that lists assistants does not lead a chat service', files: { 'app/api/assistants/route.ts': 'import OpenAI from "openai";\n\nexport async function GET() {\n  return Response.json(await new OpenAI().beta.assistants.list());\n}\n', 'app/api/chat/route.ts': 'import OpenAI from "openai";\n\nexport async function POST(request: Request) {\n  return new OpenAI().chat.completions.create({ model, messages, stream: true });\n}\n' }, status: 'partial', firstEvidence: 'app/api/chat/route.ts:3 export async function POST(' },
    { name: "an LLM route beside a schema of the error payload, not of the request", files: { 'app/api/chat/route.ts': 'import OpenAI from "openai";\n\nexport async function POST(request: Request) {\n  const { messages } = (await request.json()) as { messages: any[] };\n  return new OpenAI().chat.completions.create({ model, messages, stream: true });\n}\n', 'types/error-response.ts': 'export const ErrorResponseSchema = z.object({ error: z.string() });\n' }, status: 'partial', evidence: 'app/api/chat/route.ts:3' },
    { name: 'an Express route that calls an LLM without a schema', files: { 'server/index.js': 'const express = require("express");\nconst OpenAI = require("openai");\n\nconst client = new OpenAI();\napp.post("/api/ask", async (req, res) => {\n  const answer = await client.chat.completions.create({ model, messages: [{ role: "user", content: req.body.q }] });\n  res.json(answer);\n});\n' }, status: 'partial', evidence: 'server/index.js:5' },
    // BaseModel is also what model code names its own base class (YOLOv5's `class BaseModel(nn.Module)`):
    // a class derived from it is a schema only where it is pydantic's.
    {
      name: "a Flask route beside model classes derived from the project's own BaseModel is untyped",
      files: {
        'api/restapi.py': 'from flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route("/v1/object-detection/<model>", methods=["POST"])\ndef predict(model):\n    return models[model](request.files["image"].read()).to_json()\n',
        'models/yolo.py': 'import torch.nn as nn\n\n\nclass BaseModel(nn.Module):\n    def forward(self, x):\n        return self._forward_once(x)\n\n\nclass DetectionModel(BaseModel):\n    pass\n',
      },
      status: 'partial',
      firstEvidence: 'api/restapi.py:6 @app.route("/v1/object-detection/<model>"',
    },
    {
      name: 'a route with pydantic models imported through a compatibility module is typed',
      files: {
        'api/main.py': 'from fastapi import FastAPI\nfrom langchain_core.pydantic_v1 import BaseModel\n\napp = FastAPI()\n\n\nclass Question(BaseModel):\n    text: str\n\n\n@app.post("/answer")\ndef answer(question: Question):\n    return chain.invoke(question.text)\n',
      },
      status: 'pass',
    },
    // A web app's routes serve pages and data; only a route that calls a model serves one.
    { name: "a Next.js app's routes that call no model", files: { 'app/api/users/route.ts': 'export async function GET() {\n  return Response.json(await db.users());\n}\n', 'app/api/users/schema.ts': 'export const userSchema = z.object({ id: z.string() });\n', 'train.py': trainScript }, status: 'unknown' },
    {
      name: 'a Django REST framework prediction view with its serializer',
      files: {
        'backend/core/urls.py': 'from django.urls import path\n\nrouter.register(r"approved-prediction", ApprovedPredictionsViewSet)\nurlpatterns = [\n    path("training/<int:pk>/", TrainingView.as_view()),\n    path("prediction/", PredictionView.as_view()),\n]\n',
        'backend/core/serializers.py': 'from rest_framework import serializers\n\n\nclass PredictionParamSerializer(serializers.Serializer):\n    bbox = serializers.ListField()\n    zoom_level = serializers.IntegerField()\n',
        'backend/core/tasks.py': 'model.fit(X, y)\n',
      },
      status: 'pass',
      evidence: 'backend/core/urls.py:6',
    },
    {
      name: "a REST framework router's viewset of stored predictions is no prediction route",
      files: { 'backend/core/urls.py': 'router.register(r"approved-prediction", ApprovedPredictionsViewSet)\n', 'backend/core/tasks.py': 'model.fit(X, y)\n' },
      status: 'unknown',
    },
    // Every Django page is a path(); only a route named for predictions serves a model.
    { name: "a Django site's pages are no prediction service", files: { 'site/urls.py': 'from django.urls import path\n\nurlpatterns = [path("documents/", DocumentView.as_view()), path("profile/", ProfileView.as_view())]\n', 'src/train.py': 'model.fit(X, y)\n' }, status: 'unknown' },
    { name: 'a Databricks serving endpoint created by a module with the SDK', files: { 'src/deploy.py': databricksEndpoint }, status: 'pass', evidence: 'src/deploy.py:6 workspace.serving_endpoints.create_and_wait(' },
    { name: 'a model serving endpoint declared in a Databricks asset bundle', files: { 'resources/serving.yml': databricksServingBundle }, status: 'pass', evidence: 'resources/serving.yml:2 model_serving_endpoints:' },
    // Reading an endpoint's state or querying it deploys nothing.
    { name: 'a Databricks serving endpoint only queried', files: { 'src/client.py': 'from databricks.sdk import WorkspaceClient\n\nw = WorkspaceClient()\nstate = w.serving_endpoints.get("churn").state\nprediction = w.serving_endpoints.query(name="churn", dataframe_records=rows)\n' }, status: 'unknown' },
    {
      name: "an Azure ML web service deployed by Azure Pipelines' model deploy task",
      files: { 'devops_pipelines/deploy.yml': 'trigger: [master]\nsteps:\n  - task: ms-air-aiagility.vss-services-azureml.azureml-model-deploy-task.AMLModelDeploy@0\n    inputs:\n      deploymentTarget: AKS\n' },
      status: 'pass',
      evidence: 'devops_pipelines/deploy.yml:3',
    },
    { name: 'FastAPI with pydantic request and response models', files: { 'src/churn/serve.py': fastapiService }, answers: online, status: 'pass', evidence: 'src/churn/serve.py:19' },
    // The route that predicts leads the evidence, not the probes or admin routes listed before it.
    {
      name: 'the prediction route leads, before health and admin routes',
      files: {
        'app/admin.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.post(\n    "/generate-report",\n)\ndef report():\n    ...\n',
        'app/health.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.get("/health")\ndef health():\n    return {"ok": True}\n',
        'app/predict.py': 'from fastapi import APIRouter\nfrom pydantic import BaseModel\n\nrouter = APIRouter()\n\nclass Transaction(BaseModel):\n    amount: float\n\n@router.post(\n    "/v1/predict",\n    response_model=Score,\n)\ndef predict(tx: Transaction):\n    ...\n',
      },
      answers: online,
      status: 'pass',
      firstEvidence: 'app/predict.py:10 @router.post( … "/v1/predict",',
      evidence: 'app/health.py:5',
    },
    // Routes hang on objects of many names: `application`, `_server`, `router_v2`.
    {
      name: 'a prediction route on an object named application',
      files: { 'http_service/app.py': 'from flask import Flask\n\napplication = Flask(__name__)\n\n@application.route("/<model_name>/predict/<int:bug_id>")\ndef predict(model_name, bug_id):\n    return schedule(model_name, bug_id)\n' },
      answers: online,
      status: 'partial',
      firstEvidence: 'http_service/app.py:5',
    },
    {
      // Recommendations cached by the training flow, served by a Lambda behind API Gateway.
      name: 'a Serverless Framework function behind an HTTP event, beside an analysis app',
      files: {
        'src/serverless/serverless.yml': 'service: recs\nprovider:\n  name: aws\n  runtime: python3.8\nfunctions:\n  user_to_item_recs:\n    handler: handler.user_to_item_recs\n    events:\n      - http:\n          path: /itemRecs\n          method: get\n',
        'src/app/inspector.py': 'import streamlit as st\n\nst.title("Predictions")\n',
      },
      answers: online,
      status: 'partial',
      firstEvidence: 'src/serverless/serverless.yml:9',
    },
    {
      name: "an LLM app's untyped response route leads, before its root page",
      files: { 'src/api/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/")\nasync def root():\n    return {"message": "Hello World"}\n\n@app.post("/api/create_response")\ndef create_response(question: str, customer_id: str) -> dict:\n    return get_response(customer_id, question)\n' },
      answers: online,
      status: 'partial',
      firstEvidence: 'src/api/main.py:9 @app.post("/api/create_response")',
    },
    {
      name: "a document AI's extraction route leads, before a report route of another module",
      files: {
        'app/api/extract.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.post("/extract/structured", response_model=ExtractionResponse)\nasync def extract(req: ExtractionRequest) -> ExtractionResponse:\n    return await extractor.run(req)\n',
        'app/api/admin.py': 'from fastapi import APIRouter\n\nrouter = APIRouter()\n\n@router.post("/accounts", response_model=AccountResponse)\nasync def create_account(req: AccountRequest) -> AccountResponse:\n    return await accounts.create(req)\n',
      },
      answers: online,
      status: 'pass',
      firstEvidence: 'app/api/extract.py:5 @router.post("/extract/structured", response_model=ExtractionResponse)',
    },
    { name: 'a Flask prediction route without a schema leads', files: { 'app.py': 'from flask import Flask\n\napp = Flask(__name__)\n\n@app.route("/")\ndef index():\n    return "ok"\n\n@app.route("/predict", methods=["POST"])\ndef predict():\n    return model.predict(request.json)\n' }, answers: online, status: 'partial', firstEvidence: 'app.py:9' },
    { name: 'KServe InferenceService', files: { 'deploy/isvc.yaml': canaryInferenceService }, status: 'pass', evidence: 'InferenceService churn' },
    { name: 'a Ray Serve application deployed as a KubeRay RayService', files: { 'apps/ray/rayservice.yaml': rayService }, status: 'pass', evidence: 'RayService sentiment' },
    { name: 'a bare Ray cluster serves nothing', files: { 'apps/ray/raycluster.yaml': rayService.replace('kind: RayService', 'kind: RayCluster'), 'train.py': trainScript }, answers: online, status: 'fail' },
    { name: 'SageMaker endpoint deployed from code', files: { 'pipelines/deploy.py': 'from sagemaker.sklearn import SKLearnModel\n\nmodel = SKLearnModel(model_data=ARTIFACT, role=ROLE, entry_point="inference.py")\npredictor = model.deploy(initial_instance_count=1, instance_type="ml.m5.large")\n' }, status: 'pass', evidence: 'pipelines/deploy.py:4' },
    { name: 'SageMaker endpoint in Terraform', files: { 'infra/endpoint.tf': sagemakerEndpointTf }, status: 'pass', evidence: 'aws_sagemaker_endpoint' },
    { name: 'SageMaker endpoint in CDK', files: { 'infra/endpoint_stack.py': cdkEndpointStack }, status: 'pass', evidence: 'AWS::SageMaker::Endpoint' },
    { name: 'an Azure ML managed online deployment declared in its specification file', files: { 'core/endpoints/online/deployment.yml': azureMlOnlineDeployment }, status: 'pass', evidence: 'core/endpoints/online/deployment.yml:1' },
    // A batch endpoint scores tables; it is no request/response API.
    { name: 'an Azure ML batch deployment is not an online API', files: { 'core/endpoints/batch/deployment.yml': azureMlBatchDeployment, 'train.py': trainScript }, answers: online, status: 'fail' },
    { name: 'Azure ML web service deployed by the CD pipeline', files: { '.pipelines/cd.yml': 'steps:\n  - script: |\n      az ml model deploy --name churn-aks --model churn:3 --ic inference_config.yml --dc deployment_config_aks.yml\n' }, status: 'pass', evidence: 'az ml model deploy' },
    { name: 'a Flask route that takes any JSON', files: { 'app.py': flaskService }, answers: online, status: 'partial', evidence: 'app.py:8' },
    { name: 'a Vertex AI endpoint created by hand in a notebook chapter', files: { '19_training_and_deploying_at_scale.ipynb': notebook('endpoint = aiplatform.Endpoint.create(display_name="mnist-endpoint")\nendpoint.deploy(mnist_model, min_replica_count=1, max_replica_count=5, machine_type="n1-standard-4")') }, answers: online, status: 'partial', evidence: 'cell 1' },
    {
      name: 'a gRPC model server started from grpc.aio, with its .proto contract',
      files: { 'proto/generate.proto': 'syntax = "proto3";\nservice TextGenerationService {\n  rpc Generate (GenerateRequest) returns (GenerateResponse);\n}\n', 'server/text_generation_server/server.py': 'from grpc import aio\n\n\nasync def serve(port):\n    server = aio.server(interceptors=[ExceptionInterceptor()])\n    await server.start()\n' },
      status: 'pass',
      evidence: 'server/text_generation_server/server.py:5',
    },
    {
      name: 'a Rust ONNX service whose tonic server adds the Predictor of its .proto',
      files: {
        'proto/predict.proto': 'syntax = "proto3";\npackage predict;\nservice Predictor {\n  rpc Predict (PredictRequest) returns (PredictResponse);\n}\n',
        'src/server/grpc.rs': 'use tonic::transport::Server;\n\npub async fn serve(addr: SocketAddr, service: PredictService) {\n    Server::builder()\n        .add_service(PredictorServer::new(service))\n        .serve(addr)\n        .await;\n}\n',
        'src/model.rs': 'use onnxruntime::environment::Environment;\n',
      },
      status: 'pass',
      evidence: ['proto/predict.proto', 'src/server/grpc.rs:5'],
    },
    {
      name: 'a gRPC server in Go without a .proto in the repository has no contract to show',
      files: { 'server/main.go': 'package main\n\nimport "google.golang.org/grpc"\n\nfunc main() {\n\ts := grpc.NewServer()\n\ts.Serve(lis)\n}\n', 'train.py': trainScript },
      answers: online,
      status: 'fail',
    },
    {
      name: 'grpcio compiled into the requirements of a TensorFlow pipeline is no serving framework',
      files: { 'requirements.txt': requirements('apache-beam==2.35.0', 'grpcio==1.43.0', 'tensorflow==2.7.0', 'tfx==1.6.1'), 'train.py': trainScript },
      answers: online,
      status: 'fail',
    },
    // A framework in the requirements that no code imports is a plan (a Dockerfile may even start a module that is not there).
    {
      name: 'FastAPI declared but never used',
      files: { 'requirements.txt': requirements('fastapi==0.111.0', 'scikit-learn==1.4.2'), Dockerfile: 'FROM python:3.11-slim\nCMD ["uvicorn", "src.inference.app:app"]\n', 'train.py': trainScript },
      answers: online,
      status: 'fail',
      evidence: 'not counted: fastapi is declared, and no code imports it',
    },
    { name: 'FastAPI declared and imported where no route is found', files: { 'requirements.txt': requirements('fastapi==0.111.0', 'scikit-learn==1.4.2'), 'service/app.py': 'from fastapi import FastAPI\n\napp = FastAPI()\napp.include_router(build_router(model))\n', 'train.py': trainScript }, answers: online, status: 'partial', evidence: 'requirements.txt:1 declares fastapi ==0.111.0' },
    { name: 'a TorchServe distribution counts by its module, ts', files: { 'requirements.txt': requirements('torchserve==0.11.0'), 'serve/handler_utils.py': 'from ts.context import Context\n', 'train.py': trainScript }, answers: online, status: 'partial', evidence: 'declares torchserve' },
    // A pip freeze lists the environment: Flask came with MLflow; only what the code imports was chosen.
    {
      name: 'Flask in a pip freeze that nothing imports',
      files: { 'requirements.txt': frozenEnvironment('Flask==3.0.3'), 'train.py': 'import mlflow\nimport pandas as pd\n\nmodel.fit(X, y)\n' },
      answers: online,
      status: 'fail',
      evidence: 'not counted: flask is in a pip freeze of an environment, and no code imports it',
    },
    { name: 'Flask in a pip freeze, imported by the service', files: { 'requirements.txt': frozenEnvironment('Flask==3.0.3'), 'app.py': 'from flask import Flask\n\napp = Flask(__name__)\n', 'train.py': trainScript }, answers: online, status: 'partial', evidence: 'declares flask ==3.0.3' },
    // A compiled requirements file lists what MLflow itself needs: the team chose none of it.
    {
      name: 'Flask and FastAPI in compiled requirements only because MLflow needs them',
      files: {
        'pipelines/training/requirements.in': 'mlflow==2.19.0\nscikit-learn==1.6.0\n',
        'pipelines/training/requirements.txt': '# This file was autogenerated by uv via the following command:\n#    uv pip compile requirements.in -o requirements.txt\nfastapi==0.139.0\n    # via mlflow-skinny\nflask==3.1.3 \\\n    --hash=sha256:0ef0e52b8a9cd932855379197dd8f94047b359ca0a78695144304cb45f87c9eb\n    # via\n    #   mlflow\n    #   prometheus-flask-exporter\nmlflow==2.19.0\n    # via -r requirements.in\n',
        'pipelines/training/train.py': trainScript,
      },
      answers: online,
      status: 'fail',
      evidence: 'not counted: fastapi is only there as a dependency of mlflow-skinny',
    },
    {
      name: 'FastAPI that a compiled requirements file took from the team\'s own input file',
      files: { 'requirements.txt': 'fastapi==0.139.0\n    # via\n    #   -r requirements.in\n    #   mlflow-skinny\n', 'serve.py': 'from fastapi import FastAPI\n', 'train.py': trainScript },
      answers: online,
      status: 'partial',
      evidence: 'requirements.txt:1 declares fastapi ==0.139.0',
    },
    { name: 'a Chainlit chat app on the model', files: { 'app.py': 'import chainlit as cl\n\n@cl.on_message\nasync def main(message: cl.Message):\n    await cl.Message(content=chain.run(message.content)).send()\n', 'train.py': trainScript }, status: 'partial', evidence: 'chainlit' },
    { name: 'an H2O Wave app that fine-tunes and chats with models', files: { 'app.py': 'from h2o_wave import Q, app, main\n\n@app("/")\nasync def serve(q: Q):\n    await q.page.save()\n', 'train.py': trainScript }, status: 'partial', evidence: 'h2o_wave' },
    { name: 'an R model served by vetiver_api, its prototype the contract', files: { 'plumber.R': 'library(vetiver)\nlibrary(plumber)\n\nv <- vetiver_pin_read(board, "housing_rf")\n\n#* @plumber\nfunction(pr) {\n  pr %>% vetiver_api(v)\n}\n' }, status: 'pass', evidence: 'plumber.R:8' },
    { name: 'an R plumber route without a contract', files: { 'api.R': 'library(plumber)\n\npr() |>\n  pr_post("/predict", function(req) predict(model, req$body)) |>\n  pr_run(port = 8000)\n' }, status: 'partial', evidence: 'api.R:4' },
    { name: 'a model file handed over, online serving planned', files: { 'train.py': trainScript }, answers: online, status: 'fail' },
    { name: 'an endpoint helper that nothing calls creates no endpoint', files: { 'build/utils.py': 'def create_endpoint(project, region, display_name):\n    raise NotImplementedError\n', 'train.py': trainScript }, answers: online, status: 'fail' },
    { name: 'a FastAPI service only in the examples', files: { 'examples/serve.py': fastapiService, 'train.py': trainScript }, answers: online, status: 'fail' },
    { name: 'no API and the serving mode unanswered', files: { 'train.py': trainScript }, status: 'unknown', evidence: 'infrastructure.serving-mode is not answered' },
    { name: 'batch scoring needs no API', files: { 'train.py': trainScript }, answers: batch, status: 'not_applicable' },
  ],
  'infra.batch-scoring': [
    // An Airflow DAG that retrains and registers: its predictions on the test split go to a metric, not to an output.
    {
      name: 'predictions on the test split compared with the labels in a retraining DAG are no scoring job',
      files: {
        'airflow/dags/churn_prediction_model_retrain.py':
          'from airflow import DAG\nfrom sklearn.metrics import accuracy_score\n\n\ndef register_model(run_id):\n    X_test = pd.read_csv("data/X_test.csv")\n    X_test.to_csv("data/X_test_copy.csv")\n    model = mlflow.pyfunc.load_model(f"runs:/{run_id}/model")\n    y_pred = model.predict(X_test)\n    accuracy = accuracy_score(y_test, y_pred)\n\n\ndag = DAG(dag_id="churn_retrain")\n',
      },
      status: 'unknown',
    },
    // The same idiom in a job that writes its predictions out is scoring (the zoomcamp's batch.py).
    {
      name: 'predictions kept as y_pred and written out with the ride ids, in a flow',
      files: {
        'score/batch.py':
          'from prefect import flow\n\n\n@flow\ndef ride_duration_prediction(input_file, output_file):\n    df = read_dataframe(input_file)\n    y_pred = model.predict(prepare_dictionaries(df))\n    df_result = pd.DataFrame()\n    df_result["predicted_duration"] = y_pred\n    df_result.to_parquet(output_file, index=False)\n',
      },
      status: 'pass',
      firstEvidence: 'score/batch.py:7',
    },
    // A Databricks bundle's scheduled notebook task: the registry's champion scores a table, whatever the notebook is called.
    {
      name: "a bundle job's notebook that scores a table with the registry's champion",
      files: {
        'databricks.yml': 'bundle:\n  name: credit\nresources:\n  jobs:\n    Default_Inference:\n      tasks:\n        - task_key: inference\n          notebook_task:\n            notebook_path: ./src/Deploy\n      schedule:\n        quartz_cron_expression: "0 0 9 * * ?"\n',
        'src/Deploy.ipynb': notebook('import mlflow\nmodel = mlflow.spark.load_model(f"models:/{model_name}@champion")\npredictions = model.transform(features_df)\npredictions.write.mode("overwrite").saveAsTable("banking.default.inference_predictions")'),
      },
      status: 'pass',
      firstEvidence: 'src/Deploy.ipynb',
    },
    // A run's model evaluated in one notebook and a table written in another: no scoring of the current model.
    {
      name: "a run's artefact loaded beside a table write, and the champion loaded where nothing is written",
      files: {
        'databricks.yml': 'resources:\n  jobs:\n    nightly:\n      tasks:\n        - task_key: evaluate\n',
        'src/evaluate.ipynb': notebook('model = mlflow.pyfunc.load_model(f"runs:/{run_id}/model")\nresults.write.saveAsTable("eval_results")'),
        'src/compare.py': 'champion = mlflow.pyfunc.load_model("models:/churn@champion")\nprint(champion.metadata)\n',
      },
      status: 'unknown',
    },
    {
      name: 'a Dagster asset that reads the trained model asset and writes forecasts',
      files: {
        'src/assets.py': 'import dagster as dg\n\n\n@dg.asset(\n    ins={\n        "weekly_orders": dg.AssetIn(key_prefix=["ANALYTICS"]),\n        "order_forecast_model": dg.AssetIn(),\n    },\n    group_name="sales",\n)\ndef next_month_orders(weekly_orders, order_forecast_model):\n    a, b = order_forecast_model\n    return weekly_orders.assign(orders=a * weekly_orders.week + b)\n',
      },
      status: 'pass',
      firstEvidence: 'src/assets.py:7 @dg.asset( … "order_forecast_model": dg.AssetIn(),',
    },
    {
      name: 'a Dagster asset keyed for the predictions it writes',
      files: {
        'defs/science.py': 'from dagster import asset\n\n\n@asset(\n    key=["dwh_science", "model_predictions", "win_probability_predictions"],\n    deps=["model_win_probability"],\n)\ndef win_probability_predictions(_):\n    return predict_and_write_to_snowflake()\n',
      },
      status: 'pass',
      firstEvidence: 'defs/science.py:5',
    },
    {
      name: 'a Dagster asset named for its forecasts by its function',
      files: {
        'src/defs/production_assets.py': 'from dagster import AssetExecutionContext, asset\n\n\n@asset(\n    partitions_def=live_forecast_partitions,\n    deps=["ecmwf_ens", "power_time_series_and_metadata"],\n)\ndef live_forecasts(context: AssetExecutionContext, config: LiveForecastsConfig) -> None:\n    write_forecasts(load_model().predict(features(context)))\n',
      },
      status: 'pass',
      firstEvidence: 'src/defs/production_assets.py:8 def live_forecasts(context: AssetExecutionContext, config: LiveForecastsConfig) -> None:',
    },
    // Dagster passes its context first; a method's first parameter is `self`, an Airflow callable's `**context`.
    {
      name: 'forecasting functions that are no Dagster step',
      files: {
        'src/model.py': 'class Forecaster:\n    def forecast(self, context):\n        return self.model.predict(context)\n\n\ndef make_forecasts(**context):\n    return Forecaster().forecast(context)\n',
      },
      status: 'unknown',
    },
    {
      name: 'an Airflow task named for batch prediction',
      files: { 'dags/batch_serving_dag.py': 'from airflow import DAG\nfrom airflow.operators.python import PythonOperator\n\nwith DAG("batch_serving", schedule="@daily") as dag:\n    predict = PythonOperator(task_id="batch_prediction_task", python_callable=run_batch_prediction)\n' },
      status: 'pass',
      firstEvidence: 'dags/batch_serving_dag.py:5',
    },
    {
      name: 'Dagster assets of data alone score nothing',
      files: {
        'src/assets.py': 'import dagster as dg\n\n\n@dg.asset(\n    ins={"orders": dg.AssetIn(key_prefix=["RAW"])},\n    key_prefix=["ANALYTICS"],\n    group_name="analytics",\n)\ndef weekly_orders(orders):\n    return orders.groupby("week").sum()\n',
      },
      status: 'unknown',
    },
    {
      name: 'scoring code a Databricks job runs',
      files: {
        'src/batch_score.py': 'model = mlflow.sklearn.load_model(model_uri)\npreds = model.predict(X_test)\nspark.createDataFrame(X_test.assign(prediction=preds)).write.saveAsTable("batch_predictions")\n',
        'resources/score-job.yml': 'resources:\n  jobs:\n    scoring:\n      tasks:\n        - task_key: batch_score\n          spark_python_task:\n            python_file: ../src/batch_score.py\n',
      },
      status: 'pass',
      firstEvidence: 'src/batch_score.py:2 preds = model.predict(X_test)',
    },
    {
      name: 'scoring code and a Databricks job in an example',
      files: {
        'src/batch_score.py': 'model = mlflow.sklearn.load_model(model_uri)\npreds = model.predict(X_test)\nspark.createDataFrame(X_test.assign(prediction=preds)).write.saveAsTable("batch_predictions")\n',
        'examples/resources/score-job.yml': 'resources:\n  jobs:\n    scoring:\n      tasks:\n        - task_key: batch_score\n          spark_python_task:\n            python_file: ../../src/batch_score.py\n',
      },
      status: 'partial',
    },
    {
      name: 'Vertex AI batch prediction in the prediction pipeline',
      files: { 'pipelines/prediction/pipeline.py': 'from google_cloud_pipeline_components.v1.batch_predict_job import ModelBatchPredictOp\n\npredictions = ModelBatchPredictOp(project=PROJECT, model=model, job_display_name="score")\n' },
      status: 'pass',
      evidence: 'pipelines/prediction/pipeline.py:3',
    },
    {
      name: 'the batch-predict component is found where the pipeline calls it, not where a package imports it',
      files: {
        'components/__init__.py': 'from .model_batch_predict import model_batch_predict\n',
        'pipelines/prediction/pipeline.py': 'from components import model_batch_predict\n\nbatch = model_batch_predict(model=model, job_display_name="score")\n',
      },
      status: 'pass',
      evidence: 'pipelines/prediction/pipeline.py:3',
    },
    {
      name: "the project's predict node in its Kedro pipeline",
      files: {
        'src/shop/pipelines/scoring/nodes.py': 'def score(model, features):\n    return model.predict(features)\n',
        'src/shop/pipelines/scoring/pipeline.py': 'from kedro.pipeline import Pipeline, node\n\ndef create_pipeline():\n    return Pipeline([node(score, ["model", "features"], "scores")])\n',
      },
      status: 'pass',
      evidence: 'src/shop/pipelines/scoring/nodes.py:2',
    },
    {
      name: 'an inference job without a pipeline: a job someone runs',
      files: { 'src/bikes/jobs/inference.py': 'def run(model, inputs):\n    outputs = model.predict(inputs=inputs)\n    outputs.to_parquet("outputs/predictions.parquet")\n' },
      answers: { 'infrastructure.serving-mode': 'batch' },
      status: 'partial',
      evidence: 'src/bikes/jobs/inference.py:2',
    },
    // Trying the model on one image named in the code scores no batch, whatever pipeline sits beside it.
    {
      name: 'one prediction on a hard-coded file beside a training pipeline',
      files: {
        'predict.py': 'from ultralytics import YOLO\n\nmodel = YOLO("runs/detect/train2/weights/best.pt")\nresults = model.predict("./datasets/valid/images/val_1.jpg")\n',
        'pipeline.py': 'from clearml.automation.controller import PipelineDecorator\n\n\n@PipelineDecorator.pipeline(name="train", project="scans", version="1.0")\ndef run():\n    pass\n',
      },
      answers: { 'infrastructure.serving-mode': 'batch' },
      status: 'fail',
    },
    {
      name: 'a predict route serves requests: not a batch job',
      files: { 'app/predict.py': 'from fastapi import FastAPI\napp = FastAPI()\n\n@app.post("/predict")\ndef predict(x: Payload):\n    return model.predict([x.values])\n' },
      status: 'unknown',
    },
    {
      name: 'Databricks feature-store batch scoring of the logged model',
      files: { 'jobs/batch_inference.py': 'fe = FeatureEngineeringClient()\npredictions = fe.score_batch(\n    model_uri=model_uri,\n    df=batch_df,\n)\n' },
      status: 'pass',
      evidence: 'jobs/batch_inference.py:2',
    },
    {
      name: "a reward rubric's own score_batch method is not batch prediction",
      files: { 'src/training/grpo_trainer.py': 'class Trainer:\n    def score_batch(self, responses):\n        return self.rubric.score_batch(responses)\n' },
      answers: batch,
      status: 'fail',
    },
    { name: 'an Azure ML batch deployment declared in its specification file', files: { 'core/endpoints/batch/deployment.yml': azureMlBatchDeployment }, status: 'pass', evidence: 'core/endpoints/batch/deployment.yml:1' },
    { name: 'an Azure ML online deployment is not a batch job', files: { 'core/endpoints/online/deployment.yml': azureMlOnlineDeployment }, answers: batch, status: 'fail' },
    { name: 'batch scoring answered, no job in the repository', files: { 'notebooks/score.py': 'print("scores")\n' }, answers: { 'infrastructure.serving-mode': 'batch' }, status: 'fail' },
    { name: 'nothing found while the serving mode is unanswered', files: { 'src/train.py': 'model.fit(X, y)\n' }, status: 'unknown' },
    { name: 'served online', files: { 'src/train.py': 'model.fit(X, y)\n' }, answers: online, status: 'not_applicable' },
    {
      name: 'a SageMaker batch transform of the trained model',
      files: { 'pipeline/score.py': 'transformer = estimator.transformer(\n    instance_count=1,\n    instance_type="ml.m5.xlarge",\n    output_path=OUTPUT,\n)\ntransformer.transform(INPUT, content_type="text/csv")\n' },
      status: 'pass',
      evidence: 'pipeline/score.py:1',
    },
    { name: "a network's transformer layer is not a batch transform", files: { 'vit/model.py': 'class ViT(nn.Module):\n    def forward(self, x):\n        x = self.transformer(x)\n        return self.head(x)\n' }, answers: { 'infrastructure.serving-mode': 'batch' }, status: 'fail' },
    { name: "an example's batch transform is not the project's", files: { 'examples/batch/transform.py': 'transformer = model.transformer(instance_count=1, instance_type="ml.m5.xlarge")\n' }, answers: { 'infrastructure.serving-mode': 'batch' }, status: 'fail' },
  ],
  'infra.iac': [
    { name: 'Terraform for buckets and roles', files: { 'infra/main.tf': terraformBuckets }, status: 'pass', evidence: 'infra/main.tf' },
    { name: 'CloudFormation template', files: { 'cfn/endpoint.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Endpoint:\n    Type: AWS::SageMaker::Endpoint\n    Properties:\n      EndpointConfigName: churn\n' }, status: 'pass', evidence: 'cloudformation' },
    { name: 'resources created by a shell script', files: { 'scripts/setup.sh': '#!/usr/bin/env bash\nset -euo pipefail\naws s3 mb s3://acme-churn-models\naws sagemaker create-model --model-name churn --execution-role-arn "$ROLE"\n' }, status: 'partial', evidence: 'scripts/setup.sh:3' },
    // What a script prints for the reader to run is not what it runs: the headline is the command.
    {
      name: 'a command run by the script, not the one it echoes',
      files: { 'scripts/deploy.sh': '#!/bin/bash\necho "Next: az ml environment create --file env.yaml"\nENDPOINT=$(az ml batch-endpoint create --name churn --query name -o tsv)\n' },
      status: 'partial',
      firstEvidence: 'scripts/deploy.sh:3',
    },
    { name: 'a Makefile recipe and a condition run the command', files: { Makefile: 'infra:\n\t@if az group create --name rg-churn --location westeurope; then echo ok; fi\n' }, status: 'partial', evidence: 'Makefile:2' },
    { name: 'commands only echoed for the reader create nothing', files: { 'scripts/quick_reference.sh': 'echo "   az ml environment create --file env.yaml"\necho "aws s3 mb s3://acme-models"\n', 'train.py': trainScript }, status: 'fail' },
    { name: 'nothing declared', files: { 'train.py': trainScript }, status: 'fail' },
    { name: 'Terraform only in an example does not count', files: { 'examples/aws/main.tf': terraformBuckets, 'train.py': trainScript }, status: 'fail' },
  ],
  'infra.orchestration-manifests': [
    // The database, the object store and the Kafka Service a stack deploys beside its API come after the API.
    {
      name: "the project's own Deployment leads, before the services it runs beside it",
      files: {
        'kubernetes/0-oauth2-proxy.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: oauth2-proxy\nspec:\n  ports: [{ port: 4180 }]\n',
        'kubernetes/1-postgres.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: postgres\nspec:\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:13\n',
        'kubernetes/1-storage.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: minio\nspec:\n  template:\n    spec:\n      containers:\n        - name: minio\n          image: "{{ .Values.minio.image }}"\n',
        'kubernetes/2-kafka.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kafka\nspec:\n  ports: [{ port: 9092 }]\n',
        'kubernetes/2-postgres-service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "{{ .Values.airflowPostgres.name }}"\nspec:\n  ports: [{ port: 5432 }]\n',
        'kubernetes/3-minio.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: storage\nspec:\n  template:\n    spec:\n      containers:\n        - name: minio\n          image: quay.io/minio/minio:RELEASE.2024-01-01T00-00-00Z\n',
        'kubernetes/4-api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: wait\n          image: busybox:1.36\n      containers:\n        - name: api\n          image: churn-api:v1\n',
      },
      status: 'pass',
      firstEvidence: 'kubernetes/4-api.yaml:2 Deployment api',
    },
    // A playbook that builds the cluster vendors the rendered charts of its networking and storage.
    {
      name: "a cluster's add-ons (Cilium, MetalLB, OpenEBS) deploy nothing of the project's",
      files: {
        'ansible/templates/cilium.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: cilium\nspec:\n  template:\n    spec:\n      containers:\n        - name: cilium-agent\n          image: "quay.io/cilium/cilium:v1.16.1@sha256:0b4a3ab41a4760d86b7fc945b8783747ba1b2f4e"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: hubble-peer\nspec:\n  ports: [{ port: 443 }]\n',
        'ansible/templates/metallb.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: controller\nspec:\n  template:\n    spec:\n      containers:\n        - name: controller\n          image: 192.168.200.1:5000/quay.io/metallb/controller:v0.14.8\n',
        'ansible/templates/openebs.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: openebs-etcd\nspec:\n  template:\n    spec:\n      containers:\n        - name: etcd\n          image: docker.io/openebs/etcd:3.5.6\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: openebs-loki\nspec:\n  template:\n    spec:\n      containers:\n        - name: loki\n          image: docker.io/grafana/loki:3.1.1\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: loki-headless\nspec:\n  ports: [{ port: 3100 }]\n',
        'docker-compose.yml': 'services:\n  api:\n    build: .\n',
        Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n',
      },
      status: 'partial',
      firstEvidence: 'docker-compose.yml',
    },
    {
      name: 'an MLRun serving function deployed by the pipeline',
      files: { 'src/workflow.py': 'import mlrun\n\n\ndef kfpipeline():\n    serving_function = mlrun.get_current_project().get_function("serving")\n    deploy_return = mlrun.deploy_function("serving-trained-onnx")\n' },
      status: 'pass',
      firstEvidence: 'src/workflow.py:6',
    },
    { name: 'Seldon Core v2 Server and Pipeline objects', files: { 'k8s/server.yaml': 'apiVersion: mlops.seldon.io/v1alpha1\nkind: Server\nmetadata:\n  name: mlserver-custom\nspec:\n  serverConfig: mlserver\n  replicas: 2\n', 'k8s/pipeline.yaml': 'apiVersion: mlops.seldon.io/v1alpha1\nkind: Pipeline\nmetadata:\n  name: fraud\nspec:\n  steps:\n    - name: preprocess\n    - name: fraud-model\n      inputs: [preprocess]\n  output:\n    steps: [fraud-model]\n' }, status: 'pass', firstEvidence: 'k8s/pipeline.yaml:2 Pipeline fraud' },
    { name: 'a Hugging Face Docker Space', files: { 'README.md': '---\ntitle: DocuMind\nsdk: docker\napp_port: 7860\n---\n\n# DocuMind\n', Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["uvicorn", "app:app", "--port", "7860"]\n' }, status: 'pass', firstEvidence: 'README.md:3' },
    { name: 'a Gradio Space is a hosted demo, not a deployment', files: { 'README.md': '---\ntitle: Demo\nsdk: gradio\napp_file: app.py\n---\n' }, status: 'unknown' },
    { name: 'Space metadata shown in the docs', files: { 'docs/README.md': 'Add this header:\n\n```yaml\nsdk: docker\n```\n' }, status: 'unknown' },
    // A Tekton Pipeline is a CI job on the cluster, not a deployment of the model.
    { name: 'a Tekton Pipeline is no deployment', files: { 'tekton/build.yaml': 'apiVersion: tekton.dev/v1\nkind: Pipeline\nmetadata:\n  name: build\nspec:\n  tasks:\n    - name: test\n      taskRef:\n        name: pytest\n' }, status: 'unknown' },
    { name: 'a Databricks serving endpoint declared in an asset bundle', files: { 'resources/serving.yml': databricksServingBundle }, status: 'pass', evidence: 'model_serving_endpoints:' },
    { name: 'a Databricks serving endpoint created by a module with the SDK', files: { 'src/deploy.py': databricksEndpoint }, status: 'pass', evidence: 'serving_endpoints.create_and_wait(' },
    { name: 'Kubernetes Deployment', files: { 'k8s/deployment.yaml': deployment({ container: limitsAndProbe }) }, status: 'pass', evidence: 'Deployment churn-api' },
    { name: 'Helm chart', files: { 'chart/Chart.yaml': 'apiVersion: v2\nname: churn-api\nversion: 0.3.0\n' }, status: 'pass', evidence: 'chart/Chart.yaml' },
    { name: 'SageMaker endpoint declared in Terraform', files: { 'infra/endpoint.tf': sagemakerEndpointTf }, status: 'pass', evidence: 'aws_sagemaker_endpoint' },
    { name: 'SageMaker endpoint declared in CDK (Python)', files: { 'infra/endpoint_stack.py': cdkEndpointStack }, status: 'pass', evidence: 'infra/endpoint_stack.py:9' },
    { name: 'a commented-out CDK endpoint does not count', files: { 'infra/endpoint_stack.py': cdkEndpointStack.replace(/        sagemaker\.CfnEndpoint\(\n[^]*$/, '        # sagemaker.CfnEndpoint(self, "Endpoint")\n') }, status: 'unknown' },
    { name: 'ECS service declared through a registry module', files: { 'infra/main.tf': 'module "api" {\n  source  = "terraform-aws-modules/ecs/aws//modules/service"\n  version = "5.11.0"\n}\n' }, status: 'pass', evidence: 'from terraform-aws-modules/ecs/aws//modules/service' },
    {
      name: 'a Lambda function from a container image, declared in Terraform',
      files: {
        'infrastructure/modules/lambda/main.tf': 'resource "aws_lambda_function" "lambda_function" {\n  function_name = var.lambda_function_name\n  image_uri     = var.image_uri\n  package_type  = "Image"\n  role          = aws_iam_role.iam_lambda.arn\n}\n',
        'infrastructure/Dockerfile': 'FROM public.ecr.aws/lambda/python:3.9\nCOPY lambda_function.py ./\nCMD ["lambda_function.lambda_handler"]\n',
      },
      status: 'pass',
      firstEvidence: 'infrastructure/modules/lambda/main.tf:1',
    },
    // A function that starts pipelines is glue around the workload, not its deployment.
    {
      name: 'a Cloud Function that starts pipelines, declared in Terraform',
      files: {
        'terraform/modules/cloudfunction/function.tf': 'resource "google_cloudfunctions_function" "trigger" {\n  name        = "pipeline-trigger"\n  runtime     = "python39"\n  entry_point = "cf_handler"\n}\n',
        'src/train.py': 'model.fit(X, y)\n',
      },
      status: 'unknown',
    },
    { name: 'Pulumi program declaring a Cloud Run service', files: { 'infra/index.ts': 'import * as gcp from "@pulumi/gcp";\n\nnew gcp.cloudrunv2.Service("api", { location: "europe-west1", template: {} });\n' }, status: 'pass', evidence: 'gcp:cloudrunv2:Service' },
    {
      name: "the model's Deployment declared with Pulumi's kubernetesx component package",
      files: { 'infra/index.ts': 'import * as kx from "@pulumi/kubernetesx";\n\nconst pod = new kx.PodBuilder({ containers: [{ image, ports: { http: 80 } }] });\nnew kx.Deployment("churn-serving", { spec: pod.asDeploymentSpec({ replicas: 3 }) });\n' },
      status: 'pass',
      evidence: 'kubernetesx:index:Deployment',
    },
    { name: 'Azure ML managed online deployment YAML', files: { 'deploy/online-deployment.yml': azureMlOnlineDeployment }, status: 'pass', evidence: 'deploy/online-deployment.yml:1' },
    { name: 'a KubeRay RayService', files: { 'apps/ray/rayservice.yaml': rayService }, status: 'pass', evidence: 'RayService sentiment' },
    { name: "Flux's own controllers, committed by flux bootstrap, are not the project's deployment", files: { 'clusters/prod/flux-system/gotk-components.yaml': deployment({ container: limitsAndProbe }), 'train.py': trainScript }, answers: online, status: 'fail' },
    { name: 'Azure ML v1 AKS deployment configuration', files: { 'scoring/deployment_config_aks.yml': 'computeType: AKS\nautoScaler:\n    autoscaleEnabled: True\nappInsightsEnabled: True\n' }, status: 'pass', evidence: 'computeType: AKS' },
    { name: 'SageMaker endpoint created by the AWS CLI in a Jenkinsfile, through a variable', files: { Jenkinsfile: "pipeline {\n  stages {\n    stage('Deploy') {\n      steps {\n        sh '${params.AWSCLI} sagemaker create-endpoint --endpoint-name churn --endpoint-config-name churn-v2'\n      }\n    }\n  }\n}\n" }, status: 'pass', evidence: 'Jenkinsfile:5' },
    { name: 'an endpoint configuration alone is not a deployment', files: { 'scripts/config.sh': 'aws sagemaker create-endpoint-config --endpoint-config-name churn-v2 --production-variants file://variants.json\n' }, status: 'unknown' },
    { name: 'Vertex AI endpoint created and deployed by a module', files: { 'build/deploy.py': 'from google.cloud import aiplatform as vertex_ai\n\nendpoint = vertex_ai.Endpoint.create(display_name)\nendpoint.deploy(model=model, machine_type="n1-standard-4")\n' }, status: 'pass', evidence: 'build/deploy.py:3' },
    { name: 'a Vertex AI endpoint created by hand in a notebook does not count', files: { 'deploy.ipynb': notebook('endpoint = aiplatform.Endpoint.create(display_name="churn")') }, status: 'unknown' },
    { name: 'App Service created by CI, options on continued lines', files: { '.github/workflows/deploy.yml': workflow({ on: pushToMain, job: 'deploy', steps: ['run: |\n          az webapp create \\\n            --name churn-api \\\n            --deployment-container-image-name "$IMAGE"'] }) }, status: 'pass', evidence: 'az webapp create' },
    { name: 'Cloud Run service updated by CI', files: { '.github/workflows/deploy.yml': workflow({ on: pushToMain, job: 'deploy', steps: ['run: gcloud run services update churn-api --image "$IMAGE" --region europe-west1'] }) }, status: 'pass', evidence: 'gcloud run services update' },
    // Scheduled tasks run the latest revision of their task definition: a new revision with the image deploys it.
    {
      name: 'a new ECS task definition revision registered by a deploy script',
      files: { 'scripts/deploy.sh': '#!/usr/bin/env bash\nset -euo pipefail\nNEW_REVISION="$(aws ecs register-task-definition --region "$REGION" \\\n  --cli-input-json "$NEW_TASK_DEF" --query taskDefinition.revision --output text)"\n', Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n' },
      status: 'pass',
      firstEvidence: 'scripts/deploy.sh:3',
    },
    { name: 'App Service container set by CI', files: { '.github/workflows/deploy.yml': workflow({ on: pushToMain, job: 'deploy', steps: ['run: az webapp config container set --name churn-api --resource-group ml --docker-custom-image-name "$IMAGE"'] }) }, status: 'pass', evidence: 'az webapp config container set' },
    { name: 'Anyscale service rolled out by CI', files: { '.github/workflows/serve.yml': workflow({ on: pushToMain, job: 'serve', steps: ['run: anyscale service rollout --service-config-file deploy/services/serve_model.yaml'] }) }, status: 'pass', evidence: 'anyscale service rollout' },
    { name: 'Dagster+ code location run on Kubernetes', files: { 'dagster_cloud.yaml': 'locations:\n  - location_name: forecasting\n    container_context:\n      k8s:\n        run_k8s_config:\n          container_config:\n            resources:\n              limits:\n                memory: 2G\n' }, status: 'pass', evidence: 'dagster_cloud.yaml:5' },
    {
      name: 'a Render blueprint: the web service, its database and its scaling',
      files: { 'render.yaml': 'services:\n  - type: web\n    name: api\n    runtime: docker\n    rootDir: ./backend\n    scaling:\n      minInstances: 2\n      maxInstances: 10\n' },
      status: 'pass',
      evidence: 'render.yaml',
    },
    { name: 'only docker-compose', files: { 'docker-compose.yml': 'services:\n  api:\n    build: .\n    ports: ["8080:8080"]\n' }, answers: online, status: 'partial', evidence: 'docker-compose.yml' },
    { name: 'a manifest in the docs does not count', files: { 'docs/deploy/deployment.yaml': deployment(), 'train.py': trainScript }, answers: online, status: 'fail' },
    { name: 'nothing, serving mode unanswered', files: { 'train.py': trainScript }, status: 'unknown' },
    { name: 'embedded model', files: { 'train.py': trainScript }, answers: { 'infrastructure.serving-mode': 'embedded' }, status: 'not_applicable' },
  ],
  'infra.resource-limits-probes': [
    { name: 'Deployment with limits and a readiness probe', files: { 'k8s/deployment.yaml': deployment({ container: limitsAndProbe }) }, status: 'pass', evidence: 'Deployment churn-api' },
    {
      name: 'Helm template with a probe, limits in values.yaml',
      files: {
        'chart/Chart.yaml': 'apiVersion: v2\nname: churn-api\nversion: 0.3.0\n',
        'chart/values.yaml': 'image:\n  repository: ghcr.io/acme/churn\nresources:\n  limits:\n    memory: 2Gi\n',
        'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: "{{ .Values.image.repository }}"\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n          readinessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n',
      },
      status: 'pass',
      evidence: 'chart/values.yaml:4',
    },
    { name: 'KServe predictor with limits', files: { 'deploy/isvc.yaml': canaryInferenceService }, status: 'pass' },
    { name: 'batch CronJob with limits needs no probe', files: { 'k8s/scoring.yaml': scoringCronJob }, status: 'pass', evidence: 'CronJob nightly-scoring' },
    { name: 'a service with requests but no limits or probes', files: { 'k8s/deployment.yaml': deployment({ container: requestsOnly }) }, status: 'partial', evidence: 'Deployment churn-api' },
    { name: 'job limits do not cover an unprobed service', files: { 'k8s/scoring.yaml': scoringCronJob, 'k8s/deployment.yaml': deployment() }, status: 'partial' },
    { name: 'a bare Deployment', files: { 'k8s/deployment.yaml': deployment() }, status: 'fail', evidence: 'with resources.limits and readinessProbe' },
    { name: 'no Kubernetes workloads', files: { 'infra/endpoint.tf': sagemakerEndpointTf }, status: 'not_applicable' },
  ],
  'infra.load-testing': [
    { name: 'CI runs Locust against staging', files: { '.github/workflows/load.yml': loadTestWorkflow, 'tests/load/locustfile.py': locustfile }, answers: online, status: 'pass', evidence: 'load-test step' },
    { name: 'a locustfile under tests/ that CI does not run', files: { 'tests/load/locustfile.py': locustfile }, answers: online, status: 'partial', evidence: 'tests/load/locustfile.py:4' },
    { name: 'a k6 script', files: { 'perf/predict.js': k6Script }, answers: online, status: 'partial', evidence: 'perf/predict.js:1' },
    { name: 'a locustfile only in the examples', files: { 'examples/locustfile.py': locustfile, 'src/serve.py': fastapiService }, answers: online, status: 'fail' },
    { name: 'a script named load_test.py that sends one request', files: { 'scripts/load_test.py': 'import requests\n\nprint(requests.post("http://localhost:8080/v1/predict", json={"tenure_months": 3}).json())\n' }, answers: online, status: 'fail' },
    { name: 'never load-tested, online', files: { 'src/serve.py': fastapiService }, answers: online, status: 'fail' },
    { name: 'never load-tested, serving mode unanswered', files: { 'src/serve.py': fastapiService }, status: 'unknown' },
    { name: 'batch scoring', files: { 'src/score.py': 'print(1)\n' }, answers: batch, status: 'not_applicable' },
  ],
  'infra.autoscaling': [
    { name: 'HorizontalPodAutoscaler', files: { 'k8s/deployment.yaml': deployment({ container: limitsAndProbe }), 'k8s/hpa.yaml': hpa }, answers: online, status: 'pass', evidence: 'HorizontalPodAutoscaler churn-api' },
    { name: 'SageMaker endpoint autoscaling in Terraform', files: { 'infra/scaling.tf': 'resource "aws_appautoscaling_target" "churn" {\n  service_namespace  = "sagemaker"\n  resource_id        = "endpoint/churn/variant/primary"\n  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"\n  min_capacity       = 1\n  max_capacity       = 4\n}\n' }, status: 'pass', evidence: 'aws_appautoscaling_target' },
    { name: 'Cloud Run deployment', files: { '.github/workflows/deploy.yml': workflow({ on: pushToMain, job: 'deploy', steps: ['run: gcloud run deploy churn-api --image "$IMAGE" --region europe-west1 --max-instances 10'] }) }, status: 'pass', evidence: 'gcloud run deploy' },
    {
      name: 'a Render blueprint scaling between instance bounds',
      files: { 'render.yaml': 'services:\n  - type: web\n    name: api\n    runtime: docker\n    scaling:\n      minInstances: 2\n      maxInstances: 10\n      targetCPUPercent: 75\n' },
      answers: online,
      status: 'pass',
      evidence: 'render.yaml:7',
    },
    {
      name: 'App Engine automatic scaling',
      files: { 'app.yaml': 'runtime: python312\nautomatic_scaling:\n  max_instances: 5\n' },
      answers: online,
      status: 'pass',
      evidence: 'app.yaml:2',
    },
    { name: 'three fixed replicas', files: { 'k8s/deployment.yaml': deployment({ replicas: 3, container: limitsAndProbe }) }, answers: online, status: 'partial', evidence: 'Deployment churn-api' },
    { name: 'replica bounds set by hand in a notebook', files: { '19_training_and_deploying_at_scale.ipynb': notebook('endpoint = aiplatform.Endpoint.create(display_name="mnist-endpoint")\nendpoint.deploy(mnist_model, min_replica_count=1, max_replica_count=5, machine_type="n1-standard-4")') }, answers: online, status: 'partial', evidence: 'max_replica_count=5' },
    { name: 'one fixed replica, online', files: { 'k8s/deployment.yaml': deployment({ container: limitsAndProbe }) }, answers: online, status: 'fail' },
    { name: 'one fixed replica, serving mode unanswered', files: { 'k8s/deployment.yaml': deployment({ container: limitsAndProbe }) }, status: 'unknown' },
    { name: 'batch scoring', files: { 'k8s/scoring.yaml': scoringCronJob }, answers: batch, status: 'not_applicable', evidence: 'infrastructure.serving-mode: "batch"' },
  ],
  'infra.progressive-delivery': [
    { name: 'Argo Rollouts canary', files: { 'k8s/rollout.yaml': argoRollout }, answers: online, status: 'pass', evidence: 'Rollout churn-api' },
    { name: 'KServe canary traffic', files: { 'deploy/isvc.yaml': canaryInferenceService }, answers: online, status: 'pass', evidence: 'canaryTrafficPercent' },
    { name: 'SageMaker blue/green canary', files: { 'src/deploy.py': sagemakerBlueGreen }, status: 'pass', evidence: 'src/deploy.py:11' },
    { name: 'weighted Istio routes between model versions', files: { 'k8s/vs.yaml': virtualService.replace('            host: churn-api\n', '            host: churn-api\n            subset: v1\n          weight: 90\n        - destination:\n            host: churn-api\n            subset: v2\n          weight: 10\n') }, status: 'pass', evidence: 'weight: 10' },
    { name: 'SAM canary deployment preference', files: { 'template.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  ApiFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.handler\n      AutoPublishAlias: live\n      DeploymentPreference:\n        Type: Canary10Percent5Minutes\n' }, status: 'pass', evidence: 'Canary10Percent5Minutes' },
    { name: 'an Istio route without a canary', files: { 'k8s/deployment.yaml': deployment(), 'k8s/vs.yaml': virtualService }, answers: online, status: 'partial', evidence: 'VirtualService churn-api' },
    { name: 'a commented-out traffic split does not count', files: { 'src/deploy.py': 'endpoint = model.deploy(machine_type="n1-standard-4")\n# endpoint.deploy(model, traffic_split={"0": 10, old_id: 90})\n' }, answers: online, status: 'fail' },
    {
      // Vertex AI's own way of sending every request to the model just deployed.
      name: 'a Vertex AI deployment that sends all traffic to the new model',
      files: { 'src/deploy.py': 'endpoint = model.deploy(traffic_split={"0": 100}, machine_type="n1-standard-2")\nother = model.deploy(endpoint=endpoint, traffic_percentage=100)\n' },
      answers: online,
      status: 'fail',
    },
    {
      name: 'a Vertex AI deployment that sends a tenth of the traffic to the new model',
      files: { 'src/deploy.py': 'endpoint = model.deploy(traffic_split={"0": 10, previous_id: 90}, machine_type="n1-standard-2")\nother = model.deploy(endpoint=endpoint, traffic_percentage=10)\n' },
      answers: online,
      status: 'pass',
      evidence: ['src/deploy.py:1', 'src/deploy.py:2'],
    },
    { name: 'all traffic switches at once, online', files: { 'k8s/deployment.yaml': deployment() }, answers: online, status: 'fail' },
    { name: 'all traffic switches at once, serving mode unanswered', files: { 'k8s/deployment.yaml': deployment() }, status: 'unknown' },
    { name: 'embedded model', files: { 'train.py': trainScript }, answers: { 'infrastructure.serving-mode': 'embedded' }, status: 'not_applicable' },
  ],
  'infra.rollback': [
    { name: 'rehearsed last quarter', files: { 'train.py': trainScript }, answers: { 'infrastructure.rollback-practice': 'rehearsed' }, status: 'pass', evidence: 'infrastructure.rollback-practice: "rehearsed"' },
    { name: 'helm upgrade --atomic rolls back failed releases', files: { '.github/workflows/deploy.yml': atomicDeploy }, status: 'pass', evidence: '.github/workflows/deploy.yml:11' },
    { name: 'a rollback runbook in the docs, unanswered', files: { 'docs/runbooks/rollback.md': rollbackRunbook }, status: 'partial', evidence: 'docs/runbooks/rollback.md:11' },
    { name: 'serving loads the model by registry alias', files: { 'src/serve.py': mlflowAliasServing }, answers: { 'infrastructure.rollback-practice': 'none' }, status: 'partial', evidence: 'models:/churn@champion' },
    { name: 'a written procedure, never exercised', files: { 'train.py': trainScript }, answers: { 'infrastructure.rollback-practice': 'documented' }, status: 'partial' },
    { name: 'a runbook named rollback.md with no procedure in it', files: { 'docs/runbooks/rollback.md': '# Rollback\n\nTODO: ask Priya how she did it last time.\n' }, answers: { 'infrastructure.rollback-practice': 'none' }, status: 'fail' },
    { name: 'no way back', files: { 'train.py': trainScript }, answers: { 'infrastructure.rollback-practice': 'none' }, status: 'fail' },
    { name: 'unanswered and nothing in the repository', files: { 'train.py': trainScript }, status: 'unknown', evidence: 'infrastructure.rollback-practice is not answered' },
    { name: 'answered automatic, but the Kubernetes Deployment cannot roll back by itself', files: { 'deploy/api.yaml': deployment() }, answers: { 'infrastructure.rollback-practice': 'automated' }, status: 'fail', conflict: 'evidence', evidence: 'not believed' },
    { name: 'answered automatic, with an Argo Rollouts analysis', files: { 'deploy/rollout.yaml': argoRollout, 'deploy/analysis.yaml': analysisTemplate }, answers: { 'infrastructure.rollback-practice': 'automated' }, status: 'pass' },
  ],
  'infra.environment-parity': [
    {
      name: 'Kustomize overlays for staging and production',
      files: { 'k8s/base/kustomization.yaml': kustomization, 'k8s/overlays/staging/kustomization.yaml': kustomization, 'k8s/overlays/prod/kustomization.yaml': kustomization },
      status: 'pass',
      evidence: 'k8s/overlays/prod/kustomization.yaml',
    },
    { name: 'CI deploys to staging, then production', files: { '.github/workflows/deploy.yml': stagedDeploy }, status: 'pass', evidence: 'environments production, staging' },
    {
      name: 'the environment chosen when the deployment is dispatched',
      files: {
        '.github/workflows/deploy.yml':
          'on:\n  workflow_dispatch:\n    inputs:\n      environment:\n        type: choice\n        default: dev\n        options: [dev, prod]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: ${{ github.event.inputs.environment }}\n    steps:\n      - run: helm upgrade --install churn-api ./chart -f chart/values.yaml\n',
      },
      status: 'pass',
      evidence: 'environments dev, prod',
    },
    {
      name: "a called workflow's environment, with a fallback for other events",
      files: {
        '.github/workflows/deploy.yml':
          "on:\n  push:\n    branches: [main]\n  workflow_call:\n    inputs:\n      environment:\n        type: string\n        default: production\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: ${{ inputs.environment || 'staging' }}\n    steps:\n      - run: helm upgrade --install churn-api ./chart -f chart/values.yaml\n",
      },
      status: 'pass',
      evidence: 'environments production, staging',
    },
    {
      name: 'an environment from a step output cannot be told',
      files: {
        '.github/workflows/deploy.yml':
          'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: ${{ needs.setup.outputs.environment }}\n    steps:\n      - run: helm upgrade --install churn-api ./chart -f chart/values.yaml\n',
      },
      status: 'fail',
    },
    { name: 'Terraform variables per environment', files: { 'infra/main.tf': terraformBuckets, 'infra/staging.tfvars': 'instance_type = "ml.m5.large"\n', 'infra/prod.tfvars': 'instance_type = "ml.m5.xlarge"\n' }, status: 'pass' },
    { name: 'only production values', files: { 'chart/Chart.yaml': 'apiVersion: v2\nname: churn\nversion: 0.1.0\n', 'chart/values-prod.yaml': 'replicas: 3\n' }, status: 'partial', evidence: 'chart/values-prod.yaml' },
    { name: 'data folders named dev and prod are not environments', files: { 'data/dev/sample.csv': 'a,b\n1,2\n', 'data/prod/scores.csv': 'a,b\n1,2\n' }, status: 'fail' },
  ],
  'infra.disaster-recovery': [
    { name: 'restore tested this year', files: { 'train.py': trainScript }, answers: { 'infrastructure.recovery-objectives': 'tested' }, status: 'pass', evidence: 'infrastructure.recovery-objectives: "tested"' },
    { name: 'versioned model bucket, objectives unanswered', files: { 'infra/storage.tf': terraformVersioned }, status: 'partial', evidence: 'aws_s3_bucket_versioning' },
    { name: 'objectives written down, no restore test', files: { 'train.py': trainScript }, answers: { 'infrastructure.recovery-objectives': 'defined' }, status: 'partial' },
    { name: 'no objectives and no backups', files: { 'infra/main.tf': terraformBuckets }, answers: { 'infrastructure.recovery-objectives': 'none' }, status: 'fail' },
    { name: 'unanswered and no backups', files: { 'infra/main.tf': terraformBuckets }, status: 'unknown' },
  ],
  'infra.compute-efficiency': [
    { name: 'reviewed regularly with automatic idle shutdown', files: { 'train.py': trainScript }, answers: { 'infrastructure.compute-rightsizing': 'automated' }, status: 'pass' },
    { name: 'spot training and ONNX Runtime serving', files: { 'pipelines/train.py': spotTraining, 'src/serve.py': onnxServing }, status: 'pass', evidence: 'pipelines/train.py:8' },
    { name: 'ONNX Runtime declared but never used', files: { 'requirements.txt': requirements('onnxruntime==1.18.0', 'scikit-learn==1.4.2'), 'train.py': trainScript }, answers: { 'infrastructure.compute-rightsizing': 'defaults' }, status: 'partial', evidence: 'declares onnxruntime' },
    { name: 'sized once from measurements', files: { 'train.py': trainScript }, answers: { 'infrastructure.compute-rightsizing': 'reviewed' }, status: 'partial' },
    { name: 'defaults everywhere', files: { 'train.py': trainScript }, answers: { 'infrastructure.compute-rightsizing': 'defaults' }, status: 'fail' },
    { name: 'unanswered and nothing in the repository', files: { 'train.py': trainScript }, status: 'unknown' },
  ],
};
