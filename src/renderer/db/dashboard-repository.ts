import { z } from 'zod';
import type { DashboardEvent, DashboardTask, DashboardTimeEntry } from '@core/dashboard';
import { mergeTimeEntries } from '@core/dashboard';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';

const CLIENT_RATES = 'deliveries.clientRates';
const ratesSchema = z.record(z.string(), z.number().nonnegative());

export interface DashboardInput {
  tasks: DashboardTask[];
  events: DashboardEvent[];
  timeEntries: DashboardTimeEntry[];
  rates: Record<string, number>;
}

/** What the deliveries dashboard computes from, read in one transaction so the numbers agree. */
export function createDashboardRepository(db: KpoDatabase) {
  const readRates = async (): Promise<Record<string, number>> => {
    const stored = await db.settings.get(CLIENT_RATES);
    const parsed = ratesSchema.safeParse(stored?.value);
    return parsed.success ? parsed.data : {};
  };

  return {
    /**
     * Hours count the time logged here and the time that arrived with the work (each received
     * version's time/entries.json, and the delivered one an acceptance carries back): the analyst
     * logs on their own machine, and the coordinator who bills never holds those entries otherwise.
     */
    input: async (): Promise<DashboardInput> =>
      db.transaction(
        'r',
        [db.tasks, db.taskEvents, db.timeEntries, db.receivedTime, db.settings],
        async () => {
          const [tasks, events, localEntries, receivedTime, rates] = await Promise.all([
            db.tasks.toArray(),
            db.taskEvents.toArray(),
            db.timeEntries.toArray(),
            db.receivedTime.toArray(),
            readRates(),
          ]);
          return {
            tasks: tasks.map(({ id, title, client, state, due, estimateHours }) => ({
              id,
              title,
              client,
              state,
              due,
              estimateHours,
            })),
            events: events.map(({ taskId, at, type, data }) => ({ taskId, at, type, data })),
            timeEntries: mergeTimeEntries(
              localEntries.map(({ id, taskId, date, minutes }) => ({ id, taskId, date, minutes })),
              receivedTime.map(({ taskId, version, entries }) => ({
                taskId,
                version: version ?? null,
                entries,
              })),
            ),
            rates,
          };
        },
      ),

    clientRates: readRates,

    /** Hourly rate for one client; the billable summary multiplies logged hours by it. */
    setClientRate: async (client: string, rate: number): Promise<void> => {
      if (!Number.isFinite(rate) || rate < 0) {
        throw new UserInputError(`The rate for ${client} must be a number of at least 0.`, 'rate');
      }
      await db.transaction('rw', db.settings, async () => {
        const rates = await readRates();
        await db.settings.put({ key: CLIENT_RATES, value: { ...rates, [client]: rate } });
      });
    },
  };
}

export type DashboardRepository = ReturnType<typeof createDashboardRepository>;
