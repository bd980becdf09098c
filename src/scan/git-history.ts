import { join } from 'node:path';
import { GitObjectsUnread, ObjectStore, readPlainFile } from './git-objects.js';

/** One commit as the history facts need it: `git log --format=%aE%x09%aI%x09%s` reads the same. */
export interface LogEntry {
  /** The author's email. */
  email: string;
  /** The author date, ISO 8601. */
  date: string;
  /** The subject: the message's first paragraph on one line. */
  subject: string;
}

interface Commit {
  name: string;
  parents: string[];
  /** The committer date in seconds, what git orders its walk by. */
  time: number;
  entry: LogEntry;
}

/**
 * Past this many commits one git process reads a history faster than this reader; a store with
 * this many packed objects is not read at all (its history is likely that long).
 */
const MAX_READ_COMMITS = 1_000;
const MAX_READ_PACKED_OBJECTS = 10_000;
const AUTHOR_DATE = /^ *(\d{1,12}) [+-]\d{4}$/;
const GIT_SPACE = /[ \t\n\r]+$/;

/**
 * The commits `git log HEAD` lists, read from the repository's shared directory `commonDir`
 * (`GitPlace.history`) without starting git; null when git must be asked.
 */
export function historyFromFiles(commonDir: string, head: string): LogEntry[] | null {
  let store: ObjectStore | undefined;
  try {
    store = ObjectStore.open(join(commonDir, 'objects'), MAX_READ_PACKED_OBJECTS);
    const shallow = new Set(readPlainFile(join(commonDir, 'shallow'), 1024 * 1024)?.toString('latin1').split('\n').filter(Boolean));
    return readHistory(store, head, shallow, MAX_READ_COMMITS);
  } catch (error) {
    if (error instanceof GitObjectsUnread) return null;
    throw error;
  } finally {
    store?.close();
  }
}

/**
 * The commits `git log HEAD` lists, in its order, read from the object store: the newest
 * committer date first, a commit's parents queued by their own date, ties in the order they were
 * queued. Commits named in `shallow` have no parents (a shallow clone's edge). Throws
 * `GitObjectsUnread` past `maxCommits` commits, or on a commit this reader does not follow (an
 * author it cannot split, another encoding): git is then asked.
 */
function readHistory(store: ObjectStore, head: string, shallow: ReadonlySet<string>, maxCommits: number): LogEntry[] {
  const entries: LogEntry[] = [];
  const seen = new Set([head]);
  // Sorted newest first; a commit goes after those of the same date already waiting.
  const queue: Commit[] = [commitOf(store, head, shallow)];
  while (queue.length > 0) {
    const commit = queue.shift()!;
    if (entries.push(commit.entry) > maxCommits) throw new GitObjectsUnread();
    for (const parent of commit.parents) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      const next = commitOf(store, parent, shallow);
      let at = 0;
      while (at < queue.length && queue[at]!.time >= next.time) at++;
      queue.splice(at, 0, next);
    }
  }
  return entries;
}

function commitOf(store: ObjectStore, name: string, shallow: ReadonlySet<string>): Commit {
  const object = store.read(name);
  if (object.type !== 'commit') throw new GitObjectsUnread();
  const text = object.body.toString('utf8');
  const headerEnd = text.indexOf('\n\n');
  const header = (headerEnd < 0 ? text : text.slice(0, headerEnd)).split('\n');
  if (!header[0]?.startsWith('tree ')) throw new GitObjectsUnread();
  const parents: string[] = [];
  let line = 1;
  // Git reads a commit's parents only from the lines right after its tree.
  for (; header[line]?.startsWith('parent '); line++) parents.push(header[line]!.slice('parent '.length));
  let author: string | undefined;
  let committer: string | undefined;
  for (; line < header.length; line++) {
    const field = header[line]!;
    if (field.startsWith('author ')) author ??= field;
    else if (field.startsWith('committer ')) committer ??= field;
    else if (field.startsWith('encoding ') && !/^encoding utf-?8$/i.test(field)) throw new GitObjectsUnread();
  }
  if (author === undefined || parents.some((parent) => !/^[0-9a-f]{40}$/.test(parent))) throw new GitObjectsUnread();
  return {
    name,
    parents: shallow.has(name) ? [] : parents,
    time: committerTime(committer),
    entry: { ...authorOf(author), subject: subjectOf(headerEnd < 0 ? '' : text.slice(headerEnd + 2)) },
  };
}

/** The author's email (between the first `<` and the `>` after it) and date (after the last `>`), as git splits them. */
function authorOf(line: string): Pick<LogEntry, 'email' | 'date'> {
  const open = line.indexOf('<');
  const close = line.indexOf('>', open + 1);
  const date = AUTHOR_DATE.exec(line.slice(line.lastIndexOf('>') + 1));
  if (open < 0 || close < 0 || !date) throw new GitObjectsUnread();
  return { email: line.slice(open + 1, close), date: new Date(Number(date[1]) * 1000).toISOString() };
}

/** Git orders its walk by the number after the committer line's first `>`; a commit without one sorts as 0. */
function committerTime(line: string | undefined): number {
  if (line === undefined) return 0;
  const number = /^\s*(\d+)/.exec(line.slice(line.indexOf('>') + 1));
  return number ? Number(number[1]) : 0;
}

/** The first paragraph after any blank lines, its lines' trailing spaces cut and the lines joined by one space. */
function subjectOf(message: string): string {
  const lines: string[] = [];
  for (const raw of message.split('\n')) {
    const line = raw.replace(GIT_SPACE, '');
    if (line === '') {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(line);
  }
  return lines.join(' ');
}
