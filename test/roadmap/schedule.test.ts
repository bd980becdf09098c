import { describe, expect, it } from 'vitest';
import type { Phase, Roadmap, RoadmapItem } from '../../src/roadmap/plan.js';
import { EFFORT_DAYS, schedule } from '../../src/roadmap/schedule.js';
import type { Effort } from '../../src/rules/types.js';

function item(ruleId: string, effort: Effort, requires: string[] = []): RoadmapItem {
  return {
    ruleIds: [ruleId], title: ruleId, category: ruleId.split('.')[0]!, severity: 'high', status: 'fail', action: `do ${ruleId}`, steps: [], why: '',
    effort, requires: requires.map((id) => ({ ruleId: id, status: 'fail' as const })), neededBy: [], evidence: [], links: [],
  };
}

function roadmap(...phases: RoadmapItem[][]): Roadmap {
  return {
    phases: phases.map((items, i): Phase => ({ id: `p${i}`, title: `Phase ${i}`, goal: '', items, effortWeeks: { min: 0, max: 0 } })),
    effortWeeks: { min: 0, max: 0 },
  };
}

const spans = (result: ReturnType<typeof schedule>) => result.items.map((entry) => [entry.ruleId, entry.start, entry.end]);

describe('schedule', () => {
  it('runs independent items side by side, one per person', () => {
    const result = schedule(roadmap([item('a.one', 'S'), item('a.two', 'M'), item('a.three', 'S')]), 2);
    expect(spans(result)).toEqual([
      ['a.one', 0, 5],
      ['a.two', 0, 18],
      // The first person is free again after five days.
      ['a.three', 5, 10],
    ]);
    expect(result.days).toBe(18);
    expect(result.peopleSource).toBe('answers');
  });

  it('makes an item wait for its prerequisites even when someone is free', () => {
    const result = schedule(roadmap([item('a.base', 'M'), item('a.next', 'S', ['a.base'])]), 3);
    expect(spans(result)).toEqual([
      ['a.base', 0, 18],
      ['a.next', 18, 23],
    ]);
    expect(result.items[1]!.after).toEqual([0]);
  });

  it('starts a phase when the previous one ends', () => {
    const result = schedule(roadmap([item('a.one', 'S'), item('a.two', 'L')], [item('b.one', 'S', ['a.one'])]), 4);
    expect(result.phases.map((phase) => [phase.id, phase.start, phase.end])).toEqual([
      ['p0', 0, EFFORT_DAYS.L],
      ['p1', EFFORT_DAYS.L, EFFORT_DAYS.L + EFFORT_DAYS.S],
    ]);
    expect(result.items[2]!.after).toEqual([0]);
  });

  it('assumes two people without an answer, and at least one with a fractional one', () => {
    const work = roadmap([item('a.one', 'S'), item('a.two', 'S'), item('a.three', 'S')]);
    expect(schedule(work, null)).toMatchObject({ people: 2, peopleSource: 'assumed', days: 10 });
    expect(schedule(work, 0.4)).toMatchObject({ people: 1, days: 15 });
  });

  it('is empty for an empty roadmap', () => {
    expect(schedule(roadmap(), 2)).toMatchObject({ items: [], phases: [], days: 0 });
  });
});
