import { Alert, Divider, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { toTaskDocument } from '@core/workflow';
import type { ReactNode } from 'react';
import { navigateTo, useScreenPath } from '../../app/use-hash-route';
import type { TaskPersonRecord } from '../../db';
import { sectionTarget } from '@core/review';
import { ReviewCommentsFor } from '../review/CommentThreads';
import { DueText } from './DueText';
import { MarkdownText } from './MarkdownText';
import { TaskActions } from './TaskActions';
import { TaskDatasetItem } from './TaskDatasetItem';
import { TaskEditor } from './TaskEditor';
import type { TaskTabProps } from './task-tab-props';

const PRIORITY_LABELS = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.label}
      </Text>
      <div>{props.children}</div>
    </Stack>
  );
}

const personText = (p: TaskPersonRecord | undefined) => (p ? `${p.name} (${p.keyId})` : 'Not assigned');

/** Brief, questions, dates, people and datasets; `#/inbox/<id>/edit` opens the editor of a draft. */
export function OverviewTab({ task }: TaskTabProps) {
  const [, mode] = useScreenPath().split('/');
  const isDraft = task.origin === 'authored' && task.state === 'draft';
  if (isDraft && mode === 'edit') {
    return (
      <TaskEditor
        key={task.id}
        task={task}
        onDone={() => {
          navigateTo('inbox', `${task.id}/overview`);
        }}
      />
    );
  }
  const readiness = isDraft ? toTaskDocument({ ...task }) : undefined;

  return (
    <Stack gap="lg">
      <TaskActions task={task} />
      <ReviewCommentsFor
        taskId={task.id}
        target={sectionTarget(task.title.trim())}
        where={`the report's heading "${task.title.trim()}"`}
      />
      {readiness && !readiness.ok && (
        <Alert color="gray" title="Still to do before export" data-testid="draft-readiness">
          <List size="sm">
            {readiness.problems.map((p) => (
              <List.Item key={`${p.field}:${p.message}`}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label="Due">
          <DueText task={task} />
        </Fact>
        <Fact label="Priority">
          <Text size="sm">{PRIORITY_LABELS[task.priority]}</Text>
        </Fact>
        <Fact label="Estimated effort">
          <Text size="sm">{task.estimateHours} h</Text>
        </Fact>
        <Fact label="Coordinator">
          <Text size="sm">{personText(task.coordinator)}</Text>
        </Fact>
        <Fact label="Analyst">
          <Text size="sm">{personText(task.analyst)}</Text>
        </Fact>
        <Fact label="Reviewer">
          <Text size="sm">{personText(task.reviewer)}</Text>
        </Fact>
      </SimpleGrid>
      <Divider />
      <Stack gap="xs" component="section" aria-label="Brief">
        <Title order={2} size="h4">
          Brief
        </Title>
        <MarkdownText markdown={task.brief} empty="No brief yet." />
      </Stack>
      <Stack gap="xs" component="section" aria-label="Research questions">
        <Title order={2} size="h4">
          Research questions
        </Title>
        {task.questions.length === 0 ? (
          <Text c="dimmed">No questions yet.</Text>
        ) : (
          <List type="ordered" spacing="xs">
            {task.questions.map((q) => (
              <List.Item key={q.number}>
                {q.text || (
                  <Text span c="dimmed">
                    (empty)
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-label="Datasets">
        <Title order={2} size="h4">
          Datasets
        </Title>
        <ReviewCommentsFor taskId={task.id} target="section:Tables" where={'report section "Tables"'} />
        {task.datasets.length === 0 ? (
          <Text c="dimmed">No datasets.</Text>
        ) : (
          <List listStyleType="none" spacing="md" aria-label="Task datasets">
            {task.datasets.map((dataset) => (
              <TaskDatasetItem key={dataset.path} taskId={task.id} dataset={dataset} showViews />
            ))}
          </List>
        )}
      </Stack>
      <Text size="sm" c="dimmed">
        QC checklist{task.checklistName ? ` “${task.checklistName}”` : ''}: {task.checklist.length} item
        {task.checklist.length === 1 ? '' : 's'}.
      </Text>
    </Stack>
  );
}
