import { Stack } from '@mantine/core';
import { isAnalystEditable } from '@core/workflow';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../../db';
import { EmptyState } from '../common/EmptyState';
import { describeReviewTarget, sectionTarget } from '@core/review';
import { ReviewCommentsFor } from '../review/CommentThreads';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { AnswerEditor } from './AnswerEditor';
import { useEvidenceOptions } from './use-evidence-options';

/** The report's heading of a question's answer (composeReportMarkdown writes "### <n>. <text>"). */
const questionSection = (question: { number: number; text: string }): string =>
  sectionTarget(`${String(question.number)}. ${question.text.replace(/\s*\n\s*/g, ' ').trim()}`);

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
      <ReviewCommentsFor taskId={task.id} target="section:Answers" where={'report section "Answers"'} />
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
            <ReviewCommentsFor
              taskId={task.id}
              target={questionSection(question)}
              where={describeReviewTarget(questionSection(question))}
              sameHeading
            />
          </AnswerEditor>
        ))}
    </Stack>
  );
}
