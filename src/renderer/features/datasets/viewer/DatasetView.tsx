import { Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../../../db';

/** One dataset. A placeholder until the dataset viewer (grid, profile, filters) replaces it. */
export function DatasetView({ datasetId }: { datasetId: string }) {
  const dataset = useLiveQuery(async () => (await repositories.datasets.get(datasetId)) ?? null, [datasetId]);
  if (dataset === undefined) return null;
  if (dataset === null || dataset.status !== 'ready') {
    return (
      <Title order={1} size="h2">
        Dataset not found
      </Title>
    );
  }
  return (
    <>
      <Title order={1} size="h2">
        {dataset.name}
      </Title>
      <Text data-testid="dataset-row-count">{dataset.rowCount.toLocaleString('en-US')} rows</Text>
    </>
  );
}
