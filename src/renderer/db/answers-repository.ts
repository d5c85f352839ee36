import { z } from 'zod';
import { requireAnalystEditableTask } from './analyst-work';
import type { KpoDatabase } from './database';
import { UserInputError } from './errors';
import type { AnswerRecord, EvidenceRef } from './records';
import { appendTaskEvent } from './task-events';

const AnswerInputSchema = z.object({
  text: z.string().max(100_000, 'Keep an answer under 100,000 characters.'),
  evidence: z.array(
    z.object({ kind: z.enum(['chart', 'view', 'finding', 'source']), id: z.string().min(1) }).strict(),
  ),
});
export type AnswerInput = z.input<typeof AnswerInputSchema>;

const evidenceKey = (e: EvidenceRef) => `${e.kind}:${e.id}`;

export function createAnswersRepository(db: KpoDatabase) {
  return {
    /** A task's answers by question number (questions not answered yet have none). */
    list: async (taskId: string): Promise<AnswerRecord[]> =>
      db.answers.where('[taskId+questionNumber]').between([taskId, -Infinity], [taskId, Infinity]).toArray(),

    /**
     * Stores the answer to one question with its evidence (duplicates dropped, order kept) and records
     * `answer.saved`; a save that changes nothing records nothing.
     */
    save: async (taskId: string, questionNumber: number, input: AnswerInput): Promise<boolean> => {
      const parsed = AnswerInputSchema.safeParse(input);
      if (!parsed.success)
        throw new UserInputError(parsed.error.issues[0]?.message ?? 'The answer is not valid.', 'text');
      const seen = new Set<string>();
      const evidence = parsed.data.evidence.filter(
        (e) => !seen.has(evidenceKey(e)) && seen.add(evidenceKey(e)),
      );
      const text = parsed.data.text;
      return db.transaction('rw', [db.tasks, db.answers, db.taskEvents, db.profile], async () => {
        const task = await requireAnalystEditableTask(db, taskId);
        if (!task.questions.some((q) => q.number === questionNumber))
          throw new UserInputError(`This task has no question ${questionNumber}.`);
        const previous = await db.answers.get([taskId, questionNumber]);
        if (
          previous?.text === text &&
          previous.evidence.map(evidenceKey).join() === evidence.map(evidenceKey).join()
        )
          return false;
        await db.answers.put({ taskId, questionNumber, text, evidence, updatedAt: new Date().toISOString() });
        await appendTaskEvent(db, taskId, 'answer.saved', {
          questionNumber,
          characters: text.length,
          evidence: evidence.map(evidenceKey),
        });
        return true;
      });
    },
  };
}

export type AnswersRepository = ReturnType<typeof createAnswersRepository>;
