import { dependabot, inferenceService, llmAssistant, llmAssistantCase, notebook, pretrainedModelService, releasedLibraryCase, requirements, sagemakerEndpoint, schedule, trainScript, workflow } from '../../helpers/repo-snippets.js';
import type { RuleCases } from '../../helpers/rule-tester.js';

const online = { 'infrastructure.serving-mode': 'online' };
const batch = { 'infrastructure.serving-mode': 'batch' };

const instrumentedApi = `"""Fraud scoring API."""
from fastapi import FastAPI
from prometheus_fastapi_instrumentator import Instrumentator

app = FastAPI(title="fraud")
Instrumentator().instrument(app).expose(app)


@app.post("/score")
def score(tx: dict) -> dict:
    return {"fraud_probability": model.predict_proba([tx])[0][1]}
`;

const plainApi = `"""Fraud scoring API."""
from collections import Counter

from fastapi import FastAPI

app = FastAPI(title="fraud")
requests_seen = Counter()


@app.post("/score")
def score(tx: dict) -> dict:
    requests_seen[tx["merchant"]] += 1
    return {"fraud_probability": model.predict_proba([tx])[0][1], "model_version": MODEL_VERSION}
`;

const serviceMonitor = `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: fraud-api
spec:
  selector:
    matchLabels:
      app: fraud-api
  endpoints:
    - port: http
      path: /metrics
`;

const prometheusRule = `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: fraud-api-slo
spec:
  groups:
    - name: fraud-api
      rules:
        - alert: FraudApiLatencyHigh
          expr: histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{app="fraud-api"}[5m])) by (le)) > 0.2
          for: 10m
          labels:
            severity: page
`;

const cloudwatchAlarm = `resource "aws_cloudwatch_metric_alarm" "latency" {
  alarm_name          = "fraud-p95-latency"
  namespace           = "AWS/SageMaker"
  metric_name         = "ModelLatency"
  extended_statistic  = "p95"
  comparison_operator = "GreaterThanThreshold"
  threshold           = 200000
  evaluation_periods  = 3
  alarm_actions       = [aws_sns_topic.oncall.arn]
}

resource "pagerduty_service" "fraud" {
  name = "fraud-scoring"
}
`;

const driftModule = `"""Daily drift report against the training reference."""
from evidently.metric_preset import DataDriftPreset
from evidently.report import Report


def drift_report(reference, current):
    report = Report(metrics=[DataDriftPreset()])
    report.run(reference_data=reference, current_data=current)
    return report.as_dict()


if __name__ == "__main__":
    main()
`;

const scheduledDriftWorkflow = workflow({
  name: 'drift',
  on: schedule('0 6 * * *'),
  job: 'drift',
  steps: ['uses: actions/checkout@v4', 'run: pip install -r requirements.txt', 'run: python -m fraud.monitoring.drift --window 1d'],
});

const nightlyRetrain = workflow({ name: 'retrain', on: schedule('0 2 * * 1'), job: 'train', steps: ['run: python -m fraud.train --config params.yaml'] });

const sagemakerMonitor = `from sagemaker.model_monitor import CronExpressionGenerator, DefaultModelMonitor

monitor = DefaultModelMonitor(role=role, instance_count=1, instance_type="ml.m5.xlarge")
monitor.suggest_baseline(baseline_dataset="s3://ml/fraud/train.csv", dataset_format=DatasetFormat.csv(header=True))
monitor.create_monitoring_schedule(
    endpoint_input="fraud-endpoint",
    schedule_cron_expression=CronExpressionGenerator.hourly(),
)
`;

const grafanaDashboard = `{
  "title": "Fraud scoring",
  "panels": [
    { "type": "timeseries", "title": "p95 latency" },
    { "type": "timeseries", "title": "Share of drifted features" }
  ]
}
`;

const lakehouseMonitorBundle = `resources:
  quality_monitors:
    churn_monitor:
      table_name: main.ml.churn_predictions
      inference_log:
        problem_type: PROBLEM_TYPE_CLASSIFICATION
`;

const retrainingJob = `  jobs:
    retraining_job:
      tasks:
        - task_key: is_metric_violated
          notebook_task:
            notebook_path: ../monitoring/notebooks/MetricViolationCheck.py
        - task_key: trigger_retraining
          depends_on:
            - task_key: is_metric_violated
          run_job_task:
            job_id: \${resources.jobs.model_training_job.id}
`;

/** MLRun's model monitoring switched on for a serving function the pipeline deploys. */
const mlrunTrackedServing = 'import mlrun\n\n\ndef deploy(project):\n    serving_fn = project.get_function("serving")\n    serving_fn.set_tracking()\n    project.deploy_function(serving_fn)\n';

export const cases: RuleCases = {
  'monitoring.service-health-metrics': [
    {
      name: "a /metrics handler that writes Prometheus' text format itself",
      files: {
        'src/api/main.py':
          'from fastapi import FastAPI\nfrom fastapi.responses import PlainTextResponse\n\napp = FastAPI()\nPREDICTIONS = {"ok": 0}\n\n\n@app.get("/metrics", response_class=PlainTextResponse)\ndef metrics() -> str:\n    lines = [\n        "# HELP api_predictions_total Predictions served",\n        "# TYPE api_predictions_total counter",\n        f"api_predictions_total {PREDICTIONS[\'ok\']}",\n    ]\n    return "\\n".join(lines)\n',
      },
      answers: online,
      status: 'pass',
      firstEvidence: 'src/api/main.py:12',
    },
    {
      name: 'a comment about the text format writes no metrics',
      files: {
        'src/api/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n# "# TYPE requests_total counter" is what a client library would print\n\n\n@app.post("/predict")\ndef predict(x: dict) -> dict:\n    return {"y": 1}\n',
      },
      answers: online,
      status: 'fail',
    },
    {
      name: "Braintrust's logger started for the app's project traces each LLM call",
      files: {
        'lib/braintrust.ts': 'import {\n  initLogger,\n  type Logger,\n} from "braintrust";\n\nexport function getLogger(): Logger<true> | undefined {\n  if (!process.env.BRAINTRUST_API_KEY) return undefined;\n  return initLogger({\n    apiKey: process.env.BRAINTRUST_API_KEY,\n    projectName: "chat",\n  });\n}\n',
        'app/api/chat/route.ts': 'import Together from "together-ai";\n\nexport async function POST(request: Request) {\n  return Response.json(await together.chat.completions.create({ model, messages }));\n}\n',
      },
      answers: online,
      status: 'pass',
      firstEvidence: 'lib/braintrust.ts:8',
    },
    {
      name: "a stored Braintrust prompt run by invoke in a traced function",
      files: {
        'app/api/summary/route.ts': 'import { invoke, wrapTraced } from "braintrust";\n\nexport async function POST(req: Request) {\n  return Response.json(await summarise((await req.json()).content));\n}\n\nconst summarise = wrapTraced(async function summarise(content: string) {\n  return await invoke({\n    projectName: "docs",\n    slug: "summarize",\n    input: { content },\n  });\n});\n',
      },
      answers: online,
      status: 'pass',
      firstEvidence: 'app/api/summary/route.ts:7',
    },
    {
      name: "an app's own initLogger is no LLM tracing",
      files: {
        'src/logger.ts': 'import pino from "pino";\n\nexport function initLogger(level: string) {\n  return pino({ level });\n}\n\nexport const log = initLogger("info");\n',
        'app/api/chat/route.ts': 'import OpenAI from "openai";\n\nconst openai = new OpenAI();\n\nexport async function POST(request: Request) {\n  return Response.json(await openai.chat.completions.create({ model: "gpt-4o", messages: [] }));\n}\n',
      },
      answers: online,
      status: 'fail',
    },
    { name: "OpenTelemetry registered in a Next.js app with Vercel's helper", files: { 'instrumentation.ts': 'import { registerOTel } from "@vercel/otel";\n\nexport function register() {\n  registerOTel({ serviceName: "chatbot" });\n}\n' }, answers: online, status: 'pass', evidence: 'instrumentation.ts:4' },
    {
      name: "the app's OpenTelemetry registration leads, before the AI SDK's trace of each call",
      files: {
        'app/api/chat/route.ts': 'import { streamText } from "ai";\n\nexport async function POST(request: Request) {\n  return streamText({ model, prompt, experimental_telemetry: { isEnabled: true } }).toTextStreamResponse();\n}\n',
        'instrumentation.ts': 'import { registerOTel } from "@vercel/otel";\n\nexport function register() {\n  registerOTel({ serviceName: "chatbot" });\n}\n',
      },
      answers: online,
      status: 'pass',
      firstEvidence: 'instrumentation.ts:4 registerOTel(',
    },
    { name: "a Rails application's gauges and counters registered with prometheus_exporter", files: { 'lib/prometheus_metrics.rb': 'class PrometheusMetrics\n  def self.register\n    PrometheusExporter::Client.default.register(:counter, "answer_count", "The total number of answers")\n  end\nend\n' }, answers: online, status: 'pass', firstEvidence: 'lib/prometheus_metrics.rb:3' },
    { name: 'a Ruby comment naming the exporter', files: { 'lib/metrics.rb': '# TODO: report these with prometheus_exporter\nclass Metrics\nend\n' }, answers: online, status: 'fail' },
    { name: "OpenTelemetry's Node SDK started by the service", files: { 'src/tracing.js': 'const { NodeSDK } = require("@opentelemetry/sdk-node");\n\nconst sdk = new NodeSDK({ traceExporter });\nsdk.start();\n' }, answers: online, status: 'pass', evidence: 'src/tracing.js:3' },
    { name: 'FastAPI instrumented for Prometheus', files: { 'src/fraud/api/main.py': instrumentedApi }, answers: online, status: 'pass', evidence: 'src/fraud/api/main.py:6' },
    { name: 'ServiceMonitor scrapes the service', files: { 'deploy/servicemonitor.yaml': serviceMonitor }, answers: online, status: 'pass', evidence: 'ServiceMonitor fraud-api' },
    {
      name: 'a SageMaker endpoint records its own metrics, but nothing is shown to watch them',
      files: { 'infra/endpoint.tf': sagemakerEndpoint('fraud') },
      status: 'partial',
      evidence: 'aws_sagemaker_endpoint',
    },
    {
      name: "axum-prometheus's layer on a Rust prediction service, with its /metrics route",
      files: { 'src/server/axum.rs': 'use axum_prometheus::PrometheusMetricLayer;\n\npub fn app() -> Router {\n    let (prometheus_layer, metric_handle) = PrometheusMetricLayer::pair();\n    Router::new()\n        .route("/predict", post(predict))\n        .route("/metrics", get(|| async move { metric_handle.render() }))\n        .layer(prometheus_layer)\n}\n' },
      answers: online,
      status: 'pass',
      firstEvidence: 'src/server/axum.rs:4',
    },
    { name: 'Prometheus counters in a Rust server', files: { 'router/src/server.rs': 'use metrics_exporter_prometheus::PrometheusBuilder;\n\nfn count() {\n    metrics::counter!("tgi_request_count").increment(1);\n}\n' }, answers: online, status: 'pass', evidence: 'router/src/server.rs:4' },
    { name: 'Prometheus metrics in a Go service', files: { 'cmd/server/main.go': 'package main\n\nvar requests = promauto.NewCounterVec(prometheus.CounterOpts{Name: "predictions_total"}, []string{"model"})\n\nfunc main() { http.Handle("/metrics", promhttp.Handler()) }\n' }, answers: online, status: 'pass', evidence: 'cmd/server/main.go:3' },
    { name: 'Application Insights enabled on an Azure ML AKS deployment', files: { 'scoring/deployment_config_aks.yml': 'computeType: AKS\nauthEnabled: True\nappInsightsEnabled: True\n' }, answers: online, status: 'pass', evidence: 'scoring/deployment_config_aks.yml:3' },
    {
      name: "Application Insights wired into an App Service's settings in Bicep",
      files: { 'infra/appservice.bicep': "resource app 'Microsoft.Web/sites@2022-03-01' = {\n  properties: {\n    siteConfig: {\n      appSettings: [\n        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }\n      ]\n    }\n  }\n}\n" },
      answers: online,
      status: 'pass',
      firstEvidence: 'infra/appservice.bicep:5',
    },
    { name: 'the Application Insights Java agent started with the service', files: { 'app/backend/Dockerfile': 'FROM eclipse-temurin:17-jre\nCOPY target/app.jar /app/app.jar\nENTRYPOINT ["java", "-javaagent:/app/applicationinsights-agent-3.4.19.jar", "-jar", "/app/app.jar"]\n' }, answers: online, status: 'pass', firstEvidence: 'app/backend/Dockerfile:3' },
    // An output only hands the connection string to whoever deploys; nothing shows the app reads it.
    { name: 'an Application Insights connection string only output by the template', files: { 'infra/main.bicep': 'output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString\n' }, answers: online, status: 'fail' },
    // azd's shared App Service module wires it only when the caller names an Application Insights resource.
    {
      name: "Application Insights wired only on a condition of a shared module's parameters",
      files: { 'infra/core/host/appservice.bicep': "resource settings 'config' = {\n  properties: union(appSettings,\n    !empty(applicationInsightsName) ? { APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString } : {})\n}\n" },
      answers: online,
      status: 'fail',
    },
    { name: 'Application Insights switched off', files: { 'scoring/deployment_config_aks.yml': 'computeType: AKS\nappInsightsEnabled: False\n' }, answers: online, status: 'fail' },
    { name: 'gunicorn sends request metrics to a StatsD exporter', files: { 'docker/monitor.yml': 'services:\n  api:\n    command:\n      - gunicorn\n      - --statsd-host=statsd:9125\n  statsd:\n    image: prom/statsd-exporter:v0.22.2\n' }, answers: online, status: 'pass', evidence: 'docker/monitor.yml:5' },
    { name: 'OpenTelemetry traces exported to a backend', files: { 'src/app/telemetry.py': 'from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter\n\nprovider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint)))\n' }, answers: online, status: 'pass', evidence: 'src/app/telemetry.py:3' },
    { name: 'LangSmith tracing of the deployed LLM app', files: { ...llmAssistant, '.env.example': 'OPENAI_API_KEY=\nLANGCHAIN_TRACING_V2=true\n' }, answers: online, status: 'pass', evidence: '.env.example:2' },
    { name: 'Prometheus client declared, never used', files: { 'requirements.txt': requirements('fastapi==0.115.6', 'prometheus-client==0.21.1'), 'src/fraud/api.py': plainApi }, answers: online, status: 'partial', evidence: 'declares prometheus-client' },
    // Seldon's servers export request metrics to Prometheus by default; nothing shows that anyone scrapes them.
    { name: 'a Seldon Core v2 Model', files: { 'k8s/model.yaml': 'apiVersion: mlops.seldon.io/v1alpha1\nkind: Model\nmetadata:\n  name: fraud\nspec:\n  storageUri: "gs://acme-models/fraud"\n' }, answers: online, status: 'partial', firstEvidence: 'k8s/model.yaml:2 Model fraud' },
    { name: 'error tracking only', files: { 'src/fraud/api.py': 'import sentry_sdk\n\nsentry_sdk.init(dsn=SENTRY_DSN, traces_sample_rate=0.0)\n' }, answers: online, status: 'partial', evidence: 'sentry_sdk.init' },
    {
      name: 'Sentry tracing every request of the deployed app',
      files: { 'app/settings.py': 'import sentry_sdk\n\nif SENTRY_DSN:\n    sentry_sdk.init(\n        dsn=SENTRY_DSN,\n        traces_sample_rate=1.0,\n        profiles_sample_rate=0.0,\n    )\n' },
      answers: online,
      status: 'pass',
      evidence: 'app/settings.py:6',
    },
    {
      name: 'a Prometheus job scraping a BentoML service, which exports its own metrics, beside the host exporters',
      files: {
        'monitoring/prometheus.yml': "scrape_configs:\n  - job_name: 'node'\n    static_configs:\n      - targets: ['node-exporter:9100']\n  - job_name: 'model_serving'\n    static_configs:\n      - targets: ['api:3000']\n",
        'src/service.py': '@bentoml.service\nclass Fraud:\n    @bentoml.api\n    def predict(self, rows):\n        return self.model.predict(rows)\n',
      },
      answers: online,
      status: 'pass',
      firstEvidence: 'monitoring/prometheus.yml:5',
    },
    {
      name: 'a Prometheus job scraping a Triton server started from compose',
      files: {
        'monitoring/prometheus.yml': "scrape_configs:\n  - job_name: triton\n    static_configs:\n      - targets: ['triton:8002']\n",
        'docker-compose.yml': 'services:\n  triton:\n    image: nvcr.io/nvidia/tritonserver:24.05-py3\n    command: tritonserver --model-repository=/models\n',
      },
      answers: online,
      status: 'pass',
      firstEvidence: 'monitoring/prometheus.yml:2',
    },
    {
      // darkzard05/rag-system-ollama scrapes /api/v1/metrics, which its FastAPI app never serves.
      name: 'a Prometheus job scraping an API that exports no metrics collects nothing about it',
      files: {
        'monitoring/prometheus.yml': "scrape_configs:\n  - job_name: 'rag-api'\n    static_configs:\n      - targets: ['api:8000']\n    metrics_path: '/api/v1/metrics'\n",
        'src/fraud/api.py': plainApi,
      },
      answers: online,
      status: 'partial',
      firstEvidence: 'monitoring/prometheus.yml:2',
    },
    {
      // wikimedia/research-mwaddlink: gunicorn sends each request's timing and status to StatsD.
      name: "gunicorn's StatsD set in its settings file",
      files: { 'gunicorn.conf.py': 'bind = "0.0.0.0:8000"\nstatsd_host = "localhost:9125"\nstatsd_prefix = "linkrecommendation"\n', 'app.py': plainApi },
      answers: online,
      status: 'pass',
      firstEvidence: 'gunicorn.conf.py:2',
    },
    { name: "gunicorn's StatsD commented out", files: { 'gunicorn.conf.py': 'bind = "0.0.0.0:8000"\n# statsd_host = "localhost:9125"\n', 'app.py': plainApi }, answers: online, status: 'fail' },
    {
      name: 'a Prometheus job scraping an API instrumented with a Prometheus client',
      files: { 'monitoring/prometheus.yml': "scrape_configs:\n  - job_name: 'api'\n    static_configs:\n      - targets: ['api:8000']\n", 'src/fraud/api.py': instrumentedApi },
      answers: online,
      status: 'pass',
    },
    {
      name: 'Prometheus scraping only itself and the host exporters watches machines, not the service',
      files: { 'monitoring/prometheus.yml': "scrape_configs:\n  - job_name: 'node'\n    static_configs:\n      - targets: ['node-exporter:9100']\n  - job_name: cadvisor\n  - job_name: \"prometheus\"\n  - job_name: opencost\n", 'src/fraud/api.py': plainApi },
      answers: online,
      status: 'fail',
    },
    { name: 'an API without metrics (collections.Counter is not a metric)', files: { 'src/fraud/api.py': plainApi }, answers: online, status: 'fail' },
    { name: 'instrumentation only in an example', files: { 'examples/serving/main.py': instrumentedApi, 'src/fraud/api.py': plainApi }, answers: online, status: 'fail' },
    { name: 'batch scoring', files: { 'src/fraud/score.py': 'df["score"] = model.predict_proba(df)[:, 1]\n' }, answers: batch, status: 'not_applicable' },
    { name: 'serving mode unanswered, no metrics', files: { 'src/fraud/api.py': plainApi }, status: 'unknown', evidence: 'infrastructure.serving-mode is not answered' },
  ],

  'monitoring.slo-alerting': [
    { name: 'PrometheusRule on latency', files: { 'deploy/alerts.yaml': prometheusRule }, answers: online, status: 'pass', evidence: 'PrometheusRule fraud-api-slo' },
    { name: 'CloudWatch alarm and PagerDuty in Terraform', files: { 'infra/alerts.tf': cloudwatchAlarm }, answers: online, status: 'pass', evidence: 'infra/alerts.tf:1' },
    { name: 'CloudWatch alarm created from a metric in the CDK', files: { 'lib/alarms.ts': "import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';\n\nendpointLatency.createAlarm(this, 'P99Latency', { threshold: 500, evaluationPeriods: 3 });\nnew cloudwatch.Alarm(this, 'Errors', { metric: errors, threshold: 1, evaluationPeriods: 1 });\n" }, answers: online, status: 'pass', evidence: 'lib/alarms.ts:3' },
    { name: 'alarms declared through a Terraform module', files: { 'infra/alarms.tf': 'module "api_alarms" {\n  source = "git::https://github.com/acme/terraform-modules.git//modules/observability/ecs-alarms?ref=v2.0.0"\n}\n' }, answers: online, status: 'pass', evidence: 'module api_alarms' },
    { name: 'alerting configured in Datadog, outside the repository', answers: { ...online, 'monitoring.slo-alerting': 'alerting' }, status: 'pass', evidence: 'monitoring.slo-alerting: "alerting"' },
    { name: 'targets known, not alerted', answers: { ...online, 'monitoring.slo-alerting': 'informal' }, status: 'partial' },
    { name: 'alert rules only in the docs', files: { 'docs/examples/alerts.yaml': prometheusRule }, answers: { ...online, 'monitoring.slo-alerting': 'none' }, status: 'fail' },
    { name: 'batch scoring', answers: { ...batch, 'monitoring.slo-alerting': 'none' }, status: 'not_applicable' },
    { name: 'unanswered, nothing in the repository', files: { 'src/fraud/api.py': plainApi }, status: 'unknown', evidence: 'monitoring.slo-alerting is not answered' },
  ],

  'monitoring.prediction-logging': [
    {
      name: 'an Azure ML deployment that collects its inputs and outputs',
      files: { 'deploy/online.py': 'from azure.ai.ml.entities import DataCollector, DeploymentCollection, ManagedOnlineDeployment\n\ndeployment = ManagedOnlineDeployment(\n    name="blue",\n    model=model,\n    data_collector=DataCollector(collections={"model_inputs": DeploymentCollection(enabled="true"), "model_outputs": DeploymentCollection(enabled="true")}),\n)\n', 'src/train.py': 'model.fit(X, y)\n' },
      status: 'pass',
      firstEvidence: 'deploy/online.py:6',
    },
    // The project's own class that downloads data is no capture of predictions.
    {
      name: "a project's own DataCollector class",
      files: {
        'src/data_download.py': 'from src.collector import DataCollector\n\n\ndef download(region):\n    data_obj = DataCollector()\n    return data_obj.get_data(region)\n',
        'src/train.py': 'model.fit(X, y)\n',
      },
      status: 'fail',
    },
    releasedLibraryCase,
    // A service that keeps every prediction in its database, with the version of the model that made it.
    {
      name: 'predictions stored in a table with a model_version column',
      files: {
        'backend/db.py': 'from sqlalchemy import Float, String\nfrom sqlalchemy.orm import Mapped, mapped_column\n\n\nclass Prediction(Base):\n    __tablename__ = "predictions"\n\n    request_id: Mapped[str] = mapped_column(String(36), primary_key=True)\n    model_version: Mapped[str] = mapped_column(String(200))\n    prob_toxic: Mapped[float | None] = mapped_column(Float)\n',
      },
      status: 'pass',
      firstEvidence: 'backend/db.py:6',
    },
    { name: 'a predictions table without the model version', files: { 'app/models.py': 'class PredictionLog(Base):\n    __tablename__ = "prediction_logs"\n    id = Column(Integer, primary_key=True)\n    score = Column(Float)\n' }, status: 'fail' },
    // A tracked MLRun serving function streams each request, its prediction and the model endpoint to MLRun's monitoring.
    {
      name: 'MLRun model monitoring enabled on the serving function',
      files: { 'src/workflow.py': mlrunTrackedServing },
      status: 'pass',
      firstEvidence: 'src/workflow.py:6 serving_fn.set_tracking()',
    },
    {
      name: "each LLM call traced by the AI SDK's telemetry",
      files: { 'app/api/chat/route.ts': 'import { streamText } from "ai";\n\nexport async function POST(request: Request) {\n  const result = streamText({\n    model,\n    messages,\n    experimental_telemetry: { isEnabled: true, functionId: "chat" },\n  });\n  return result.toUIMessageStreamResponse();\n}\n' },
      status: 'pass',
      evidence: 'app/api/chat/route.ts:7',
    },
    { name: 'a Langfuse client in a TypeScript service', files: { 'src/llm.ts': 'import { Langfuse } from "langfuse";\n\nexport const langfuse = new Langfuse();\n' }, status: 'pass', evidence: 'src/llm.ts:3' },
    { name: 'LLM calls traced to LangSmith', files: { ...llmAssistant, '.env.example': '# LangSmith tracing of every run\nLANGSMITH_TRACING=true\nLANGSMITH_PROJECT=docs-assistant\n' }, status: 'pass', evidence: '.env.example:2' },
    { name: 'LangSmith tracing left switched off', files: { ...llmAssistant, '.env.example': 'LANGSMITH_TRACING=false\n# LANGSMITH_TRACING=true\n' }, status: 'fail' },
    {
      name: 'structured log with the model version',
      files: { 'src/fraud/serve.py': 'import structlog\n\nlog = structlog.get_logger()\n\n\ndef score(tx, request_id):\n    p = float(model.predict_proba([tx])[0][1])\n    log.info("prediction", request_id=request_id, model_version=MODEL_VERSION, features=tx, fraud_probability=p)\n    return p\n' },
      status: 'pass',
      evidence: 'src/fraud/serve.py:8',
    },
    {
      name: 'SageMaker data capture',
      files: { 'deploy/deploy.py': 'from sagemaker.model_monitor import DataCaptureConfig\n\ncapture = DataCaptureConfig(enable_capture=True, sampling_percentage=20, destination_s3_uri="s3://ml/fraud/capture")\npredictor = model.deploy(initial_instance_count=2, instance_type="ml.m5.large", data_capture_config=capture)\n' },
      status: 'pass',
      evidence: 'deploy/deploy.py:3',
    },
    {
      name: 'KServe request logger',
      files: { 'deploy/isvc.yaml': inferenceService('fraud', 'logger:\n  mode: all\n  url: http://message-dumper.default/\nsklearn:\n  storageUri: s3://ml/fraud/model') },
      status: 'pass',
      evidence: 'InferenceService fraud',
    },
    {
      name: 'batch scores tagged with the model version',
      files: { 'src/fraud/batch_score.py': 'scores = customers[["customer_id"]].copy()\nscores["fraud_probability"] = model.predict_proba(X)[:, 1]\nscores["model_version"] = model_version\nscores.to_parquet(output_path)\n' },
      status: 'pass',
      evidence: 'src/fraud/batch_score.py:3',
    },
    { name: 'predictions logged without a version', files: { 'src/fraud/serve.py': 'import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef score(tx):\n    p = model.predict_proba([tx])[0][1]\n    logger.info("prediction=%s", p)\n    return p\n' }, status: 'partial', evidence: 'src/fraud/serve.py:8' },
    { name: 'the version is returned, but nothing is logged', files: { 'src/fraud/api.py': plainApi }, status: 'fail' },
    {
      name: 'a log line about uploading a model is not a prediction log',
      files: { 'src/tfx_pipelines/components.py': 'model_uri = vertex_model.gca_resource.name\nlogging.info(f"Model uploaded to Vertex AI: {model_uri}")\n' },
      status: 'fail',
    },
  ],

  'monitoring.data-drift': [
    // A setting named for the PSI (the threshold a feature-admission contract applies) computes no drift.
    {
      name: "a contract's PSI threshold is a setting, not a drift check",
      files: {
        'src/contract/admission.py': 'class AdmissionPolicy:\n    @property\n    def psi_threshold(self) -> float:\n        return float(self.config["psi_threshold"])\n',
        'src/train.py': 'model = LGBMClassifier().fit(X, y)\n',
      },
      status: 'fail',
    },
    llmAssistantCase,
    // MLRun's model monitoring, switched on for a serving function, runs its drift analysis on a schedule of its own.
    {
      name: 'MLRun model monitoring enabled on the deployed serving function',
      files: { 'src/workflow.py': mlrunTrackedServing },
      status: 'pass',
      firstEvidence: 'src/workflow.py:6 serving_fn.set_tracking()',
    },
    // Another library's set_tracking (a telescope's mount, a UI slider) monitors no model.
    { name: 'set_tracking of something that is not a model server', files: { 'src/mount.py': 'from sklearn.linear_model import LinearRegression\n\nmodel = LinearRegression().fit(X, y)\nmount.set_tracking(True)\n' }, status: 'fail' },
    {
      // Drift gauges exported to Prometheus by a service nothing is shown to run or schedule (judeoyovbaire/mlops-platform's
      // drift detector is such a library, unused): partial until a schedule or job runs it.
      name: "Evidently's earlier monitors in a service exporting drift gauges",
      files: {
        'server/monitoring_server/metric_server.py':
          'import prometheus_client\nfrom evidently.model_monitoring import DataDriftMonitor, ModelMonitoring\nfrom evidently.options.data_drift import DataDriftOptions\n\napp.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/metrics": prometheus_client.make_wsgi_app()})\n\n\nclass MonitoringService:\n    def __init__(self, window_size):\n        self.options = DataDriftOptions(drift_share=1)\n        self.monitoring = ModelMonitoring(monitors=[DataDriftMonitor()], options=[self.options])\n',
      },
      status: 'partial',
      evidence: 'server/monitoring_server/metric_server.py:10 self.options = DataDriftOptions(drift_share=1)',
    },
    // A drift report written to a file, with nothing exporting it, is a job someone runs.
    { name: "Evidently's earlier dashboard tab, run by hand", files: { 'src/report.py': 'from evidently.dashboard import Dashboard\nfrom evidently.dashboard.tabs import DataDriftTab\n\nDashboard(tabs=[DataDriftTab()]).save("drift.html")\n' }, status: 'partial', evidence: 'src/report.py:4' },
    { name: 'a Databricks Lakehouse monitor on the inference table', files: { 'src/monitoring.py': 'from databricks.sdk import WorkspaceClient\nfrom databricks.sdk.service.catalog import MonitorInferenceLog\n\nworkspace = WorkspaceClient()\nworkspace.quality_monitors.create(table_name=table, assets_dir=assets, output_schema_name=schema, inference_log=MonitorInferenceLog(problem_type=problem, prediction_col="prediction", model_id_col="model_version", timestamp_col="ts", granularities=["30 minutes"]))\n' }, status: 'pass', evidence: 'src/monitoring.py:5 workspace.quality_monitors.create(' },
    { name: 'a Lakehouse monitor declared in a Databricks asset bundle', files: { 'resources/monitoring.yml': 'resources:\n  quality_monitors:\n    churn_inference_monitor:\n      table_name: main.ml.churn_inference\n      inference_log:\n        problem_type: PROBLEM_TYPE_CLASSIFICATION\n' }, status: 'pass', evidence: 'resources/monitoring.yml:2 quality_monitors:' },
    // Refreshing a monitor created elsewhere (by hand, in the UI) shows no monitor the project defines.
    { name: 'a Lakehouse monitor only refreshed', files: { 'scripts/refresh.py': 'from databricks.sdk import WorkspaceClient\n\nWorkspaceClient().quality_monitors.run_refresh(table_name=table)\n' }, status: 'fail' },
    { name: 'SageMaker Model Monitor schedule', files: { 'deploy/monitor.py': sagemakerMonitor }, status: 'pass', evidence: 'deploy/monitor.py:3' },
    // Drift code a team writes itself: a chi-square test or a distance between the reference and current data,
    // in a module named for drift, or detectors derived from a drift detector base (lukasgro63/tinymlops-poc's TinyLCM).
    {
      name: 'a chi-square drift check of its own, run by a scheduled workflow',
      files: {
        'src/fraud/monitoring/drift.py':
          'import pandas as pd\nfrom scipy.stats import chi2_contingency\n\n\ndef main():\n    reference = pd.read_parquet("reference.parquet")\n    current = pd.read_parquet("current.parquet")\n    for column in CATEGORICAL:\n        table = pd.concat([reference[column].value_counts(), current[column].value_counts()], axis=1).fillna(0)\n        _, p_value, _, _ = chi2_contingency(table)\n',
        '.github/workflows/drift.yml': scheduledDriftWorkflow,
      },
      status: 'pass',
      firstEvidence: 'src/fraud/monitoring/drift.py:10 _, p_value, _, _ = chi2_contingency(table)',
    },
    {
      name: "drift detector classes of the project's own, on the device: nothing schedules them",
      files: {
        'tinylcm/core/drift_detection/base.py': 'from abc import ABC, abstractmethod\n\n\nclass DriftDetector(ABC):\n    @abstractmethod\n    def update(self, record): ...\n',
        'tinylcm/core/drift_detection/cusum.py': 'from tinylcm.core.drift_detection.base import DriftDetector\n\n\nclass AccuracyCUSUM(DriftDetector):\n    def update(self, record):\n        self.cusum = max(0.0, self.cusum + self.reference_accuracy - record["accuracy"] - self.delta)\n        return self.cusum > self.threshold\n',
        'tinylcm/core/pipeline.py': 'import tflite_runtime.interpreter as tflite\n\ninterpreter = tflite.Interpreter(model_path="model.tflite")\n',
      },
      status: 'partial',
      firstEvidence: 'tinylcm/core/drift_detection/cusum.py:4 class AccuracyCUSUM(DriftDetector):',
    },
    {
      name: 'a Jensen-Shannon distance and a log ratio of frequencies in a drift module are drift code',
      files: {
        'monitoring/feature_drift.py':
          'import numpy as np\nfrom scipy.spatial.distance import jensenshannon\n\n\ndef compare(baseline, live):\n    score = jensenshannon(baseline, live)\n    psi = np.sum((live - baseline) * np.log(live / baseline))\n    return score, psi\n',
        'train.py': 'from sklearn.linear_model import LogisticRegression\n\nmodel = LogisticRegression().fit(X, y)\n',
      },
      status: 'partial',
      evidence: ['monitoring/feature_drift.py:6', 'monitoring/feature_drift.py:7'],
    },
    {
      // A test-set evaluation compares predictions with labels once; a distance there measures the model, not drift.
      name: 'a chi-square test or a KL divergence in an evaluation module is no drift check',
      files: { 'src/evaluate.py': 'from scipy.stats import chisquare\nfrom scipy.special import kl_div\nfrom sklearn.linear_model import LogisticRegression\n\nmodel = LogisticRegression().fit(X, y)\nstat, p = chisquare(model.predict(X_test), y_test)\nloss = kl_div(p_pred, p_true).sum()\n' },
      status: 'fail',
    },
    {
      name: 'evidently drift job run by a scheduled workflow',
      files: { 'src/fraud/monitoring/drift.py': driftModule, '.github/workflows/drift.yml': scheduledDriftWorkflow },
      status: 'pass',
      evidence: 'src/fraud/monitoring/drift.py:7',
    },
    {
      name: 'a PSI drift task in an Airflow DAG whose schedule is a named constant',
      files: {
        'src/monitoring/psi.py': driftModule,
        'airflow/dags/monitoring_dag.py': 'from schedule_defs import PSI_HOURLY_SCHEDULE\n\nwith DAG(dag_id="psi_publish", schedule=PSI_HOURLY_SCHEDULE):\n    PythonOperator(task_id="publish_drift", python_callable=run)\n',
      },
      status: 'pass',
    },
    {
      name: 'monitoring schedule in Terraform',
      files: { 'infra/monitor.tf': 'resource "aws_sagemaker_monitoring_schedule" "fraud" {\n  name = "fraud-drift"\n  monitoring_schedule_config {\n    monitoring_job_definition_name = aws_sagemaker_data_quality_job_definition.fraud.name\n    monitoring_type                = "DataQuality"\n  }\n}\n' },
      status: 'pass',
      evidence: 'aws_sagemaker_monitoring_schedule',
    },
    {
      name: 'monitoring schedule declared with the CDK',
      files: { 'infra/monitor_stack.py': 'from aws_cdk import aws_sagemaker as sagemaker\n\nsagemaker.CfnMonitoringSchedule(self, "DataQuality", monitoring_schedule_name="fraud-drift")\n' },
      status: 'pass',
      evidence: 'AWS::SageMaker::MonitoringSchedule',
    },
    {
      name: 'skew detection on Vertex AI batch predictions',
      files: { 'components/batch_predict.py': 'message["modelMonitoringConfig"] = {\n    "alertConfig": {"emailAlertConfig": {"userEmails": emails}},\n    "objectiveConfigs": [{"trainingPredictionSkewDetectionConfig": skew_config}],\n}\n' },
      status: 'pass',
      evidence: 'components/batch_predict.py:1',
    },
    { name: 'a CDK monitoring schedule in a comment does not count', files: { 'infra/monitor_stack.py': 'from aws_cdk import aws_sagemaker as sagemaker\n\n# sagemaker.CfnMonitoringSchedule(self, "DataQuality")\n' }, status: 'fail' },
    { name: 'drift code that nothing schedules', files: { 'src/fraud/monitoring/drift.py': driftModule }, status: 'partial', evidence: 'src/fraud/monitoring/drift.py:7' },
    { name: 'a schedule that only retrains does not run the drift code', files: { 'src/fraud/monitoring/drift.py': driftModule, '.github/workflows/retrain.yml': nightlyRetrain }, status: 'partial' },
    {
      name: 'a scheduled test run of the drift module is not monitoring',
      files: { 'src/fraud/monitoring/drift.py': driftModule, '.github/workflows/nightly.yml': workflow({ on: schedule('0 1 * * *'), steps: ['run: python -m pytest tests/test_drift.py'] }) },
      status: 'partial',
    },
    { name: 'drift checked in a notebook', files: { 'notebooks/drift.ipynb': notebook('from scipy.stats import ks_2samp\nks_2samp(train["amount"], last_week["amount"])') }, status: 'partial', evidence: 'cell 1' },
    { name: 'a PSI function by name', files: { 'notebooks/drift.ipynb': notebook('def compute_psi(expected, actual, buckets=10):\n    return psi') }, status: 'partial', evidence: 'def compute_psi' },
    {
      name: 'a Vertex AI monitoring job created by hand in a notebook',
      files: { '08-model-monitoring.ipynb': notebook('job = vertex_ai_beta.ModelDeploymentMonitoringJob(\n    display_name=JOB_NAME,\n    endpoint=endpoint_uri,\n    model_deployment_monitoring_schedule_config=schedule_config,\n)\nclient.create_model_deployment_monitoring_job(parent=PARENT, model_deployment_monitoring_job=job)') },
      status: 'partial',
      evidence: 'cell 1',
    },
    { name: '"epsilon" contains "psi" but computes no drift', files: { '18_reinforcement_learning.ipynb': notebook('def epsilon_greedy_policy(state, epsilon=0):\n    return np.argmax(Q_values[state])') }, status: 'fail' },
    // A drift library in the requirements that no code imports is a plan, as a serving framework is.
    { name: 'evidently declared, never imported', files: { 'requirements.txt': requirements('evidently==0.4.40') }, status: 'fail', evidence: 'not counted: evidently is declared, and no code imports it' },
    { name: 'evidently imported, never called', files: { 'requirements.txt': requirements('evidently==0.4.40'), 'monitoring/report.py': 'from evidently.report import Report\n\nREPORTS_DIR = "reports"\n' }, status: 'partial', evidence: 'declares evidently' },
    { name: 'no drift monitoring', files: { 'src/fraud/serve.py': 'def score(tx):\n    return model.predict([tx])\n' }, status: 'fail' },
  ],

  'monitoring.model-quality': [
    releasedLibraryCase,
    { name: 'quality computed by a scheduled job', answers: { 'monitoring.live-quality': 'automated' }, status: 'pass' },
    {
      name: 'SageMaker model quality monitor',
      files: { 'deploy/quality.py': 'from sagemaker.model_monitor import ModelQualityMonitor\n\nmonitor = ModelQualityMonitor(role=role, instance_count=1, instance_type="ml.m5.xlarge")\nmonitor.create_monitoring_schedule(endpoint_input=endpoint_input, ground_truth_input="s3://ml/fraud/labels")\n' },
      status: 'pass',
      evidence: 'deploy/quality.py:3',
    },
    {
      name: 'NannyML estimate run by a CronJob',
      files: {
        'src/fraud/monitoring/performance.py': 'import nannyml as nml\n\nestimator = nml.CBPE(y_pred_proba="fraud_probability", y_pred="flagged", y_true="is_fraud", problem_type="classification_binary", metrics=["roc_auc"], chunk_period="d")\n',
        'deploy/performance-cronjob.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: fraud-performance\nspec:\n  schedule: "0 7 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: job\n              image: fraud:1.4.0\n              command: ["python", "-m", "fraud.monitoring.performance"]\n          restartPolicy: OnFailure\n',
      },
      status: 'pass',
      evidence: 'src/fraud/monitoring/performance.py:3',
    },
    { name: 'measured by hand', answers: { 'monitoring.live-quality': 'manual' }, status: 'partial' },
    { name: 'classification report in a notebook, unanswered', files: { 'notebooks/live-quality.ipynb': notebook('from evidently.metric_preset import ClassificationPreset\nreport = Report(metrics=[ClassificationPreset()])') }, status: 'partial', evidence: 'cell 1' },
    { name: 'not measured', answers: { 'monitoring.live-quality': 'none' }, status: 'fail' },
    { name: 'unanswered, nothing in the repository', files: { 'src/fraud/serve.py': 'x = 1\n' }, status: 'unknown', evidence: 'monitoring.live-quality is not answered' },
    {
      name: 'answered automated, but the API that serves the model logs no predictions and computes no quality',
      files: { 'src/fraud/api.py': plainApi },
      answers: { 'monitoring.live-quality': 'automated' },
      status: 'fail',
      conflict: 'evidence',
      evidence: 'not believed',
    },
  ],

  'monitoring.business-kpis': [
    { name: 'dashboarded and reviewed monthly', answers: { 'monitoring.business-kpi': 'reviewed' }, status: 'pass' },
    { name: 'on a dashboard, not reviewed', answers: { 'monitoring.business-kpi': 'dashboarded' }, status: 'partial' },
    { name: 'named but not tracked', answers: { 'monitoring.business-kpi': 'defined' }, status: 'fail' },
    { name: 'no KPI', answers: { 'monitoring.business-kpi': 'none' }, status: 'fail' },
    { name: 'unanswered', status: 'unknown', evidence: 'monitoring.business-kpi is not answered' },
  ],

  'monitoring.online-offline-correlation': [
    { name: "a Statsig client asked for the user's variant", files: { 'src/rank/serve.py': 'experiment = statsig_client.get_experiment(request.user, "ranker_v2")\nmodel = MODELS[experiment.get("model", "champion")]\n' }, status: 'pass', evidence: 'src/rank/serve.py:1' },
    { name: "a tracker's experiment read back to pick a champion is no online test", files: { 'src/training/selector.py': 'api = API(api_key=key)\nexperiment = api.get_experiment(workspace, project, experiment_key)\nrun = mlflow.get_experiment(experiment_id)\n' }, status: 'unknown' },
    { name: 'A/B tests against the current model', answers: { 'monitoring.online-validation': 'controlled' }, status: 'pass' },
    {
      name: 'GrowthBook experiment in the serving code',
      files: { 'src/fraud/serve.py': 'from growthbook import GrowthBook, Experiment\n\ngb = GrowthBook(attributes={"id": customer_id})\nvariant = gb.run(Experiment(key="fraud-model-v5", variations=["champion", "challenger"])).value\n' },
      status: 'pass',
      evidence: 'src/fraud/serve.py:3',
    },
    { name: 'before-and-after comparisons', answers: { 'monitoring.online-validation': 'before-after' }, status: 'partial' },
    {
      name: 'Istio mirrors traffic to the challenger',
      files: { 'deploy/virtualservice.yaml': 'apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: fraud\nspec:\n  hosts: [fraud]\n  http:\n    - route:\n        - destination: {host: fraud-champion}\n      mirror:\n        host: fraud-challenger\n      mirrorPercentage:\n        value: 100.0\n' },
      status: 'partial',
      evidence: 'deploy/virtualservice.yaml:10',
    },
    {
      name: 'a Vertex AI traffic split between two models compares them online',
      files: { 'src/fraud/deploy.py': 'endpoint.deploy(model, traffic_split={"0": 20, champion_id: 80})\n' },
      status: 'partial',
      evidence: 'src/fraud/deploy.py:1',
    },
    { name: 'all traffic to the one model just deployed compares nothing', files: { 'src/fraud/deploy.py': 'endpoint = model.deploy(traffic_split={"0": 100})\n' }, status: 'unknown' },
    { name: 'feature-flag SDK declared', files: { 'requirements.txt': requirements('launchdarkly-server-sdk==9.8.0') }, status: 'partial', evidence: 'declares launchdarkly-server-sdk' },
    { name: 'offline metrics decide', answers: { 'monitoring.online-validation': 'none' }, status: 'fail' },
    { name: 'unanswered', files: { 'src/fraud/serve.py': 'x = 1\n' }, status: 'unknown' },
  ],

  'monitoring.staleness': [
    { name: 'maximum age alerted', answers: { 'monitoring.model-age': 'alerted' }, status: 'pass' },
    {
      name: 'age check against the registry',
      files: { 'src/fraud/monitoring/age.py': 'from datetime import datetime, timezone\n\nMAX_AGE = timedelta(days=30)\n\n\ndef too_old(version):\n    trained_at = datetime.fromtimestamp(version.creation_timestamp / 1000, timezone.utc)\n    return datetime.now(timezone.utc) - trained_at > MAX_AGE\n' },
      status: 'pass',
      evidence: 'src/fraud/monitoring/age.py:8',
    },
    {
      name: 'PromQL alert on model age',
      files: { 'deploy/alerts.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: fraud-model-age\nspec:\n  groups:\n    - name: model\n      rules:\n        - alert: FraudModelTooOld\n          expr: time() - fraud_model_trained_timestamp_seconds > 30 * 86400\n' },
      status: 'pass',
      evidence: 'deploy/alerts.yaml:10',
    },
    { name: 'retrained on a cadence', answers: { 'monitoring.model-age': 'cadence' }, status: 'partial' },
    { name: 'scheduled retraining, unanswered', files: { '.github/workflows/retrain.yml': nightlyRetrain }, status: 'partial', evidence: 'python -m fraud.train' },
    {
      name: 'a Databricks training job on a quartz cron schedule, unanswered',
      files: {
        'src/train.py': trainScript,
        'resources/model-workflow.yml': 'resources:\n  jobs:\n    model_training_job:\n      tasks:\n        - task_key: Train\n          notebook_path: ../training/notebooks/Train.py\n      schedule:\n        quartz_cron_expression: "0 0 9 * * ?"\n',
      },
      status: 'partial',
      evidence: 'resources/model-workflow.yml:8',
    },
    {
      name: 'retraining scheduled by an Airflow DAG, unanswered',
      files: { 'dags/retrain.py': 'with DAG(dag_id="fraud_retrain", schedule="0 2 * * 6"):\n    PythonOperator(task_id="train", python_callable=train)\n' },
      status: 'partial',
      evidence: 'dags/retrain.py:1',
    },
    {
      name: 'a training smoke test that also runs nightly is no retraining cadence',
      files: { '.github/workflows/ci.yml': workflow({ on: `${schedule('0 0 * * *')}\npull_request:`, job: 'tests', steps: ['run: python -m fraud.train --epochs 1'] }) },
      status: 'unknown',
    },
    { name: 'no age limit', answers: { 'monitoring.model-age': 'none' }, status: 'fail' },
    { name: 'unanswered, no retraining', files: { 'src/fraud/train.py': 'x = 1\n' }, status: 'unknown', evidence: 'monitoring.model-age is not answered' },
  ],

  'monitoring.numerical-stability': [
    {
      name: 'the API rejects non-finite scores',
      files: { 'src/fraud/serve.py': 'import math\n\n\ndef score(tx):\n    p = float(model.predict_proba([tx])[0][1])\n    if not math.isfinite(p):\n        raise ValueError("non-finite score")\n    return p\n' },
      status: 'pass',
      evidence: 'src/fraud/serve.py:6',
    },
    {
      name: 'range-constrained response schema',
      files: { 'src/fraud/api/schemas.py': 'from pydantic import BaseModel, Field\n\n\nclass Score(BaseModel):\n    fraud_probability: float = Field(ge=0.0, le=1.0)\n    model_version: str\n' },
      status: 'pass',
      evidence: 'src/fraud/api/schemas.py:5',
    },
    { name: 'finite outputs asserted only in tests', files: { 'tests/test_model.py': 'import numpy as np\n\n\ndef test_scores_are_finite(model, sample):\n    assert np.isfinite(model.predict_proba(sample)).all()\n', 'src/fraud/serve.py': 'def score(tx):\n    return model.predict_proba([tx])[0][1]\n' }, status: 'partial', evidence: 'tests/test_model.py:5' },
    { name: 'NaN handling in feature cleaning is not an output guard', files: { 'src/fraud/features.py': 'import numpy as np\n\n\ndef clean(df):\n    df.loc[np.isnan(df.amount), "amount"] = 0\n    return df\n', 'src/fraud/serve.py': 'def score(tx):\n    return model.predict_proba([tx])[0][1]\n' }, status: 'partial' },
    {
      name: "a request's generation parameters with defaults are not a guard on the output",
      files: { 'src/inference/api.py': 'from fastapi import FastAPI\nfrom pydantic import BaseModel, Field\n\napp = FastAPI()\n\n\nclass SQLRequest(BaseModel):\n    question: str\n    max_new_tokens: int = Field(256, ge=1, le=1024)\n    temperature: float = Field(default=0.1, ge=0.0, le=2.0)\n\n\n@app.post("/generate")\ndef generate(req: SQLRequest):\n    return {"sql": engine.generate(req.question)}\n', 'scripts/train.py': 'trainer.train()\n' },
      status: 'fail',
    },
    { name: 'no guard on an online model', files: { 'src/fraud/serve.py': 'def score(tx):\n    return model.predict_proba([tx])[0][1]\n' }, answers: { 'infrastructure.serving-mode': 'online' }, status: 'fail' },
    {
      name: 'no guard behind a prediction route, serving mode unanswered',
      files: { 'src/fraud/app.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post("/predict")\ndef predict(tx: dict):\n    return {"p": model.predict_proba([tx])[0][1]}\n' },
      status: 'fail',
    },
    { name: 'no serving code and the serving mode unanswered: not a failure yet', files: { 'src/fraud/train.py': trainScript }, status: 'unknown' },
    { name: 'batch scoring has no serving path to guard', files: { 'src/fraud/train.py': trainScript }, answers: { 'infrastructure.serving-mode': 'batch' }, status: 'not_applicable' },
    llmAssistantCase,
    { name: 'a service on a model trained elsewhere still has predictions to guard', files: pretrainedModelService, status: 'fail' },
  ],

  'monitoring.dependency-change-notification': [
    { name: 'Dependabot and data contracts', files: { '.github/dependabot.yml': dependabot }, answers: { 'data.upstream-ownership': 'contracts' }, status: 'pass', evidence: '.github/dependabot.yml' },
    { name: 'Renovate and a fixed dataset', files: { 'renovate.json': '{\n  "extends": ["config:recommended"]\n}\n' }, answers: { 'data.arrival': 'static' }, status: 'pass', evidence: 'renovate.json' },
    { name: 'Dependabot, upstream unanswered', files: { '.github/dependabot.yml': dependabot }, status: 'partial', firstEvidence: '.github/dependabot.yml:3' },
    // An empty update list, or GitHub's template with an empty package-ecosystem, asks Dependabot for nothing.
    { name: 'Dependabot with no updates, upstream unanswered', files: { '.github/dependabot.yml': 'version: 2\nupdates: []\n' }, status: 'unknown' },
    { name: 'data contracts, no dependency bot', answers: { 'data.upstream-ownership': 'contracts' }, status: 'partial' },
    { name: 'nothing announces changes', answers: { 'data.arrival': 'periodic', 'data.upstream-ownership': 'none' }, status: 'fail' },
    { name: 'no bot, upstream unanswered', files: { 'src/fraud/train.py': 'x = 1\n' }, status: 'unknown' },
  ],

  'monitoring.dashboards-runbooks': [
    {
      name: 'Grafana dashboard and runbooks in the repository',
      files: { 'monitoring/dashboards/fraud.json': grafanaDashboard, 'docs/runbooks/drift-alert.md': '# Drift alert\n\n1. Open the Fraud scoring dashboard.\n2. Check the upstream extract.\n' },
      status: 'pass',
      evidence: 'docs/runbooks/drift-alert.md:3',
    },
    { name: 'both kept outside the repository', answers: { 'monitoring.ops-docs': ['dashboards', 'runbooks'] }, status: 'pass' },
    { name: 'a dashboard, runbooks unanswered', files: { 'monitoring/dashboards/fraud.json': grafanaDashboard }, status: 'partial', evidence: 'monitoring/dashboards/fraud.json:3' },
    { name: 'Datadog dashboard in Terraform, no runbooks', files: { 'infra/dashboard.tf': 'resource "datadog_dashboard_json" "fraud" {\n  dashboard = file("${path.module}/fraud.json")\n}\n' }, answers: { 'monitoring.ops-docs': ['dashboards'] }, status: 'partial', evidence: 'datadog_dashboard_json' },
    { name: 'neither', answers: { 'monitoring.ops-docs': ['none'] }, status: 'fail' },
    { name: 'an empty runbook placeholder is not a runbook', files: { 'RUNBOOK.md': '# Runbook\n\nTODO\n' }, answers: { 'monitoring.ops-docs': ['none'] }, status: 'fail' },
    { name: 'unanswered, nothing in the repository', files: { 'src/fraud/serve.py': 'x = 1\n' }, status: 'unknown' },
  ],

  'monitoring.drift-triggered-retraining': [
    { name: 'a Databricks monitoring job whose last task runs the training job', files: { 'resources/monitoring-resource.yml': lakehouseMonitorBundle + retrainingJob }, status: 'pass', evidence: 'resources/monitoring-resource.yml:17 job_id: ${resources.jobs.model_training_job.id}' },
    // The same task in the training workflow chains jobs; no monitor decides it.
    { name: 'a Lakehouse monitor beside a workflow that chains the training job', files: { 'resources/monitoring-resource.yml': lakehouseMonitorBundle, 'resources/model-workflow.yml': retrainingJob }, status: 'partial', evidence: 'quality_monitors:' },
    {
      name: 'drift job starts the SageMaker pipeline',
      files: { 'src/fraud/monitoring/drift_job.py': 'import boto3\n\nsm = boto3.client("sagemaker")\n\n\ndef on_drift(share_drifted: float) -> None:\n    if share_drifted > 0.3:\n        sm.start_pipeline_execution(PipelineName="fraud-training", PipelineExecutionDisplayName="drift-retrain")\n' },
      status: 'pass',
      evidence: 'src/fraud/monitoring/drift_job.py:8',
    },
    {
      name: 'Airflow retrains after a failed drift check',
      files: { 'dags/fraud_monitoring.py': 'with DAG("fraud_monitoring", schedule="@daily", start_date=START) as dag:\n    check_drift = ShortCircuitOperator(task_id="check_drift", python_callable=drift_exceeded)\n    retrain = TriggerDagRunOperator(task_id="retrain", trigger_dag_id="fraud_training")\n    check_drift >> retrain\n' },
      status: 'pass',
      evidence: 'dags/fraud_monitoring.py:4',
    },
    { name: 'drift monitored, retraining by hand', files: { 'src/fraud/monitoring/drift.py': driftModule }, status: 'partial' },
    {
      name: 'CloudWatch alarm on a drift metric',
      files: { 'infra/drift.tf': 'resource "aws_cloudwatch_metric_alarm" "amount_drift" {\n  alarm_name  = "fraud-amount-drift"\n  namespace   = "/aws/sagemaker/Endpoints/data-metrics"\n  metric_name = "feature_baseline_drift_amount"\n  threshold   = 0.2\n}\n' },
      status: 'partial',
      evidence: 'infra/drift.tf:3',
    },
    { name: 'a pipeline launcher outside monitoring is not a trigger', files: { 'src/fraud/launch.py': 'sm.start_pipeline_execution(PipelineName="fraud-training")\n' }, status: 'fail' },
    llmAssistantCase,
  ],
};
