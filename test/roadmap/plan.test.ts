import { describe, expect, it } from 'vitest';
import { plan } from '../../src/roadmap/plan.js';
import type { Rule, Severity, Level, Effort } from '../../src/rules/types.js';
import { finding } from '../helpers/findings.js';

function rule(id: string, severity: Severity, level: Level, effort: Effort, requires: string[] = []): Rule {
  return {
    id, title: id, category: id.split('.')[0]!, severity, level, why: `why ${id}`, detection: '', requires, references: [], source: 't',
    remediation: { summary: `do ${id}`, steps: ['a step'], effort }, check: { pass: { file: 'x' } },
  };
}

describe('plan', () => {
  const rules = [
    rule('mlops.vc', 'critical', 1, 'S'),
    rule('mlops.tests', 'high', 1, 'M', ['mlops.ci']),
    rule('mlops.ci', 'critical', 1, 'S', ['mlops.vc']),
    rule('mlops.lint', 'low', 1, 'S'),
    rule('mlops.tracking', 'high', 2, 'S'),
    rule('mlops.gate', 'critical', 3, 'M', ['mlops.tracking']),
    rule('mlops.registry', 'high', 2, 'M', ['mlops.tracking']),
    rule('team.done', 'high', 1, 'S'),
  ];

  it('puts critical failures first, prerequisites before what needs them, then phases by level', () => {
    const roadmap = plan(
      [
        finding('mlops.vc', 'fail', 'critical', 1),
        finding('mlops.tests', 'fail', 'high', 1),
        finding('mlops.ci', 'fail', 'critical', 1),
        finding('mlops.lint', 'partial', 'low', 1),
        finding('mlops.tracking', 'fail', 'high', 2),
        finding('mlops.gate', 'fail', 'critical', 3),
        finding('mlops.registry', 'partial', 'high', 2),
        finding('team.done', 'pass', 'high', 1),
      ],
      rules,
    );
    expect(roadmap.phases.map((phase) => [phase.id, phase.items.map((item) => item.ruleIds[0])])).toEqual([
      // tracking is pulled into the blockers because the critical gate needs it first. Order: vc and
      // tracking are free (impact/effort 4 and 3): vc; then ci (4) beats tracking (3); then gate.
      ['blockers', ['mlops.vc', 'mlops.ci', 'mlops.tracking', 'mlops.gate']],
      ['L1', ['mlops.tests', 'mlops.lint']],
      ['L2', ['mlops.registry']],
    ]);
    const tracking = roadmap.phases[0]!.items[2]!;
    expect(tracking.neededBy).toEqual(['mlops.gate']);
    expect(roadmap.phases[1]!.items[0]!.requires).toEqual([{ ruleId: 'mlops.ci', status: 'fail' }]);
  });

  it('sums effort per phase and overall in person-weeks', () => {
    const roadmap = plan([finding('mlops.lint', 'fail', 'low', 1), finding('mlops.tests', 'fail', 'high', 1)], rules);
    // S = 0.5–1, M = 1–4
    expect(roadmap.phases[0]!.effortWeeks).toEqual({ min: 1.5, max: 5 });
    expect(roadmap.effortWeeks).toEqual({ min: 1.5, max: 5 });
  });

  it('ranks free items by impact over effort', () => {
    // tests: high fail / M = 3/2.5 = 1.2; lint: low fail / S = 1; both L1 and independent here
    const roadmap = plan([finding('mlops.lint', 'fail', 'low', 1), finding('mlops.tests', 'fail', 'high', 1)], rules);
    expect(roadmap.phases[0]!.items.map((item) => item.ruleIds[0])).toEqual(['mlops.tests', 'mlops.lint']);
  });

  it('has no phases when nothing fails', () => {
    expect(plan([finding('team.done', 'pass')], rules)).toEqual({ phases: [], effortWeeks: { min: 0, max: 0 } });
  });
});
