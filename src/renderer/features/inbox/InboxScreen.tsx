import { Box, Button, Group, Stack, Title } from '@mantine/core';
import { IconFileImport, IconInbox, IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { navigateTo, useScreenPath } from '../../app/use-hash-route';
import { repositories } from '../../db';
import { EmptyState } from '../common/EmptyState';
import { errorMessage } from '../common/error-message';
import { ScreenHeader } from '../common/ScreenHeader';
import { ReceivedPackagesTable } from '../packages/ReceivedPackagesTable';
import { usePackageImport } from '../packages/use-package-import';
import { TaskWorkspace } from '../tasks/TaskWorkspace';
import { TaskList } from './TaskList';
import { notify } from '../tasks/notify';

/** `#/inbox` lists tasks and packages; `#/inbox/<taskId>/<tab>` opens one task's workspace. */
export function InboxScreen() {
  const [taskId = '', tab = ''] = useScreenPath().split('/');
  if (taskId !== '') {
    return (
      <TaskWorkspace
        key={taskId}
        taskId={taskId}
        tab={tab}
        onTab={(next) => {
          navigateTo('inbox', `${taskId}/${next}`);
        }}
      />
    );
  }
  return <InboxLists />;
}

function InboxLists() {
  const packages = useLiveQuery(async () => repositories.receivedPackages.list(), []);
  const rows = useLiveQuery(async () => {
    const tasks = await repositories.tasks.list();
    const minutes = await Promise.all(tasks.map(async (t) => repositories.timeEntries.totalMinutes(t.id)));
    return tasks.map((task, i) => ({ task, minutesLogged: minutes[i] ?? 0 }));
  }, []);
  const { openDialog, dropHandlers, modal } = usePackageImport();
  const actions = (
    <Group gap="xs">
      <Button
        variant="light"
        leftSection={<IconPlus size={18} aria-hidden />}
        onClick={() => {
          repositories.tasks
            .createDraft()
            .then((draft) => {
              navigateTo('inbox', `${draft.id}/edit`);
            })
            .catch((caught: unknown) => {
              notify('red', errorMessage(caught), 'Could not create a task');
            });
        }}
      >
        New task
      </Button>
      <Button
        leftSection={<IconFileImport size={18} aria-hidden />}
        onClick={() => {
          void openDialog();
        }}
      >
        Import package
      </Button>
    </Group>
  );

  return (
    <Box {...dropHandlers} mih="70vh">
      <ScreenHeader
        title="Inbox"
        description="Tasks you were sent and tasks you are writing. Drop a .kpo file anywhere here to import it."
        actions={actions}
      />
      {rows && rows.length > 0 && <TaskList rows={rows} />}
      {packages && packages.length > 0 && (
        <Stack gap="sm" mt="xl">
          <Title order={2} size="h5">
            Imported packages
          </Title>
          <ReceivedPackagesTable packages={packages} />
        </Stack>
      )}
      {rows?.length === 0 && packages?.length === 0 && (
        <EmptyState icon={IconInbox} title="No tasks yet">
          Tasks appear here when you import a task package (.kpo) a coordinator sent you: use Import package
          or drop the file here. The package is verified first (intact, and signed by a key you trust) before
          anything is stored. To write a task for someone else, use New task.
        </EmptyState>
      )}
      {modal}
    </Box>
  );
}
