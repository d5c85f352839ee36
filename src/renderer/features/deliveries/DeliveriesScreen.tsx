import { IconTruckDelivery } from '@tabler/icons-react';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';

export function DeliveriesScreen() {
  return (
    <>
      <ScreenHeader
        title="Deliveries"
        description="Signed deliverables, their verification and acceptance."
      />
      <EmptyState icon={IconTruckDelivery} title="No deliveries yet">
        Approved deliverables and the ones clients send back accepted or rejected are listed here, with who
        signed them and whether the package is intact. Import a deliverable package (.kpo) to check and read
        it.
      </EmptyState>
    </>
  );
}
