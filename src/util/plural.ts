/** "1 directory", "3 directories": a count with its noun, singular only for one. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
