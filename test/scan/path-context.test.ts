import { describe, expect, it } from 'vitest';
import { pathContext } from '../../src/scan/path-context.js';

describe('pathContext', () => {
  it.each([
    ['src/train.py', 'project'],
    ['train.py', 'project'],
    ['tests/test_train.py', 'test'],
    ['src/test_train.py', 'test'],
    ['detectron/modeling/test_time_augmentation.py', 'project'],
    ['tests/test_time_augmentation.py', 'test'],
    ['src/test_time_features.py', 'test'],
    ['src/model_test.py', 'test'],
    ['web/app.spec.ts', 'test'],
    ['conftest.py', 'test'],
    // The first rule in the list wins, whatever the depth: fixtures before tests, tests before docs.
    ['tests/fixtures/app.py', 'fixture'],
    ['fixtures/x/tests/app.py', 'fixture'],
    ['docs/tests/app.py', 'test'],
    ['tests/docs/app.py', 'test'],
    ['examples/vendor/lib.py', 'vendor'],
    // Flux's own controllers, committed by `flux bootstrap`; the sync configuration beside them is the project's.
    ['clusters/prod/flux-system/gotk-components.yaml', 'vendor'],
    ['clusters/prod/flux-system/gotk-sync.yaml', 'project'],
    // Code set aside is no practice of the project's, whatever it was: its tests, pipelines and docs included.
    ['archive/pipelines/release-pipeline-old.yml', 'archive'],
    ['scripts/benchmarks/archive/bench.py', 'archive'],
    ['src/legacy/tests/test_model.py', 'archive'],
    ['docs/specs/_archive/spec.md', 'archive'],
    ['Deprecated/deploy.ipynb', 'archive'],
    ['scripts/backup/backup_db.sh', 'project'],
    ['Docs/Guide/setup.py', 'docs'],
    ['packages/a/EXAMPLES/run.py', 'example'],
    ['cookbook/rag.py', 'example'],
    ['ExampleApps/YOLORealTimeSwiftUI/YOLORealTimeSwiftUITests/DetectorTests.swift', 'example'],
    ['SampleCode/Classifier/ViewController.swift', 'example'],
    ['demo-apps/chat/app.py', 'example'],
    ['sample_data/train.csv', 'project'],
    ['exampleservice/app.py', 'project'],
    // Training recipes are the team's own runs: the configurations its models are trained with.
    ['recipes/zephyr/sft/config_full.yaml', 'project'],
    // A directory named like a test file is no test; a file named like a directory is no context.
    ['test_data.py/x.py', 'project'],
    ['src/docs', 'project'],
    // Below a JVM source root the directories name a package; the root still says what its files are.
    ['app/backend/src/main/java/com/microsoft/openai/samples/rag/ChatController.java', 'project'],
    ['src/main/kotlin/org/acme/demo/test/Router.kt', 'project'],
    ['core/src/test/scala/com/salesforce/op/SelectorTest.scala', 'test'],
    ['examples/spring/src/main/java/com/acme/App.java', 'example'],
    ['src/main/resources/samples/input.json', 'example'],
  ])('%s is %s', (path, context) => {
    expect(pathContext(path)).toBe(context);
  });

  it('classifies files of one directory by their own names', () => {
    expect(['pkg/sub/a.py', 'pkg/sub/test_a.py', 'pkg/sub/tests/a.py', 'pkg/sub/a.py'].map(pathContext)).toEqual(['project', 'test', 'test', 'project']);
  });

  it('tells a directory from another that starts or ends the same, whatever came before', () => {
    const paths = ['tests/a.py', 'tests2/a.py', 'tests/a.py', 'testz/a.py', 'x/tests/a.py', 'x/tests/b/a.py', 'x/test/a.py', 'a.py', 'test_a.py', 'x/tests'];
    const expected = ['test', 'project', 'test', 'project', 'test', 'test', 'test', 'project', 'test', 'project'];
    expect(paths.map(pathContext)).toEqual(expected);
    expect([...paths].reverse().map(pathContext)).toEqual([...expected].reverse());
  });

  it('answers the same for a path asked again after tens of thousands of others', () => {
    const paths = Array.from({ length: 40_000 }, (_, i) => (i % 3 === 0 ? `tests/t${i}.py` : i % 3 === 1 ? `src/test_m${i}.py` : `docs/d${i}.md`));
    const first = paths.map(pathContext);
    expect(paths.map(pathContext)).toEqual(first);
    expect(new Set(first)).toEqual(new Set(['test', 'docs']));
  });
});
