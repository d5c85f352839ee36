import { Box, Button, Stack, Title } from '@mantine/core';
import { IconFileImport, IconInbox } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { navigateTo, useScreenPath } from '../../app/use-hash-route';
import { repositories } from '../../db';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';
import { ReceivedPackagesTable } from '../packages/ReceivedPackagesTable';
import { usePackageImport } from '../packages/use-package-import';
import { TaskWorkspace } from '../tasks/TaskWorkspace';

/** `#/inbox` lists tasks and packages; `#/inbox/<taskId>/<tab>` opens one task's workspace. */
export function InboxScreen() {
  const [taskId = '', tab = ''] = useScreenPath().split('/');
  if (taskId !== '') {
    return (
      <TaskWorkspace
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
  const { openDialog, dropHandlers, modal } = usePackageImport();
  const importButton = (
    <Button
      leftSection={<IconFileImport size={18} aria-hidden />}
      onClick={() => {
        void openDialog();
      }}
    >
      Import package
    </Button>
  );

  return (
    <Box {...dropHandlers} mih="70vh">
      <ScreenHeader
        title="Inbox"
        description="Tasks you were sent and tasks you are writing. Drop a .kpo file anywhere here to import it."
        actions={importButton}
      />
      {packages && packages.length > 0 ? (
        <Stack gap="sm">
          <Title order={2} size="h4">
            Imported packages
          </Title>
          <ReceivedPackagesTable packages={packages} />
        </Stack>
      ) : (
        <EmptyState icon={IconInbox} title="No tasks yet">
          Tasks appear here when you import a task package (.kpo) a coordinator sent you: use Import package
          or drop the file here. The package is verified first (intact, and signed by a key you trust) before
          anything is stored.
        </EmptyState>
      )}
      {modal}
    </Box>
  );
}
