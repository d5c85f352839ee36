import { describe, expect, it } from 'vitest';
import { computeDashboard } from './metrics';
import type { ReceivedTimeSet } from './time-sources';
import { mergeTimeEntries } from './time-sources';

const entry = (id: string, minutes: number, date = '2026-03-02') => ({ id, date, minutes });
const set = (
  taskId: string,
  version: number | null,
  ...entries: ReturnType<typeof entry>[]
): ReceivedTimeSet => ({
  taskId,
  version,
  entries,
});

describe('mergeTimeEntries', () => {
  it('counts a task’s received time from its latest version only, each entry once', () => {
    // Version 2 holds everything version 1 did plus what was logged since.
    const merged = mergeTimeEntries(
      [],
      [set('t', 2, entry('a', 60), entry('b', 30)), set('t', 1, entry('a', 60)), set('t', 2, entry('a', 60))],
    );
    expect(merged).toEqual([
      { taskId: 't', date: '2026-03-02', minutes: 60, receivedFrom: { version: 2 } },
      { taskId: 't', date: '2026-03-02', minutes: 30, receivedFrom: { version: 2 } },
    ]);
  });

  it('lets an entry logged here win over a received copy of the same id', () => {
    const merged = mergeTimeEntries(
      [{ id: 'a', taskId: 't', date: '2026-03-03', minutes: 45 }],
      [set('t', 1, entry('a', 60), entry('b', 15))],
    );
    expect(merged).toEqual([
      { taskId: 't', date: '2026-03-03', minutes: 45 },
      { taskId: 't', date: '2026-03-02', minutes: 15, receivedFrom: { version: 1 } },
    ]);
  });

  it('takes an acceptance’s delivered entries of unknown version as the latest, and keeps tasks apart', () => {
    const merged = mergeTimeEntries(
      [],
      [
        set('t', 3, entry('a', 60)),
        set('t', null, entry('a', 60), entry('c', 10)),
        set('u', 1, entry('d', 5)),
      ],
    );
    expect(merged.map((e) => [e.taskId, e.minutes, e.receivedFrom?.version])).toEqual([
      ['t', 60, null],
      ['t', 10, null],
      ['u', 5, 1],
    ]);
  });

  it('feeds the dashboard without double counting and says where received hours came from', () => {
    const timeEntries = mergeTimeEntries(
      [{ id: 'local', taskId: 'mine', date: '2026-03-02', minutes: 90 }],
      [set('theirs', 1, entry('x', 60)), set('theirs', 2, entry('x', 60), entry('y', 75))],
    );
    const metrics = computeDashboard({
      tasks: [
        { id: 'mine', title: 'Mine', client: 'Northwind', state: 'in_progress', due: '', estimateHours: 2 },
        { id: 'theirs', title: 'Theirs', client: 'Northwind', state: 'accepted', due: '', estimateHours: 3 },
      ],
      events: [],
      timeEntries,
      rates: { Northwind: 100 },
      now: new Date('2026-03-15T00:00:00Z'),
    });
    expect(metrics.tasks.map((t) => [t.taskId, t.loggedHours, t.receivedHours])).toEqual([
      ['mine', 1.5, null],
      ['theirs', 2.25, { hours: 2.25, version: 2 }],
    ]);
    expect(metrics.clients).toEqual([
      { client: 'Northwind', tasks: 2, estimatedHours: 5, loggedHours: 3.75, rate: 100, billable: 375 },
    ]);
    expect(metrics.weeks.map((w) => w.loggedHours)).toEqual([3.75]);
  });
});
