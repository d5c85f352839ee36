import { IconTable } from '@tabler/icons-react';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';

export function DatasetsScreen() {
  return (
    <>
      <ScreenHeader
        title="Datasets"
        description="CSV data stored on this computer, ready to explore offline."
      />
      <EmptyState icon={IconTable} title="No datasets yet">
        Datasets arrive with the task packages you import, or from CSV files you add to a task. Each is stored
        on this computer, so you can filter, group and chart it without a network.
      </EmptyState>
    </>
  );
}
