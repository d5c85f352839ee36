import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { isAnalystEditable } from '@core/workflow';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { FindingRecord } from '../../db';
import { repositories } from '../../db';
import { ConfirmDeleteModal } from '../common/ConfirmDeleteModal';
import { EmptyState } from '../common/EmptyState';
import { describeReviewTarget, sectionTarget } from '@core/review';
import { ReviewCommentsFor } from '../review/CommentThreads';
import { errorMessage } from '../common/error-message';
import type { TaskTabProps } from '../tasks/task-tab-props';
import { FindingEditor } from './FindingEditor';
import { FindingMarkdown } from './FindingMarkdown';
import { ReferenceContext } from './reference-context';
import { useTaskReferenceLookup } from './use-reference-lookup';

export function FindingsTab({ task }: TaskTabProps) {
  const findings = useLiveQuery(async () => repositories.findings.list(task.id), [task.id]);
  const lookup = useTaskReferenceLookup(task);
  const [deleting, setDeleting] = useState<FindingRecord>();
  const editable = isAnalystEditable(task.state);
  if (findings === undefined || lookup === undefined) return null;

  const create = async () => {
    try {
      await repositories.findings.create(task.id, { title: `Finding ${findings.length + 1}`, markdown: '' });
    } catch (caught) {
      notifications.show({ color: 'red', message: `Could not add a finding: ${errorMessage(caught)}` });
    }
  };
  const newButton = editable && (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => {
        void create();
      }}
    >
      New finding
    </Button>
  );

  return (
    <ReferenceContext.Provider value={lookup}>
      <Stack>
        {findings.length === 0 ? (
          <EmptyState icon={IconBulb} title="No findings yet" action={newButton}>
            {editable
              ? 'Write what the data and sources show, in Markdown, with charts, view tables and citations inserted by reference.'
              : 'No findings were written for this task.'}
          </EmptyState>
        ) : (
          <>
            <Group justify="space-between">
              <Text c="dimmed" size="sm">
                {findings.length === 1 ? '1 finding' : `${findings.length} findings`}
              </Text>
              {newButton}
            </Group>
            <ReviewCommentsFor
              taskId={task.id}
              target="section:Findings"
              where={'report section "Findings"'}
            />
            {findings.map((finding) => (
              <Stack key={finding.id} gap="xs">
                {editable ? (
                  <FindingEditor
                    finding={finding}
                    onDelete={() => {
                      setDeleting(finding);
                    }}
                  />
                ) : (
                  <Paper
                    withBorder
                    p="md"
                    component="section"
                    aria-label={finding.title}
                    data-testid="finding"
                  >
                    <Title order={3} size="h4" mb="sm">
                      {finding.title || 'Untitled finding'}
                    </Title>
                    <FindingMarkdown markdown={finding.markdown} />
                  </Paper>
                )}
                <ReviewCommentsFor
                  taskId={task.id}
                  target={sectionTarget(finding.title.trim())}
                  where={describeReviewTarget(sectionTarget(finding.title.trim()))}
                  sameHeading
                />
              </Stack>
            ))}
          </>
        )}
        {deleting && (
          <ConfirmDeleteModal
            title={`Delete "${deleting.title || 'Untitled finding'}"?`}
            confirmLabel="Delete finding"
            onConfirm={async () => repositories.findings.remove(deleting.id)}
            onClose={() => {
              setDeleting(undefined);
            }}
          >
            Its text is removed; the charts, views and sources it refers to stay.
          </ConfirmDeleteModal>
        )}
      </Stack>
    </ReferenceContext.Provider>
  );
}
