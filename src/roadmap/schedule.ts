import type { Effort } from '../rules/types.js';
import { EFFORT_WEEKS, type Roadmap, type RoadmapItem } from './plan.js';

/*
 * The roadmap as a calendar: what a Gantt chart draws. Effort sizes are person-week ranges
 * (plan.ts); a chart needs one length, so each item takes the middle of its range, done by one
 * person. Phases are barriers, as the roadmap means them: the next phase starts when the last
 * item of the previous one ends. Within a phase, an item waits for its prerequisites and for a
 * free person; people take items in roadmap order.
 */

/** Calendar days for one person to do an item of each size: the middle of its person-week range. */
export const EFFORT_DAYS = Object.fromEntries(
  Object.entries(EFFORT_WEEKS).map(([effort, { min, max }]) => [effort, Math.round(((min + max) / 2) * 7)]),
) as Record<Effort, number>;

/** People working on the roadmap when the answers do not say (roi.team-fte). */
const ASSUMED_PEOPLE = 2;

export interface ScheduledItem {
  item: RoadmapItem;
  /** The first of the item's rule ids: its key in `requires`. */
  ruleId: string;
  phaseIndex: number;
  /** Days from the start of the roadmap. */
  start: number;
  end: number;
  /** Indexes into `items` of the prerequisites this item waits for. */
  after: number[];
}

export interface Schedule {
  items: ScheduledItem[];
  phases: Array<{ id: string; title: string; start: number; end: number }>;
  /** Days from the start to the end of the last item. */
  days: number;
  people: number;
  /** Where the number of people comes from, for the chart's caption. */
  peopleSource: 'answers' | 'assumed';
}

/** The number of people from the answered FTE, at least one. */
function peopleFor(fte: number | null): { people: number; peopleSource: Schedule['peopleSource'] } {
  return fte === null ? { people: ASSUMED_PEOPLE, peopleSource: 'assumed' } : { people: Math.max(1, Math.round(fte)), peopleSource: 'answers' };
}

/** Whole weeks from the start to the end of the schedule. */
export function scheduleWeeks(plan: Schedule): number {
  return Math.ceil(plan.days / 7);
}

export function schedule(roadmap: Roadmap, fte: number | null): Schedule {
  const { people, peopleSource } = peopleFor(fte);
  const items: ScheduledItem[] = [];
  const indexOfRule = new Map<string, number>();
  const phases: Schedule['phases'] = [];
  let phaseStart = 0;
  roadmap.phases.forEach((phase, phaseIndex) => {
    const freeAt: number[] = Array.from({ length: people }, () => phaseStart);
    let phaseEnd = phaseStart;
    for (const item of phase.items) {
      const after = item.requires.map((required) => indexOfRule.get(required.ruleId)).filter((index): index is number => index !== undefined);
      const ready = Math.max(phaseStart, ...after.map((index) => items[index]!.end));
      const person = freeAt.indexOf(Math.min(...freeAt));
      const start = Math.max(ready, freeAt[person]!);
      const end = start + EFFORT_DAYS[item.effort];
      freeAt[person] = end;
      phaseEnd = Math.max(phaseEnd, end);
      for (const ruleId of item.ruleIds) indexOfRule.set(ruleId, items.length);
      items.push({ item, ruleId: item.ruleIds[0]!, phaseIndex, start, end, after });
    }
    phases.push({ id: phase.id, title: phase.title, start: phaseStart, end: phaseEnd });
    phaseStart = phaseEnd;
  });
  return { items, phases, days: phaseStart, people, peopleSource };
}
