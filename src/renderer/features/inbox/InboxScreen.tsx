import { IconInbox } from '@tabler/icons-react';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';

export function InboxScreen() {
  return (
    <>
      <ScreenHeader title="Inbox" description="Tasks you were sent and tasks you are writing." />
      <EmptyState icon={IconInbox} title="No tasks yet">
        Tasks appear here when you import a task package (.kpo) a coordinator sent you, or when you write a
        task yourself as a coordinator. Each shows its state, client, due date and time logged.
      </EmptyState>
    </>
  );
}
