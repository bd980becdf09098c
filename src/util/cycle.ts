/**
 * A cycle in a directed graph, as the ids along it with the first repeated at the end
 * (`a → b → a`), or null. Nodes are visited in the given order, so the cycle reported is stable.
 */
export function findCycle(ids: Iterable<string>, next: (id: string) => readonly string[]): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, 'visiting');
    for (const following of next(id)) {
      const cycle = visit(following, [...trail, id]);
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    return null;
  };
  for (const id of ids) {
    const cycle = visit(id, []);
    if (cycle) return cycle;
  }
  return null;
}
