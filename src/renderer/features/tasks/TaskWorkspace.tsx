import { Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { STATE_LABELS } from '@core/workflow';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ComponentType } from 'react';
import { repositories } from '../../db';
import { screenHref } from '../../app/use-hash-route';
import { AnswersTab } from '../answers/AnswersTab';
import { AuditTab } from '../audit/AuditTab';
import { ChartsTab } from '../charts/ChartsTab';
import { FindingsTab } from '../findings/FindingsTab';
import { QcTab } from '../qc/QcTab';
import { ChangesRequestedNotice } from '../review/ChangesRequestedNotice';
import { SourcesTab } from '../sources/SourcesTab';
import { SubmitTab } from '../submission/SubmitTab';
import { TimeTab } from '../time/TimeTab';
import { OverviewTab } from './OverviewTab';
import type { TaskTabProps } from './task-tab-props';

const TABS: readonly { id: string; label: string; component: ComponentType<TaskTabProps> }[] = [
  { id: 'overview', label: 'Brief & data', component: OverviewTab },
  { id: 'charts', label: 'Charts', component: ChartsTab },
  { id: 'sources', label: 'Sources', component: SourcesTab },
  { id: 'findings', label: 'Findings', component: FindingsTab },
  { id: 'answers', label: 'Answers', component: AnswersTab },
  { id: 'time', label: 'Time', component: TimeTab },
  { id: 'qc', label: 'QC checklist', component: QcTab },
  { id: 'audit', label: 'Audit log', component: AuditTab },
  { id: 'submit', label: 'Submit', component: SubmitTab },
];

/** One task: `#/inbox/<taskId>` opens it; the tab is kept in `?tab=` of the hash path. */
export function TaskWorkspace({
  taskId,
  tab,
  onTab,
}: {
  taskId: string;
  tab: string;
  onTab: (tab: string) => void;
}) {
  const task = useLiveQuery(async () => (await repositories.tasks.get(taskId)) ?? null, [taskId]);
  if (task === undefined) return null;
  if (task === null) {
    return (
      <Stack>
        <Title order={1}>Task not found</Title>
        <Text>
          This task is not on this computer. <Anchor href={screenHref('inbox')}>Back to the Inbox</Anchor>
        </Text>
      </Stack>
    );
  }
  const active = TABS.some((t) => t.id === tab) ? tab : 'overview';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Anchor href={screenHref('inbox')} size="sm">
            ← Inbox
          </Anchor>
          <Title order={1}>{task.title || 'Untitled task'}</Title>
          <Text c="dimmed" size="sm">
            {task.client || 'No client yet'}
          </Text>
        </Stack>
        <Badge size="lg" variant="light" data-testid="task-state">
          {STATE_LABELS[task.state]}
        </Badge>
      </Group>
      <ChangesRequestedNotice task={task} />
      <Tabs
        value={active}
        onChange={(value) => {
          if (value) onTab(value);
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.id} value={t.id}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ id, component: Component }) => (
          <Tabs.Panel key={id} value={id} pt="md">
            <Component task={task} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
