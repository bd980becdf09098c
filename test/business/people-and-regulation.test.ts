import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from '../../src/answers/types.js';
import { loadBusinessData } from '../../src/business/data.js';
import { regulationView } from '../../src/business/regulation.js';
import { teamView } from '../../src/business/team.js';
import type { Finding } from '../../src/rules/finding.js';
import { builtinRules, gitFacts } from '../helpers/rule-tester.js';

const data = await loadBusinessData();

function answers(values: Record<string, AnswerValue>): Answers {
  return { path: 'answers.yaml', values: Object.fromEntries(Object.entries(values).map(([id, value], i) => [id, { value, line: i + 3 }])) };
}

const finding = (ruleId: string, category: string, level: number, status: Finding['status']): Finding =>
  ({ ruleId, category, level, status, severity: 'high', title: ruleId, score: null, message: '', evidence: [], questions: [] }) as Finding;

describe('the data files', () => {
  it('name only roles that team.roles offers, and categories that exist', () => {
    const choices = builtinRules.questions.find((question) => question.id === 'team.roles')!.choices!.map((choice) => choice.value);
    expect(data.roles.map((role) => role.id).sort()).toEqual([...choices].sort());
    const categories = builtinRules.categories.map((category) => category.id);
    for (const role of data.roles) for (const category of role.categories ?? []) expect(categories).toContain(category);
  });

  it('name only risk classes and roles that the governance questions offer', () => {
    const choices = (id: string) => builtinRules.questions.find((question) => question.id === id)!.choices!.map((choice) => choice.value);
    for (const obligation of data.regulation.obligations) {
      for (const riskClass of obligation.riskClasses) expect(choices('governance.eu-ai-act-risk')).toContain(riskClass);
      for (const role of obligation.roles ?? []) expect(choices('governance.ai-act-role')).toContain(role);
    }
  });
});

describe('the team view', () => {
  const findings = [
    finding('data.schema-validation', 'data', 2, 'fail'),
    finding('monitoring.model-quality', 'monitoring', 2, 'unknown'),
    finding('monitoring.drift-triggered-retraining', 'monitoring', 4, 'fail'),
    finding('governance.model-card', 'governance', 2, 'pass'),
    finding('team.bus-factor', 'team', 1, 'fail'),
  ];
  const view = (values: Record<string, AnswerValue>, git = gitFacts({ commits: 120, activeContributors12m: 2, topAuthorShare12m: 0.92 })) =>
    teamView({ answers: answers(values), findings, categories: builtinRules.categories, roles: data.roles, git, currentLevel: 0, targetLevel: 2 });

  it('needs a role while work in its categories is open up to the target level', () => {
    const roles = Object.fromEntries(view({}).roles.map((role) => [role.id, role]));
    expect(roles['data-engineering']).toMatchObject({ needed: true, neededFor: ['Data: 1 open rule'], named: null });
    // the L4 monitoring rule is beyond the target; the L2 unknown one is open work
    expect(roles.operations).toMatchObject({ needed: true, neededFor: ['Monitoring: 1 open rule'] });
    // governance passes up to L2, and security has nothing open
    expect(roles['risk-compliance']).toMatchObject({ needed: false, neededFor: [] });
    expect(roles.modelling).toMatchObject({ needed: true, neededFor: ['every level'] });
  });

  it('names the gaps: roles needed that the answers leave without a person', () => {
    expect(view({ 'team.roles': ['modelling', 'ml-engineering'] }).gaps).toEqual(['data-engineering', 'operations', 'product']);
    expect(view({}).gaps).toEqual([]);
  });

  it('reports the bus factor from git history and the verdict of its rule', () => {
    expect(view({ 'team.people-can-retrain': 1, 'roi.team-fte': 1.5 })).toMatchObject({
      fte: 1.5,
      busFactor: { commits: 120, activeContributors12m: 2, topAuthorShare12m: 0.92, ruleId: 'team.bus-factor', status: 'fail', peopleCanRetrain: 1 },
    });
    expect(view({}, null as never).busFactor).toBeNull();
  });
});

describe('the regulation view', () => {
  const audit = new Date('2026-11-23T12:00:00Z');

  it('lists the obligations of a high-risk provider with their dates, as of the audit date', () => {
    const view = regulationView(answers({ 'governance.eu-ai-act-risk': 'high', 'governance.ai-act-role': 'provider' }), [], data.regulation, audit);
    expect(view.obligations.map((o) => [o.id, o.appliesFrom, o.inForce, o.monthsUntil])).toEqual([
      ['ai-literacy', '2025-02-02', true, 0],
      ['transparency', '2026-08-02', true, 0],
      // 23 Nov 2026 → 2 Dec 2027: 12 whole months (the 13th completes on 23 Dec)
      ['high-risk-provider', '2027-12-02', false, 12],
      // 23 Nov 2026 → 2 Aug 2028: 20 whole months
      ['high-risk-annex-i', '2028-08-02', false, 20],
    ]);
  });

  it('leaves out the other role, and lists nothing while the risk class is unanswered', () => {
    const deployer = regulationView(answers({ 'governance.eu-ai-act-risk': 'high', 'governance.ai-act-role': 'deployer' }), [], data.regulation, audit);
    expect(deployer.obligations.map((o) => o.id)).toContain('high-risk-deployer');
    expect(deployer.obligations.map((o) => o.id)).not.toContain('high-risk-provider');
    expect(regulationView(answers({}), [], data.regulation, audit)).toMatchObject({ riskClass: null, obligations: [] });
  });

  it('lists the rules whose severity the answers raised', () => {
    const raised = { ...finding('governance.human-oversight', 'governance', 2, 'fail'), severity: 'critical', severityChange: { from: 'high', because: [] } } as Finding;
    expect(regulationView(answers({ 'governance.eu-ai-act-risk': 'high' }), [raised], data.regulation, audit).severityChanges).toEqual([{ ruleId: 'governance.human-oversight', from: 'high', to: 'critical' }]);
  });
});
