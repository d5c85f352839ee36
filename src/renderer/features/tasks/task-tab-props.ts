import type { TaskRecord } from '../../db';

/** Every workspace tab gets the live task record; tabs read the rest through repositories. */
export interface TaskTabProps {
  task: TaskRecord;
}
