import { IconChecklist } from '@tabler/icons-react';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';

export function ReviewScreen() {
  return (
    <>
      <ScreenHeader title="Review" description="Submissions waiting for a reviewer's decision." />
      <EmptyState icon={IconChecklist} title="Nothing to review">
        When an analyst sends you a submission package, import it here. You will see the deliverable beside
        its QC checklist, comment item by item, and approve with your signature or request changes.
      </EmptyState>
    </>
  );
}
