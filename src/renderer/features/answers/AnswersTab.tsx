import { Stack } from '@mantine/core';
import { isAnalystEditable } from '@core/workflow';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../../db';
import { EmptyState } from '../common/EmptyState';
import { ReviewCommentsFor } from '../review/CommentThreads';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { AnswerEditor } from './AnswerEditor';
import { useEvidenceOptions } from './use-evidence-options';

export function AnswersTab({ task }: TaskTabProps) {
  const answers = useLiveQuery(async () => repositories.answers.list(task.id), [task.id]);
  const options = useEvidenceOptions(task);
  if (answers === undefined || options === undefined) return null;
  if (task.questions.length === 0)
    return (
      <EmptyState icon={IconMessageQuestion} title="No research questions">
        This task has no questions to answer.
      </EmptyState>
    );
  const editable = isAnalystEditable(task.state);
  return (
    <Stack>
      {[...task.questions]
        .sort((a, b) => a.number - b.number)
        .map((question) => (
          <AnswerEditor
            key={question.number}
            taskId={task.id}
            question={question}
            answer={answers.find((a) => a.questionNumber === question.number)}
            editable={editable}
            options={options}
          >
            <ReviewCommentsFor
              taskId={task.id}
              target={`answer:${String(question.number)}`}
              where={`question ${String(question.number)}`}
            />
          </AnswerEditor>
        ))}
    </Stack>
  );
}
