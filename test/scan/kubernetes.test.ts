import { describe, expect, it } from 'vitest';
import { kubernetesCollector } from '../../src/scan/collectors/kubernetes.js';
import { collect } from '../helpers/collect.js';

const INFERENCE_SERVICE = `# Canary rollout of the fraud model
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: fraud-model
  annotations:
    autoscaling.knative.dev/target: "10"
spec:
  predictor:
    minReplicas: 1
    maxReplicas: 5
    canaryTrafficPercent: 10
    logger:
      mode: all
      url: http://broker-ingress.knative-eventing.svc.cluster.local/kserve/default
    model:
      modelFormat:
        name: sklearn
      storageUri: gs://acme-models/fraud/v3
      resources:
        limits:
          cpu: "1"
          memory: 2Gi
`;

const GPU_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm-server
  labels:
    app: llm-server
spec:
  replicas: 3
  selector:
    matchLabels:
      app: llm-server
  template:
    metadata:
      labels:
        app: llm-server
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.5.4
          ports:
            - containerPort: 8000
          resources:
            requests:
              cpu: "4"
              memory: 24Gi
            limits:
              nvidia.com/gpu: 1
              memory: 32Gi
          readinessProbe:
            httpGet: { path: /health, port: 8000 }
          livenessProbe:
            httpGet: { path: /health, port: 8000 }
            initialDelaySeconds: 120
          startupProbe:
            httpGet: { path: /health, port: 8000 }
            failureThreshold: 60
`;

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: llm-server
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: llm-server
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: 70 }
`;

const VOLUME_CLAIMS = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: minio
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 10Gi
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: minio
spec:
  template:
    spec:
      containers:
        - name: minio
          image: minio/minio
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        resources:
          requests:
            storage: 10Gi
`;

describe('kubernetesCollector: manifests', () => {
  it("reads a volume claim's storage request as no workload's resource request", () => {
    const { facts } = collect(kubernetesCollector, { 'deploy/minio.yaml': VOLUME_CLAIMS });
    expect(facts.objects.map(({ kind, features }) => ({ kind, features }))).toEqual([
      { kind: 'PersistentVolumeClaim', features: [] },
      { kind: 'StatefulSet', features: [] },
    ]);
  });

  it.each([
    [
      'a KServe InferenceService with a canary',
      INFERENCE_SERVICE,
      {
        line: 3,
        kind: 'InferenceService',
        apiVersion: 'serving.kserve.io/v1beta1',
        name: 'fraud-model',
        features: ['autoscaling.knative.dev', 'canaryTrafficPercent', 'logger', 'maxReplicas', 'minReplicas', 'resources.limits'],
        images: [],
      },
    ],
    [
      'a GPU Deployment with probes and limits',
      GPU_DEPLOYMENT,
      {
        line: 2,
        kind: 'Deployment',
        apiVersion: 'apps/v1',
        name: 'llm-server',
        features: [
          'livenessProbe',
          'nvidia.com/gpu',
          'readinessProbe',
          'replicas>1',
          'resources.limits',
          'resources.requests',
          'securityContext.runAsNonRoot',
          'startupProbe',
        ],
        images: ['vllm/vllm-openai:v0.5.4'],
      },
    ],
    [
      'a HorizontalPodAutoscaler',
      HPA,
      { line: 2, kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2', name: 'llm-server', features: ['maxReplicas', 'minReplicas'], images: [] },
    ],
  ])('%s', (_case, text, expected) => {
    const { facts, warnings } = collect(kubernetesCollector, { 'deploy/k8s/object.yaml': text });
    expect(warnings).toEqual([]);
    expect(facts.objects).toEqual([{ path: 'deploy/k8s/object.yaml', ...expected }]);
  });

  it('reads every document of a multi-document file, at the line of each kind', () => {
    const { facts } = collect(kubernetesCollector, {
      'k8s/serving.yml': `---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: { app: api }
  ports: [{ port: 80, targetPort: 8080 }]
---
# the API itself
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.0.0
---
`,
    });
    expect(facts.objects.map(({ kind, name, line, features }) => ({ kind, name, line, features }))).toEqual([
      { kind: 'Service', name: 'api', line: 3, features: [] },
      { kind: 'Deployment', name: 'api', line: 12, features: [] },
    ]);
    expect(facts.kinds).toEqual(['Deployment', 'Service']);
  });

  it("reads the images of a workload's containers and init containers, not other keys named image", () => {
    const { facts } = collect(kubernetesCollector, {
      'k8s/api.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-scoring
  annotations:
    image: not-a-container
spec:
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: wait-for-db
              image: busybox:1.36
          containers:
            - name: score
              image: ghcr.io/acme/scorer@sha256:0123
            - name: sidecar
              image: busybox:1.36
`,
    });
    expect(facts.objects.map(({ name, images }) => ({ name, images }))).toEqual([{ name: 'nightly-scoring', images: ['busybox:1.36', 'ghcr.io/acme/scorer@sha256:0123'] }]);
  });

  it('expands the items of a List', () => {
    const { facts } = collect(kubernetesCollector, {
      'cluster-dump.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: ranker
    spec:
      replicas: 4
      strategy:
        canary:
          steps: [{ setWeight: 20 }, { pause: {} }]
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: ranker-config
    data:
      readinessProbe: "not a probe, just data"
`,
    });
    expect(facts.objects.map(({ kind, name, line, features }) => ({ kind, name, line, features }))).toEqual([
      { kind: 'Rollout', name: 'ranker', line: 5, features: ['replicas>1'] },
      { kind: 'ConfigMap', name: 'ranker-config', line: 14, features: [] },
    ]);
  });

  it('reads no settings into a CustomResourceDefinition, whose keys are schema fields', () => {
    const { facts } = collect(kubernetesCollector, {
      'config/crd/serving.kserve.io_inferenceservices.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: inferenceservices.serving.kserve.io
spec:
  versions:
    - name: v1beta1
      schema:
        openAPIV3Schema:
          properties:
            readinessProbe:
              type: object
            resources:
              properties:
                limits:
                  type: object
`,
    });
    expect(facts.objects).toEqual([
      {
        path: 'config/crd/serving.kserve.io_inferenceservices.yaml',
        line: 2,
        kind: 'CustomResourceDefinition',
        apiVersion: 'apiextensions.k8s.io/v1',
        name: 'inferenceservices.serving.kserve.io',
        features: [],
        images: [],
      },
    ]);
  });

  it('reads JSON manifests', () => {
    const { facts } = collect(kubernetesCollector, {
      'deploy/job.json': '{\n  "apiVersion": "batch/v1",\n  "kind": "Job",\n  "metadata": { "name": "nightly-train" },\n  "spec": {}\n}\n',
      'package.json': '{ "name": "ui", "version": "1.0.0" }',
    });
    expect(facts.objects).toEqual([{ path: 'deploy/job.json', line: 3, kind: 'Job', apiVersion: 'batch/v1', name: 'nightly-train', features: [], images: [] }]);
  });
});

describe('kubernetesCollector: Helm and Kustomize', () => {
  const chart = {
    'charts/model-server/Chart.yaml': 'apiVersion: v2\nname: model-server\nversion: 0.3.1\nappVersion: "1.4.0"\n',
    'charts/model-server/values.yaml': 'replicaCount: 2\nimage:\n  repository: ghcr.io/acme/model-server\n  tag: ""\nautoscaling:\n  enabled: true\n',
    'charts/model-server/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "model-server.fullname" . }}
  labels:
    {{- include "model-server.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          readinessProbe:
            httpGet: { path: /ready, port: http }
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
`,
    'charts/model-server/templates/hpa.yaml': `{{- if .Values.autoscaling.enabled }}
apiVersion: {{ include "common.capabilities.hpa.apiVersion" . }}
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "model-server.fullname" . }}
spec:
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
{{- end }}
---
{{- if .Values.serviceAccount.create -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: model-server
{{- end }}
`,
    'charts/model-server/templates/_helpers.tpl': '{{- define "model-server.fullname" -}}{{ .Release.Name }}{{- end }}',
    'deploy/overlays/prod/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\n',
    'deploy/base/Kustomization': 'resources: [deployment.yaml]\n',
  };

  it('reads chart templates line by line, never warning', () => {
    const { facts, warnings } = collect(kubernetesCollector, chart);
    expect(warnings).toEqual([]);
    const templates = facts.objects.filter((object) => object.path.includes('/templates/'));
    expect(templates).toEqual([
      {
        path: 'charts/model-server/templates/deployment.yaml',
        line: 2,
        kind: 'Deployment',
        apiVersion: 'apps/v1',
        name: '{{ include "model-server.fullname" . }}',
        features: ['readinessProbe'],
        images: ['{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}'],
      },
      {
        path: 'charts/model-server/templates/hpa.yaml',
        line: 3,
        kind: 'HorizontalPodAutoscaler',
        apiVersion: '{{ include "common.capabilities.hpa.apiVersion" . }}',
        name: '{{ include "model-server.fullname" . }}',
        features: ['maxReplicas', 'minReplicas'],
        images: [],
      },
      { path: 'charts/model-server/templates/hpa.yaml', line: 13, kind: 'ServiceAccount', apiVersion: 'v1', name: 'model-server', features: [], images: [] },
    ]);
    expect(facts.helmCharts).toEqual(['charts/model-server/Chart.yaml']);
    expect(facts.kustomizations).toEqual(['deploy/base/Kustomization', 'deploy/overlays/prod/kustomization.yaml']);
  });
});

describe('kubernetesCollector: YAML that is not Kubernetes', () => {
  it.each([
    [
      'dvc.yaml',
      `stages:
  train:
    cmd: python src/train.py --config params.yaml
    deps: [src/train.py, data/processed]
    params: [train.lr, train.epochs]
    outs: [models/model.pkl]
`,
    ],
    [
      '.github/workflows/deploy.yml',
      `name: deploy
on: { push: { branches: [main] } }
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          cat <<EOF | kubectl apply -f -
          apiVersion: v1
          kind: ConfigMap
          metadata: { name: release }
          EOF
`,
    ],
    ['environment.yml', 'name: fraud\nchannels: [conda-forge]\ndependencies:\n  - python=3.11\n  - pip:\n    - torch==2.3.1\n'],
    [
      'infra/template.yaml',
      `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ModelBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${AWS::StackName}-models"
  Endpoint:
    Type: AWS::SageMaker::Endpoint
    Properties:
      EndpointConfigName: !GetAtt EndpointConfig.EndpointConfigName
      Tags: !If [IsProd, [{ Key: env, Value: prod }], !Ref AWS::NoValue]
`,
    ],
    ['conf/broken-params.yaml', 'train:\n  lr: [0.1, 0.01\n  apiVersion: 2\n  kind: "sweep\n'],
    ['notebooks/kind-config.yaml', 'apiVersion: [unclosed\n'],
  ])('%s yields no object and no warning', (path, text) => {
    const { facts, warnings } = collect(kubernetesCollector, { [path]: text });
    expect(facts.objects).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('kubernetesCollector: malformed manifests', () => {
  it('warns about a manifest that does not parse and still reads it line by line', () => {
    const { facts, warnings } = collect(kubernetesCollector, {
      'k8s/worker.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  template:
    spec:
      containers:
        - name: worker
          image: "ghcr.io/acme/worker:1.0
          livenessProbe:
            exec: { command: [celery, inspect, ping] }
`,
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ path: 'k8s/worker.yaml', message: expect.stringMatching(/does not parse/) });
    expect(warnings[0]!.line).toBeGreaterThanOrEqual(10);
    expect(facts.objects).toEqual([
      { path: 'k8s/worker.yaml', line: 2, kind: 'Deployment', apiVersion: 'apps/v1', name: 'worker', features: ['livenessProbe'], images: ['"ghcr.io/acme/worker:1.0'] },
    ]);
  });

  it('reads a templated manifest outside a chart line by line, without warning', () => {
    const { facts, warnings } = collect(kubernetesCollector, {
      'charts/kserve/files/deployment-patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: controller-manager
  labels:
    {{- toYaml .Values.labels | nindent 4 }}
spec:
  template:
    spec:
      containers:
        - name: manager
          readinessProbe:
            httpGet: { path: /readyz, port: 8081 }
`,
    });
    expect(warnings).toEqual([]);
    expect(facts.objects.map(({ kind, name, line, features }) => ({ kind, name, line, features }))).toEqual([
      { kind: 'Deployment', name: 'controller-manager', line: 2, features: ['readinessProbe'] },
    ]);
  });

  it('survives an alias bomb without throwing', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const previous = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: bomb }\ndata:\n${levels.map((line) => `  ${line}`).join('\n')}\n`;
    expect(() => collect(kubernetesCollector, { 'bomb.yaml': text })).not.toThrow();
  });
});
