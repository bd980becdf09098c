import { llmAssistant, llmAssistantCase, notebook, releasedLibraryCase, requirements, schedule, testWorkflow, trainScript, workflow } from '../../helpers/repo-snippets.js';
import type { RuleCases } from '../../helpers/rule-tester.js';

const panderaModel = `"""Validation of the raw transactions extract."""
import pandera as pa
from pandera.typing import DataFrame, Series


class Transactions(pa.DataFrameModel):
    transaction_id: Series[str] = pa.Field(unique=True)
    amount_eur: Series[float] = pa.Field(ge=0, le=50_000)
    merchant_category: Series[str] = pa.Field(isin=["grocery", "travel", "online", "other"])

    class Config:
        strict = True


@pa.check_types(lazy=True)
def load(df: DataFrame[Transactions]) -> DataFrame[Transactions]:
    return df
`;

const dbtSchema = `version: 2

models:
  - name: stg_orders
    columns:
      - name: order_id
        data_tests:
          - unique
          - not_null
      - name: status
        data_tests:
          - accepted_values:
              values: ['placed', 'shipped', 'returned']
`;

const sodaChecks = `checks for orders:
  - row_count > 0
  - missing_count(customer_id) = 0
  - duplicate_count(order_id) = 0
`;

const dvcPipeline = `stages:
  validate:
    cmd: python -m fraud.data validate data/raw
    deps: [data/raw, src/fraud/data.py]
  features:
    cmd: python -m fraud.features data/raw data/features.parquet
    deps: [data/raw, src/fraud/features.py]
    outs: [data/features.parquet]
  train:
    cmd: python -m fraud.train
    deps: [data/features.parquet]
    outs: [models/model.onnx]
`;

const dvcConfigWithRemote = `[core]
    remote = storage
['remote "storage"']
    url = s3://acme-ml-data/fraud
`;

const dataDvc = `outs:
- md5: 3a1f8e2b9c4d5e6f7a8b9c0d1e2f3a4b.dir
  size: 91234567
  nfiles: 12
  path: raw
`;

const airflowDag = `from datetime import datetime

from airflow import DAG
from airflow.operators.python import PythonOperator
from great_expectations_provider.operators.great_expectations import GreatExpectationsOperator

from fraud.data import extract_transactions

with DAG("transactions", schedule="@daily", start_date=datetime(2024, 1, 1), catchup=False) as dag:
    extract = PythonOperator(task_id="extract", python_callable=extract_transactions)
    validate = GreatExpectationsOperator(
        task_id="validate_raw",
        data_context_root_dir="gx",
        checkpoint_name="raw_transactions",
    )
    extract >> validate
`;

const featureTest = `import pandas as pd

from fraud.features import rolling_amount_stats


def test_rolling_mean_ignores_future_rows():
    df = pd.DataFrame({"card_id": [1, 1, 1], "amount": [10.0, 20.0, 30.0], "ts": pd.date_range("2024-01-01", periods=3)})
    out = rolling_amount_stats(df, window="2D")
    assert out["amount_mean_2d"].tolist() == [10.0, 15.0, 25.0]
`;

const gitignore = `.venv/
__pycache__/
/data/raw/
`;

/** A file of 12 MB: the scan lists files of 10 MB or more as large. */
const bigCsv = 'transaction_id,amount_eur,merchant_category\n' + 'tx-000001,12.50,grocery\n'.repeat(520_000);

export const cases: RuleCases = {
  'data.schema-validation': [
    releasedLibraryCase,
    { name: 'pandera model in the loading module', files: { 'src/fraud/data.py': panderaModel }, status: 'pass', evidence: 'src/fraud/data.py:6' },
    {
      // The pipeline's validation step asserts each column's range and values before training.
      name: "assertions on the training frame's columns in the pipeline's validation step",
      files: {
        'code/feature_validation.py': 'from utils import load_data\n\n\ndef credit_score_range(df):\n    assert df["credit_score"].between(300, 850).all(), "credit score out of range"\n\n\ndef customer_ids(df):\n    assert df["customer_id"].is_unique\n',
        'code/model_training.py': trainScript,
      },
      status: 'partial',
      firstEvidence: 'code/feature_validation.py:5',
    },
    {
      name: "assertions on a model's outputs are not checks of the data",
      files: { 'code/model_training.py': `${trainScript}\nassert model.predict(X).shape == (len(X),)\nassert (scores >= 0).all()\n` },
      status: 'fail',
    },
    {
      // pandera's data synthesis: the schema makes fake rows for tests and checks no real ones.
      name: 'a pandera model kept to synthesise mock data',
      files: {
        'src/recs/datasets/movielens.py': 'import pandas as pd\nimport pandera as pa\nfrom pandera.typing import Series\n\n\nclass MockMovielensSchema(pa.DataFrameModel):\n    rating: Series[float] = pa.Field(in_range={"min_value": 1, "max_value": 5})\n\n    @classmethod\n    def get_df(cls, size=3):\n        return cls.to_schema().example(size=size)\n\n\ndef load(path):\n    return pd.read_csv(path)\n',
      },
      status: 'fail',
    },
    { name: 'dbt data tests on models', files: { 'dbt_project.yml': 'name: shop\n', 'transform/models/staging/schema.yml': dbtSchema }, status: 'pass', evidence: 'transform/models/staging/schema.yml:7' },
    { name: 'SodaCL checks', files: { 'soda/checks/orders.yml': sodaChecks }, status: 'pass', evidence: 'soda/checks/orders.yml:1' },
    // AWS Glue Data Quality: a DQDL ruleset, evaluated on the frame inside the Glue job, which fails when a rule does.
    {
      name: 'a Glue job that evaluates a Data Quality ruleset on its frame',
      files: { 'etl/glue_job.py': 'from awsgluedq.transforms import EvaluateDataQuality\n\n\ndef check(frame, ruleset):\n    results = EvaluateDataQuality.apply(frame=frame, ruleset=ruleset, publishing_options={})\n    return results.toDF()\n' },
      status: 'pass',
      firstEvidence: 'etl/glue_job.py:5',
    },
    { name: "Glue Studio's form of the Data Quality evaluation", files: { 'jobs/orders.py': 'dq = EvaluateDataQuality().process_rows(frame=orders, ruleset=RULES, publishing_options={"dataQualityEvaluationContext": "orders"})\n' }, status: 'pass', firstEvidence: 'jobs/orders.py:1' },
    { name: 'a DQDL ruleset file', files: { 'glue_data_quality/users.dqdl': 'Rules = [\n  IsComplete "user_id",\n  ColumnValues "rating" between 0.99 and 5.01\n]\n' }, status: 'pass', firstEvidence: 'glue_data_quality/users.dqdl:1' },
    // The words in prose, and a Python list named Rules, are not a ruleset.
    { name: 'a README naming Glue Data Quality and a list named Rules', files: { 'README.md': 'We could use EvaluateDataQuality.apply(frame) later.\n', 'src/rules.py': 'Rules = [\n    "a",\n]\n', 'train.py': trainScript }, status: 'fail' },
    // Data checked by tests that read the training file: validation, but only when the tests run.
    {
      name: "tests that read the training data and check its schema and nulls",
      files: { 'data/data_test.py': 'import pandas as pd\n\n\ndef test_check_schema():\n    dataset = pd.read_csv("data/diabetes.csv")\n    assert list(dataset.columns) == EXPECTED_COLUMNS\n\n\ndef test_no_missing_values():\n    assert pd.read_csv("data/diabetes.csv").isna().sum().sum() == 0\n' },
      status: 'partial',
      firstEvidence: 'data/data_test.py:4 def test_check_schema():',
    },
    {
      name: 'tests of a missing file or setting read a data file but check no data',
      files: { 'tests/unit/test_pipeline_io.py': 'import pandas as pd\n\n\ndef test_load_params_missing_file_raises_config_error(tmp_path):\n    with pytest.raises(ConfigError):\n        load_params(tmp_path / "params.yaml")\n\n\ndef test_read_csv_missing_path_raises(tmp_path):\n    with pytest.raises(DataError):\n        pd.read_csv(tmp_path / "absent.csv")\n' },
      status: 'fail',
    },
    // An API's schema tests read no data file.
    { name: "an API's response-schema tests", files: { 'tests/test_api.py': 'def test_response_schema(client):\n    assert client.get("/predict").json().keys() == {"score"}\n' }, status: 'fail' },
    {
      name: 'Great Expectations suite',
      files: { 'gx/expectations/transactions.json': '{\n  "expectation_suite_name": "transactions",\n  "expectations": [\n    {\n      "expectation_type": "expect_column_values_to_not_be_null",\n      "kwargs": {"column": "transaction_id"}\n    }\n  ]\n}\n' },
      status: 'pass',
      evidence: 'gx/expectations/transactions.json:5',
    },
    {
      name: 'Great Expectations used only in a notebook',
      files: { 'notebooks/02-checks.ipynb': notebook('import great_expectations as gx\ncontext = gx.get_context()\nvalidator.expect_column_values_to_not_be_null("customer_id")') },
      status: 'partial',
      evidence: 'cell 1',
    },
    { name: 'pandera declared but never called', files: { 'requirements.txt': requirements('pandas==2.2.3', 'pandera==0.21.1'), 'src/fraud/data.py': 'import pandas as pd\n\ndef load(path):\n    return pd.read_parquet(path)\n' }, status: 'partial', evidence: 'declares pandera' },
    {
      name: 'a pydantic model that only types the request is not data validation',
      files: { 'src/fraud/api.py': 'from fastapi import FastAPI\nfrom pydantic import BaseModel, Field\n\napp = FastAPI()\n\n\nclass Transaction(BaseModel):\n    amount_eur: float = Field(description="amount in euros")\n    country: str\n' },
      status: 'fail',
    },
    {
      name: 'the prediction input range-checked by pydantic: records checked, no dataset validation',
      files: { 'src/fraud/api.py': 'from fastapi import FastAPI\nfrom pydantic import BaseModel, Field\n\napp = FastAPI()\n\n\nclass Transaction(BaseModel):\n    amount_eur: float = Field(ge=0)\n    tx_count_1h: int = Field(\n        ge=0,\n        le=10_000,\n    )\n', 'src/fraud/train.py': 'model.fit(X, y)\n' },
      status: 'partial',
      evidence: 'src/fraud/api.py:8',
    },
    {
      name: 'required dtypes applied with errors="raise" on the features',
      files: { 'src/churn/features.py': 'REQUIRED = {"tenure": "int64", "plan": "category"}\n\ndef prepare(df):\n    return df[list(REQUIRED)].astype(REQUIRED, errors="raise")\n' },
      status: 'partial',
      evidence: 'src/churn/features.py:4',
    },
    {
      name: 'hand-written data-quality checks in the data step of a project that trains',
      files: {
        'backend/services/data_quality.py': 'import pandas as pd\n\n\ndef assess_data_quality(df: pd.DataFrame, target_column: str) -> dict:\n    missing = {col: float(df[col].isnull().mean()) for col in df.columns}\n    return {"missing_rates": missing}\n',
        'backend/services/train.py': 'df = pd.read_csv(path)\nreport = assess_data_quality(df, "churn")\nmodel.fit(X, y)\n',
      },
      status: 'partial',
      firstEvidence: 'backend/services/data_quality.py:4 def assess_data_quality(df: pd.DataFrame, target_column: str) -> dict:',
    },
    {
      name: "the components template's validation step, checking the frame against its schema file",
      files: {
        'src/components/data_validation.py': 'class DataValidation:\n    def validate_number_of_columns(self, dataframe) -> bool:\n        return len(dataframe.columns) == len(self._schema_config["columns"])\n\n    def is_column_exist(self, df) -> bool:\n        return all(column in df.columns for column in self._schema_config["numerical_columns"])\n',
        'src/components/model_trainer.py': 'model = RandomForestClassifier().fit(X, y)\n',
        'src/pipeline/training_pipeline.py': 'from src.components.data_validation import DataValidation\n\n\ndef start_data_validation(ingested):\n    return DataValidation(ingested).initiate_data_validation()\n',
      },
      status: 'partial',
      firstEvidence: 'src/components/data_validation.py:2 def validate_number_of_columns(self, dataframe) -> bool:',
    },
    {
      // Almazziastinov/demand-forecasting-model: `python -m src.monitoring.data_quality`, which nothing else runs.
      name: 'a data-quality check only its own script runs is run by hand, when someone remembers',
      files: {
        'src/monitoring/data_quality.py': 'import pandas as pd\n\n\ndef check_data_quality(df):\n    return [c for c in df.columns if df[c].isnull().any()]\n\n\nif __name__ == "__main__":\n    print(check_data_quality(pd.read_csv("data/processed.csv")))\n',
        'src/train.py': 'df = pd.read_csv(path)\nmodel.fit(X, y)\n',
      },
      status: 'fail',
      evidence: 'not counted (nothing in another file calls or imports it): def check_data_quality(df):',
    },
    {
      name: "a data-quality script a pipeline task runs is the pipeline's check",
      files: {
        'training_pipeline/src/data_validation.py': 'def validate_data():\n    df = pd.read_parquet("features.parquet")\n    assert set(EXPECTED) <= set(df.columns)\n\n\nif __name__ == "__main__":\n    validate_data()\n',
        'training_pipeline/dags/training_dag.py': 'data_validation_task = DockerOperator(\n    task_id="data_validation_task",\n    command="bash -c \'cd src && python data_validation.py\'",\n)\n',
        'training_pipeline/src/train.py': 'model.fit(X, y)\n',
      },
      status: 'partial',
      firstEvidence: 'training_pipeline/src/data_validation.py:1 def validate_data():',
    },
    {
      name: 'a data-quality check a test imports is run by the tests',
      files: {
        'src/checks.py': 'def validate_input_data(df):\n    if df["age"].lt(0).any():\n        raise ValueError("negative age")\n',
        'tests/test_checks.py': 'from src.checks import validate_input_data\n\n\ndef test_rejects_negative_age():\n    with pytest.raises(ValueError):\n        validate_input_data(pd.DataFrame({"age": [-1]}))\n',
        'src/train.py': 'model.fit(X, y)\n',
      },
      status: 'partial',
      firstEvidence: 'src/checks.py:1 def validate_input_data(df):',
    },
    {
      name: 'a function that records a data-quality score in a metric checks nothing',
      files: {
        'src/metrics.py': 'from prometheus_client import Gauge\n\ndata_quality_score = Gauge("data_quality_score", "Data quality", ["model"])\n\n\ndef record_data_quality(model_name: str, score: float) -> None:\n    data_quality_score.labels(model=model_name).set(score)\n',
        'src/train.py': 'model.fit(X, y)\n',
      },
      status: 'fail',
    },
    {
      name: "a library's argument check named check_data is no data check",
      files: {
        'skorch/net.py': 'import torch\n\n\nclass NeuralNet:\n    def check_data(self, X, y=None):\n        if y is None and not hasattr(X, "__len__"):\n            raise ValueError("X must have a length")\n\n    def fit(self, X, y):\n        self.check_data(X, y)\n        loss.backward()\n',
      },
      status: 'fail',
    },
    {
      name: "a model codebase's check that a dataset's paths exist is no data check",
      files: {
        'utils/general.py': 'def check_dataset(data, autodownload=True):\n    val = [Path(x).resolve() for x in data["val"]]\n    if not all(x.exists() for x in val) and autodownload:\n        safe_download(data["download"])\n    return data\n',
        'train.py': 'data_dict = check_dataset(opt.data)\nscaler.scale(loss).backward()\n',
      },
      status: 'fail',
    },
    {
      name: 'check_ with what it checks is a data check',
      files: {
        'src/data/checks.py': 'def check_dataset_quality(df):\n    return df.isnull().mean()\n',
        'src/train.py': 'df = pd.read_csv(path)\ncheck_dataset_quality(df)\nmodel.fit(X, y)\n',
      },
      status: 'partial',
      firstEvidence: 'src/data/checks.py:1 def check_dataset_quality(df):',
    },
    {
      name: 'a function validating the configuration is no data check',
      files: { 'src/config.py': 'def validate_config(cfg: dict) -> None:\n    if "lr" not in cfg:\n        raise KeyError("lr")\n', 'src/train.py': 'df = pd.read_csv(path)\nmodel.fit(X, y)\n' },
      status: 'fail',
    },
    {
      name: "the columns of a BentoML service's training records checked",
      files: {
        'service.py': 'import bentoml\nfrom typing import Annotated\nfrom bentoml.validators import DataframeSchema\n\nDF_TYPE = Annotated[pd.DataFrame, DataframeSchema(orient="records", columns=["ds", "y"])]\n\n@bentoml.service\nclass Forecast:\n    @bentoml.api\n    def train_and_predict(self, data: DF_TYPE, period: int = 30) -> pd.DataFrame:\n        model = Prophet().fit(data)\n        return model.predict(model.make_future_dataframe(periods=period))\n',
      },
      status: 'partial',
      firstEvidence: 'service.py:5',
    },
    {
      name: "an LLM application's generation parameters are not its data",
      files: { 'app/api.py': 'from openai import OpenAI\nfrom pydantic import BaseModel, Field\n\nclient = OpenAI()\n\nclass Ask(BaseModel):\n    temperature: float = Field(0.2, ge=0, le=2)\n\ndef answer(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])\n' },
      // An application on a hosted LLM keeps no dataset: the rule does not apply, and its request model is no data schema.
      status: 'not_applicable',
    },
    {
      name: "a training configuration's ranged settings are not the input record",
      files: { 'specs/model_spec.py': 'from pydantic import BaseModel, Field\n\n\nclass TuningSpec(BaseModel):\n    n_splits: int = Field(\n        default=5,\n        ge=2,\n    )\n    learning_rate: float = Field(0.1, gt=0, le=1)\n', 'src/train.py': 'model.fit(X, y)\n' },
      status: 'fail',
    },
    {
      name: "a fine-tuned model's generation parameters, with defaults, are not its data",
      files: { 'src/inference/api.py': 'from pydantic import BaseModel, Field\n\n\nclass SQLRequest(BaseModel):\n    question: str\n    max_new_tokens: int = Field(256, ge=1, le=1024)\n    batch_size: int = Field(default_factory=lambda: 4, ge=1)\n', 'scripts/train.py': 'trainer.train()\n' },
      status: 'fail',
    },
    {
      name: "the DTU course template's report checker bounds its own limits, not the data",
      files: {
        'reports/report.py':
          'import pydantic\nimport typer\n\n\nclass Constraints(pydantic.BaseModel):\n    def __call__(self, answer: str, index: int) -> bool:\n        raise NotImplementedError\n\n\nclass LengthConstraints(Constraints):\n    min_length: int = pydantic.Field(ge=0)\n    max_length: int = pydantic.Field(ge=0)\n\n\nclass ImageConstraints(Constraints):\n    min_images: int = pydantic.Field(ge=0)\n    max_images: int = pydantic.Field(ge=0)\n',
        'src/ct_scan/train.py': 'model.fit(X, y)\n',
      },
      status: 'fail',
    },
    {
      name: 'a ranged feature beside a limit still checks the record',
      files: { 'src/fraud/schemas.py': 'from pydantic import BaseModel, Field\n\n\nclass Transaction(BaseModel):\n    max_retries: int = Field(ge=0)\n    amount: float = Field(ge=0)\n', 'src/fraud/train.py': 'model.fit(X, y)\n' },
      status: 'partial',
      firstEvidence: 'src/fraud/schemas.py:6',
    },
    {
      name: 'a required feature with a range, given after the ellipsis, is a record check',
      files: { 'src/fraud/schemas.py': 'from pydantic import BaseModel, Field\n\n\nclass Transaction(BaseModel):\n    amount: float = Field(..., gt=0, description="Transaction amount")\n', 'src/fraud/train.py': 'model.fit(X, y)\n' },
      status: 'partial',
      evidence: 'src/fraud/schemas.py:5',
    },
    { name: 'validation only in an example project', files: { 'examples/gx_demo/validate.py': 'import great_expectations as gx\ncontext = gx.get_context()\n' }, status: 'fail' },
    { name: 'a commented-out schema is not validation', files: { 'src/fraud/data.py': '# SCHEMA = pa.DataFrameSchema({"amount": pa.Column(float)})\ndef load(df):\n    return df\n' }, status: 'fail' },
  ],

  'data.validation-gates-pipeline': [
    llmAssistantCase,
    {
      name: 'scheduled Great Expectations checkpoint in CI',
      files: {
        '.github/workflows/data-checks.yml': workflow({
          name: 'data-checks',
          on: schedule('0 5 * * *'),
          job: 'validate',
          steps: ['uses: actions/checkout@v4', 'run: pip install -r requirements.txt', 'run: great_expectations checkpoint run daily_transactions'],
        }),
      },
      status: 'pass',
      evidence: 'great_expectations checkpoint run',
    },
    { name: 'validate stage in the DVC pipeline', files: { 'dvc.yaml': dvcPipeline, 'src/fraud/data.py': panderaModel }, status: 'pass', evidence: 'dvc.yaml:2' },
    { name: 'Great Expectations operator in an Airflow DAG', files: { 'dags/transactions.py': airflowDag }, status: 'pass', evidence: 'dags/transactions.py:11' },
    { name: 'schema exists, nothing runs it automatically', files: { 'src/fraud/data.py': panderaModel }, status: 'partial', evidence: 'src/fraud/data.py:6' },
    {
      name: 'a disabled data-check workflow does not count',
      files: { '.github/workflows/data-checks.yml': 'on: push\njobs:\n  validate:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: soda scan -d warehouse soda/checks/orders.yml\n' },
      status: 'fail',
    },
    { name: 'no data checks', files: { 'src/fraud/train.py': 'def train(df):\n    return fit(df)\n' }, status: 'fail' },
  ],

  'data.versioned-datasets': [
    // Azure ML (SDK v1) registers a step's output as a new version of the dataset each time the step completes.
    {
      name: "a pipeline step's output registered as a dataset version when the step completes",
      files: { 'azureml/training_pipeline.py': 'from azureml.data import OutputFileDatasetConfig\n\nraw_training_data = OutputFileDatasetConfig(name="raw_data_training")\nraw_training_data = raw_training_data.register_on_complete(name="raw_data_training")\n', 'src/train.py': 'model.fit(X, y)\n' },
      status: 'pass',
      firstEvidence: 'azureml/training_pipeline.py:4',
    },
    {
      name: 'Azure ML dataset registered as a new version on every run',
      files: { 'ml_service/pipelines/build_train_pipeline.py': 'dataset = Dataset.Tabular.from_delimited_files(path=(datastore, file_name))\ndataset = dataset.register(workspace=aml_workspace, name=dataset_name, create_new_version=True)\n' },
      status: 'pass',
      evidence: 'create_new_version=True',
    },
    { name: 'DVC-tracked data with a remote', files: { 'data/raw.dvc': dataDvc, '.dvc/config': dvcConfigWithRemote, '.gitignore': gitignore }, status: 'pass', evidence: '.dvc/config:3' },
    {
      name: 'Delta Lake time travel in the training job',
      files: { 'src/fraud/load.py': 'def load_training_set(spark, version: int):\n    return spark.read.format("delta").option("versionAsOf", version).load("s3://lake/transactions")\n' },
      status: 'pass',
      evidence: 'src/fraud/load.py:2',
    },
    {
      name: 'Hudi time travel to the instant a training run recorded',
      files: { 'src/lineage/dataset_versioning.py': 'def read_samples(spark, path, instant):\n    reader = spark.read.format("hudi")\n    if instant:\n        reader = reader.option("as.of.instant", instant)\n    return reader.load(path)\n' },
      status: 'pass',
      evidence: 'src/lineage/dataset_versioning.py:4',
    },
    {
      name: 'an Iceberg snapshot pinned for training',
      files: { 'src/train/load.py': 'table = catalog.load_table("lake.events")\nframe = table.scan(row_filter="label IS NOT NULL", snapshot_id=run_config.snapshot_id).to_pandas()\n' },
      status: 'pass',
      evidence: 'src/train/load.py:2',
    },
    {
      name: 'Azure ML job reads a versioned data asset',
      files: { 'jobs/train.yml': '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: python train.py --data ${{inputs.training_data}}\ninputs:\n  training_data:\n    type: uri_folder\n    path: azureml:transactions:3\n' },
      status: 'pass',
      evidence: 'jobs/train.yml:6',
    },
    {
      name: 'an Azure ML data asset declared in its specification file, read by a job as its latest version',
      files: {
        'core/data/curated.yml': '$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\nname: transactions-curated\nversion: 1\ntype: mltable\npath: azureml://datastores/workspaceblobstore/paths/curated/\n',
        'core/jobs/train.yml': '$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json\ninputs:\n  curated_dataset:\n    type: mltable\n    path: azureml:transactions-curated@latest\n',
      },
      status: 'pass',
      evidence: 'core/data/curated.yml:1',
    },
    {
      name: 'a model or an environment given by version is not versioned data',
      files: { 'cli/endpoints/online_deployment.yml': '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: blue\nmodel: azureml:nyc_taxi:1\nenvironment: azureml:nyc-taxi-env@latest\n', 'src/train.py': 'model.fit(X, y)\n' },
      status: 'fail',
    },
    { name: 'DVC-tracked data without a remote', files: { 'data/raw.dvc': dataDvc, '.dvc/config': '[core]\n    autostage = true\n' }, status: 'partial', evidence: 'data/raw.dvc' },
    // `dvc init` and a remote, then the data committed to git: no .dvc file or dvc.lock records a version.
    {
      name: 'DVC set up with a remote and pipeline stages, but tracking no data',
      files: { '.dvc/config': dvcConfigWithRemote, 'dvc.yaml': 'stages:\n  train:\n    cmd: python src/train.py\n    deps: [data/raw/churn.csv]\n    outs: [models/model.pkl]\n', 'data/raw/churn.csv': 'a,b\n1,2\n', 'src/train.py': 'model.fit(X, y)\n' },
      status: 'fail',
    },
    { name: 'dvc declared, never used', files: { 'pyproject.toml': '[project]\nname = "fraud"\ndependencies = ["pandas==2.2.3"]\n\n[dependency-groups]\ndev = ["dvc[s3]==3.58.0"]\n' }, status: 'fail', evidence: 'no import of dvc' },
    { name: 'dvc.api imported, no versioned read recognised', files: { 'src/fraud/data.py': 'import dvc.api\n\nwith dvc.api.open("data/transactions.csv") as f:\n    df = pd.read_csv(f)\n' }, status: 'partial', evidence: 'imports dvc.api' },
    { name: 'data stored in Git LFS is not versioned', files: { '.gitattributes': 'data/** filter=lfs diff=lfs merge=lfs -text\n', 'data/transactions.csv': 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 91234567\n' }, status: 'fail' },
    { name: 'DVC only in an example project', files: { 'examples/dvc-demo/data.dvc': dataDvc, 'src/fraud/train.py': 'import pandas as pd\ndf = pd.read_csv("data/transactions.csv")\n' }, status: 'fail', evidence: 'not counted' },
    { name: 'a CSV read from a fixed path', files: { 'src/fraud/train.py': 'import pandas as pd\ndf = pd.read_csv("s3://bucket/transactions_latest.csv")\n' }, status: 'fail' },
    llmAssistantCase,
  ],

  'data.no-large-binaries-in-git': [
    { name: 'only code and configuration', files: { 'src/fraud/train.py': 'def train():\n    pass\n', 'params.yaml': 'seed: 7\n' }, status: 'pass' },
    { name: 'a large model in Git LFS', files: { '.gitattributes': '*.ipynb filter=nbstripout\n*.pt filter=lfs diff=lfs merge=lfs -text\n', 'models/model.pt': bigCsv }, status: 'pass', evidence: '.gitattributes:2' },
    {
      name: 'LFS objects fetched on checkout in CI',
      files: { '.github/workflows/ci.yml': workflow({ on: 'push', steps: ['uses: actions/checkout@v4\nwith:\n  lfs: true', 'run: pytest'] }), 'models/model.onnx': bigCsv },
      status: 'pass',
      evidence: '.github/workflows/ci.yml:8',
    },
    { name: 'a small parquet fixture for tests is fine', files: { 'tests/fixtures/transactions.parquet': 'PAR1 tiny', 'src/fraud/data.py': 'x = 1\n' }, status: 'pass' },
    { name: 'a small pickled model committed', files: { 'models/fraud.pkl': '\u0080\u0004\u0095 sklearn pickle', 'src/fraud/serve.py': 'import joblib\nmodel = joblib.load("models/fraud.pkl")\n' }, status: 'partial', firstEvidence: 'models/fraud.pkl' },
    { name: 'a pickled model in an archived folder is still in git', files: { 'archive/v1/model.pkl': '\u0080\u0004\u0095 sklearn pickle', 'src/fraud/data.py': 'x = 1\n' }, status: 'partial', firstEvidence: 'archive/v1/model.pkl' },
    { name: 'a 12 MB dataset committed', files: { 'data/transactions.csv': bigCsv, 'src/fraud/train.py': 'x = 1\n' }, status: 'fail', evidence: 'large files: data/transactions.csv' },
  ],

  'data.pipeline-as-code': [
    llmAssistantCase,
    // Documents loaded, split and embedded for retrieval are data the application prepares.
    { name: 'a RAG application that indexes its documents in a notebook', files: { ...llmAssistant, 'notebooks/ingest.ipynb': notebook('from langchain_text_splitters import RecursiveCharacterTextSplitter\nchunks = RecursiveCharacterTextSplitter(chunk_size=800).split_documents(docs)\nChroma.from_documents(chunks, embeddings, persist_directory="index")') }, status: 'fail' },
    { name: 'Airflow DAG', files: { 'dags/transactions.py': airflowDag }, status: 'pass', evidence: 'dags/transactions.py:9' },
    { name: 'a ClearML pipeline of decorated data steps', files: { 'data_pipeline.py': 'from clearml.automation.controller import PipelineDecorator\n\n\n@PipelineDecorator.component(return_values=["dataset_id"], cache=True)\ndef prepare(raw_id):\n    return raw_id\n\n\n@PipelineDecorator.pipeline(name="brainscan", project="brainscan", version="1.0")\ndef run(raw_id):\n    prepare(raw_id)\n' }, status: 'pass', evidence: 'data_pipeline.py:4' },
    {
      // The application's documents chunked and embedded by an Azure ML pipeline job, not by hand.
      name: "a RAG application's Azure ML pipeline job that chunks and embeds its documents",
      files: {
        ...llmAssistant,
        'scripts/pipeline.yml': '$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json\ntype: pipeline\njobs:\n  chunk_documents:\n    type: command\n    component: ./chunk_documents.yml\n  embed_documents:\n    type: command\n    component: ./embed_documents.yml\n',
        'scripts/data_preparation.py': 'from langchain_text_splitters import RecursiveCharacterTextSplitter\n\nchunks = RecursiveCharacterTextSplitter(chunk_size=800).split_documents(docs)\n',
      },
      status: 'pass',
      firstEvidence: 'scripts/pipeline.yml:1',
    },
    {
      name: 'a Databricks job whose tasks ingest, then validate',
      files: {
        'src/ingest.py': 'import pandas as pd\n\npdf = pd.read_csv(csv_path, sep=";")\nspark.createDataFrame(pdf).write.mode("overwrite").saveAsTable("bronze_wine")\n',
        'resources/job.yml': 'resources:\n  jobs:\n    wine:\n      tasks:\n        - task_key: ingest\n          spark_python_task:\n            python_file: ../src/ingest.py\n        - task_key: validate\n          depends_on:\n            - task_key: ingest\n          spark_python_task:\n            python_file: ../src/validate.py\n',
      },
      status: 'pass',
      firstEvidence: 'resources/job.yml:5',
    },
    {
      name: "a data module beside a template's empty ones",
      files: { 'src/data/__init__.py': '', 'src/features/build_features.py': '', 'src/data/make_dataset.py': 'import pandas as pd\n\ndf = pd.read_csv(input_filepath)\ndf.dropna().to_csv(output_filepath)\n' },
      status: 'partial',
      firstEvidence: 'src/data/make_dataset.py',
    },
    {
      name: 'a Mage pipeline that loads and prepares data',
      files: { 'etl/pipelines/prepare_data/metadata.yaml': 'blocks:\n- name: load_gaming_data\n  type: data_loader\n- name: extract_features\n  type: transformer\ntype: python\n' },
      status: 'pass',
      evidence: 'etl/pipelines/prepare_data/metadata.yaml:3 type: data_loader',
    },
    { name: 'dbt project', files: { 'dbt_project.yml': "name: shop\nversion: '1.0'\nprofile: shop\n", 'models/staging/stg_orders.sql': 'select * from {{ source("shop", "orders") }}\n' }, status: 'pass', evidence: 'dbt_project.yml' },
    {
      name: 'Dagster assets',
      files: { 'src/fraud/assets.py': 'from dagster import asset\n\n\n@asset\ndef raw_transactions():\n    return extract()\n\n\n@asset\ndef features(raw_transactions):\n    return build(raw_transactions)\n' },
      status: 'pass',
      evidence: 'src/fraud/assets.py:4',
    },
    { name: 'a make_dataset script run by hand', files: { 'src/data/make_dataset.py': 'import pandas as pd\n\nif __name__ == "__main__":\n    pd.read_csv("raw.csv").dropna().to_parquet("clean.parquet")\n' }, status: 'partial', evidence: 'src/data/make_dataset.py' },
    { name: 'Airflow declared, no DAG', files: { 'requirements.txt': requirements('apache-airflow==2.10.4', 'pandas==2.2.3') }, status: 'partial', evidence: 'declares apache-airflow' },
    {
      name: 'preparation in notebooks, CI only pulls data',
      files: {
        'notebooks/01-prepare.ipynb': notebook('import pandas as pd\ndf = pd.read_csv("data/raw.csv")\ndf = df.dropna()\ndf.to_parquet("data/clean.parquet")'),
        '.github/workflows/ci.yml': workflow({ on: 'push', steps: ['run: dvc pull', 'run: pytest'] }),
      },
      status: 'fail',
    },
    { name: 'a DAG in an example folder', files: { 'examples/airflow/dag.py': airflowDag }, status: 'fail' },
  ],

  'data.feature-code-tested': [
    {
      // The scan keeps a few places per signal; those of the tests must not be crowded out by the project's.
      name: 'a feature test among thirty project modules that import the same transforms',
      files: {
        ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`pkg/a${String(i).padStart(2, '0')}.py`, 'from pkg.data.transforms import resize\n'])),
        'tests/test_resize.py': 'from pkg.data.transforms import resize\n\n\ndef test_resize_keeps_ratio():\n    assert resize(4, 2) == (2, 1)\n',
      },
      status: 'partial',
      evidence: 'tests/test_resize.py:1',
    },
    { name: 'feature tests run by CI', files: { 'tests/test_features.py': featureTest, '.github/workflows/ci.yml': testWorkflow() }, status: 'pass', evidence: 'tests/test_features.py:3' },
    {
      name: 'encoding test named for what it tests',
      files: { 'tests/test_encoders.py': 'def test_one_hot_encoding_handles_unseen_category(encoder):\n    assert encoder.transform([["mars"]]).sum() == 0\n', '.github/workflows/ci.yml': testWorkflow() },
      status: 'pass',
      evidence: 'test_one_hot_encoding',
    },
    { name: 'feature tests that CI does not run', files: { 'tests/test_features.py': featureTest }, status: 'partial', evidence: 'tests/test_features.py:3' },
    {
      // A test name's parts say what it tests: cleaning a directory, escalating an alert and a bot's commands are no feature code.
      name: 'tests that clean a directory or escalate an alert',
      files: { 'tests/test_commands.py': 'def test_clean_ui_subdir(tmp_path):\n    assert not (tmp_path / "ui").exists()\n\n\ndef test_escalation_after_three_failures(alerts):\n    assert alerts.level == 2\n', '.github/workflows/ci.yml': testWorkflow() },
      status: 'fail',
    },
    { name: 'a test of text cleaning', files: { 'tests/test_text.py': 'def test_clean_text_strips_html():\n    assert clean_text("<b>a</b>") == "a"\n', '.github/workflows/ci.yml': testWorkflow() }, status: 'pass', evidence: 'test_clean_text_strips_html' },
    {
      name: 'tests that only import scikit-learn preprocessing',
      files: { 'tests/test_model.py': 'from sklearn.preprocessing import StandardScaler\n\n\ndef test_model_fits(model, X, y):\n    model.fit(StandardScaler().fit_transform(X), y)\n', '.github/workflows/ci.yml': testWorkflow() },
      status: 'fail',
    },
    {
      // Cleaning up temporary files is no data cleaning.
      name: 'a test that a stream cleans up after itself',
      files: { 'tests/test_sinks.py': 'def test_exception_inside_stream_cleans_up_manifest_tmp(tmp_path):\n    assert not list(tmp_path.iterdir())\n\ndef test_cleanup_on_exit():\n    assert True is not False\n', '.github/workflows/ci.yml': testWorkflow() },
      status: 'fail',
    },
    { name: 'a test of text cleaning', files: { 'tests/test_text.py': 'def test_clean_text_strips_markup():\n    assert clean("<b>a</b>") == "a"\n', '.github/workflows/ci.yml': testWorkflow() }, status: 'pass', evidence: 'tests/test_text.py:1' },
    { name: 'feature code without tests', files: { 'src/fraud/features.py': 'def rolling_amount_stats(df, window):\n    return df\n', '.github/workflows/ci.yml': testWorkflow() }, status: 'fail' },
    llmAssistantCase,
  ],

  'data.train-serve-consistency': [
    {
      name: 'Feast serves features online and offline',
      files: {
        'feature_repo/feature_store.yaml': 'project: fraud\nregistry: data/registry.db\nprovider: aws\n',
        'src/fraud/serving/app.py': 'from feast import FeatureStore\n\nstore = FeatureStore(repo_path="feature_repo")\n\n\ndef features_for(card_id):\n    return store.get_online_features(features=["card_stats:amount_mean_7d"], entity_rows=[{"card_id": card_id}]).to_dict()\n',
      },
      status: 'pass',
      evidence: 'get_online_features',
    },
    {
      name: 'preprocessing bundled in the scikit-learn pipeline',
      files: { 'src/fraud/train.py': 'from sklearn.compose import ColumnTransformer\nfrom sklearn.pipeline import Pipeline\n\npre = ColumnTransformer([("num", StandardScaler(), NUMERIC), ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)])\nmodel = Pipeline([("pre", pre), ("clf", LogisticRegression())])\n' },
      status: 'pass',
      evidence: 'src/fraud/train.py:4',
    },
    {
      name: 'serving imports the training feature module',
      files: { 'src/fraud/serve.py': 'from fastapi import FastAPI\n\nfrom fraud.features import build_features\n\napp = FastAPI()\n', 'src/fraud/features.py': 'def build_features(df):\n    return df\n' },
      status: 'pass',
      evidence: 'src/fraud/serve.py:3',
    },
    {
      name: 'preprocessing bundled only in a notebook',
      files: { 'notebooks/model.ipynb': notebook('from sklearn.pipeline import make_pipeline\nmodel = make_pipeline(StandardScaler(), LogisticRegression())') },
      status: 'partial',
      evidence: 'cell 1',
    },
    { name: 'feature store declared but unused', files: { 'requirements.txt': requirements('feast==0.42.0', 'scikit-learn==1.5.2') }, status: 'partial', evidence: 'declares feast' },
    {
      name: 'serving recomputes features by hand',
      files: {
        'src/fraud/serve.py': 'from fastapi import FastAPI\nfrom sklearn.preprocessing import StandardScaler\n\napp = FastAPI()\n\n\ndef to_vector(tx):\n    return [tx.amount / 100, tx.hour]\n',
        'src/fraud/train.py': 'def features(df):\n    df["amount_scaled"] = df.amount / df.amount.std()\n    return df\n',
      },
      status: 'fail',
    },
    llmAssistantCase,
  ],

  'data.lineage-metadata': [
    {
      name: 'training run logs its dataset to MLflow',
      files: { 'src/fraud/train.py': 'import mlflow\n\n\ndef train(df, source):\n    with mlflow.start_run():\n        mlflow.log_input(mlflow.data.from_pandas(df, source=source), context="training")\n' },
      status: 'pass',
      evidence: 'src/fraud/train.py:6',
    },
    { name: 'DVC pipeline lock', files: { 'dvc.yaml': dvcPipeline, 'dvc.lock': 'schema: "2.0"\nstages:\n  features:\n    cmd: python -m fraud.features\n    deps:\n    - path: data/raw\n      md5: 3a1f8e2b.dir\n' }, status: 'pass', evidence: 'dvc.lock' },
    {
      name: 'data version logged as a run parameter',
      files: { 'src/fraud/train.py': 'import mlflow\n\nmlflow.log_params({"data_version": dvc_rev, "n_rows": len(df)})\n' },
      status: 'pass',
      evidence: 'data_version',
    },
    { name: 'DVC-tracked data without a pipeline lock', files: { 'data/raw.dvc': dataDvc, '.dvc/config': dvcConfigWithRemote }, status: 'partial', evidence: 'data/raw.dvc' },
    { name: 'lineage logged only from a notebook', files: { 'train.ipynb': notebook('mlflow.log_input(mlflow.data.from_pandas(df), context="training")') }, status: 'partial', evidence: 'cell 1' },
    { name: 'OpenLineage declared but unused', files: { 'requirements.txt': requirements('openlineage-python==1.26.0') }, status: 'partial' },
    { name: 'nothing records lineage', files: { 'src/fraud/train.py': 'import mlflow\nmlflow.log_metric("auc", 0.91)\n' }, status: 'fail' },
    llmAssistantCase,
  ],

  'data.quality-profiling': [
    { name: 'findings documented', answers: { 'data.profiling': 'documented' }, status: 'pass', evidence: 'data.profiling: "documented"' },
    { name: 'a whylogs profile report committed with a release', files: { 'docs/releases/v3/whylogs_profile.html': '<html><body>whylogs profile</body></html>\n' }, status: 'pass', evidence: 'docs/releases/v3/whylogs_profile.html' },
    { name: 'a data profile in the docs', files: { 'docs/data-profile.md': '# Transactions profile\n\n3.1% fraud rate.\n' }, status: 'pass', evidence: 'docs/data-profile.md' },
    {
      // A web app's user profile page, and notes on profiling the code's speed, are no data profiles.
      name: "a user profile page and a CPU profiling guide",
      files: { 'src-ui/src/app/profile-edit-dialog/profile-edit-dialog.component.html': '<form>name</form>\n', 'docs/profiling.md': '# Profiling\n\nRun py-spy on the worker.\n', 'src/train.py': 'model.fit(X, y)\n' },
      status: 'unknown',
      evidence: 'no committed data profile report',
    },
    { name: 'datasheet in the docs', files: { 'docs/DATASHEET.md': '# Transactions datasheet\n\n## Composition\n\n3.1% fraud rate; 0.4% missing merchant category.\n' }, status: 'pass', evidence: 'docs/DATASHEET.md' },
    { name: 'profile produced by the pipeline', files: { 'src/fraud/profile.py': 'import whylogs as why\n\n\ndef profile(df):\n    return why.log(df).profile()\n' }, status: 'pass', evidence: 'src/fraud/profile.py:5' },
    { name: 'explored but not written down', answers: { 'data.profiling': 'ad-hoc' }, status: 'partial' },
    { name: 'profiling report in a notebook, unanswered', files: { 'notebooks/01-eda.ipynb': notebook('from ydata_profiling import ProfileReport\nProfileReport(df, title="Transactions").to_notebook_iframe()') }, status: 'partial', evidence: 'cell 1' },
    { name: 'not profiled', answers: { 'data.profiling': 'none' }, status: 'fail' },
    { name: 'unanswered, nothing in the repository', files: { 'src/fraud/train.py': 'x = 1\n' }, status: 'unknown', evidence: 'data.profiling is not answered' },
    llmAssistantCase,
  ],

  'data.label-quality': [
    { name: 'labels are recorded outcomes', answers: { 'data.label-source': ['outcomes'] }, status: 'not_applicable' },
    { name: 'annotators measured for agreement', answers: { 'data.label-source': ['human'], 'data.label-quality': 'measured' }, status: 'pass' },
    {
      name: 'cleanlab audit in the labelling pipeline',
      files: { 'src/labels/audit.py': 'from cleanlab.filter import find_label_issues\n\n\ndef suspect_labels(labels, pred_probs):\n    return find_label_issues(labels, pred_probs, return_indices_ranked_by="self_confidence")\n' },
      answers: { 'data.label-source': ['human', 'outcomes'] },
      status: 'pass',
      evidence: 'src/labels/audit.py:5',
    },
    {
      name: "Cohen's kappa between two annotators",
      files: { 'src/labels/agreement.py': 'from sklearn.metrics import cohen_kappa_score\n\nkappa = cohen_kappa_score(annotator_a, annotator_b)\n' },
      answers: { 'data.label-source': ['human'] },
      status: 'pass',
      evidence: 'src/labels/agreement.py:3',
    },
    {
      name: "Cohen's kappa of predictions against the truth scores the model, not the labels",
      files: { 'src/evaluate.py': 'from sklearn import metrics\n\nscores = {"kappa": metrics.cohen_kappa_score(y_true, y_pred), "f1": metrics.f1_score(y_true, y_pred)}\nagreement = metrics.cohen_kappa_score(y_test, model.predict(X_test))\n' },
      answers: { 'data.label-source': ['human'] },
      status: 'unknown',
    },
    { name: 'guidelines without measurement', answers: { 'data.label-source': ['programmatic'], 'data.label-quality': 'guidelines' }, status: 'partial' },
    { name: 'a labelling guide in the docs', files: { 'docs/labeling-guidelines.md': '# Labelling guidelines\n\nMark a transaction as fraud only when the cardholder disputed it.\n' }, status: 'partial', evidence: 'docs/labeling-guidelines.md' },
    { name: 'Label Studio SDK declared', files: { 'requirements.txt': requirements('label-studio-sdk==1.0.8') }, answers: { 'data.label-source': ['human'] }, status: 'partial', evidence: 'declares label-studio-sdk' },
    { name: 'annotated labels, no control', answers: { 'data.label-source': ['human'], 'data.label-quality': 'none' }, status: 'fail' },
    { name: 'generated labels, quality unanswered', answers: { 'data.label-source': ['programmatic'] }, status: 'unknown', evidence: 'data.label-quality is not answered' },
  ],

  'data.upstream-contracts': [
    { name: 'a fixed dataset', answers: { 'data.arrival': 'static' }, status: 'not_applicable' },
    { name: 'contracts with every owner', answers: { 'data.arrival': 'periodic', 'data.upstream-ownership': 'contracts' }, status: 'pass' },
    {
      name: 'data contract in the repository',
      files: { 'contracts/orders.datacontract.yaml': 'dataContractSpecification: 1.1.0\nid: orders\ninfo:\n  title: Orders\n  version: 2.0.0\n  owner: checkout-team\n' },
      status: 'pass',
      evidence: 'contracts/orders.datacontract.yaml:1',
    },
    { name: 'sources listed, no change notice', answers: { 'data.arrival': 'continuous', 'data.upstream-ownership': 'listed' }, status: 'partial' },
    { name: 'dbt sources declared', files: { 'transform/models/sources.yml': 'version: 2\nsources:\n  - name: shop\n    tables:\n      - name: orders\n' }, status: 'partial', evidence: 'transform/models/sources.yml:2' },
    { name: 'nobody owns the inputs', answers: { 'data.arrival': 'periodic', 'data.upstream-ownership': 'none' }, status: 'fail' },
    { name: 'unanswered', files: { 'src/fraud/train.py': 'x = 1\n' }, status: 'unknown', evidence: 'data.upstream-ownership is not answered' },
  ],

  'data.freshness-sla': [
    { name: 'a fixed dataset', answers: { 'data.arrival': 'static' }, status: 'not_applicable' },
    {
      name: 'dbt source freshness',
      files: { 'transform/models/sources.yml': 'version: 2\nsources:\n  - name: shop\n    loaded_at_field: _loaded_at\n    freshness:\n      warn_after: {count: 6, period: hour}\n      error_after: {count: 24, period: hour}\n    tables:\n      - name: orders\n' },
      answers: { 'data.arrival': 'periodic' },
      status: 'pass',
      evidence: 'transform/models/sources.yml:4',
    },
    {
      name: 'Airflow sensor waits for the daily extract',
      files: { 'dags/scoring.py': 'from airflow.providers.amazon.aws.sensors.s3 import S3KeySensor\n\nwait = S3KeySensor(task_id="wait_extract", bucket_key="s3://lake/orders/{{ ds }}/_SUCCESS", timeout=6 * 3600)\n' },
      answers: { 'data.arrival': 'periodic' },
      status: 'pass',
      evidence: 'dags/scoring.py:3',
    },
    { name: 'row counts only', files: { 'soda/checks/orders.yml': sodaChecks }, answers: { 'data.arrival': 'continuous' }, status: 'partial', evidence: 'row_count' },
    { name: 'freshness looked at in a notebook', files: { 'checks.ipynb': notebook('ctx.sources.pandas_default.read_csv(path)\nvalidator.expect_row_values_to_have_recent_data(column="created_at")') }, answers: { 'data.arrival': 'continuous' }, status: 'partial', evidence: 'cell 1' },
    { name: 'streaming data, no checks', files: { 'src/fraud/consume.py': 'from kafka import KafkaConsumer\nconsumer = KafkaConsumer("transactions")\n' }, answers: { 'data.arrival': 'continuous' }, status: 'fail' },
    { name: 'arrival unanswered, no checks', files: { 'src/fraud/train.py': 'x = 1\n' }, status: 'unknown', evidence: 'data.arrival is not answered' },
  ],

  'data.feature-value-review': [
    { name: 'regular review', answers: { 'data.feature-review': 'regular' }, status: 'pass' },
    { name: 'importance looked at', answers: { 'data.feature-review': 'ad-hoc' }, status: 'partial' },
    { name: 'permutation importance in a notebook, unanswered', files: { 'analysis.ipynb': notebook('from sklearn.inspection import permutation_importance\nresult = permutation_importance(model, X_val, y_val, n_repeats=10)') }, status: 'partial', evidence: 'cell 1' },
    { name: 'never reviewed', answers: { 'data.feature-review': 'none' }, status: 'fail' },
    { name: 'unanswered', files: { 'src/fraud/train.py': 'x = 1\n' }, status: 'unknown' },
    llmAssistantCase,
  ],
};
