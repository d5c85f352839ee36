import { Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ClientMetrics } from '@core/dashboard';
import { billableCsv } from '@core/dashboard';
import { repositories } from '../../db';
import { platform } from '../../platform';
import { errorMessage } from '../common/error-message';

const hours = (value: number): string => value.toFixed(1);

function RateInput({ client, rate }: { client: string; rate: number }) {
  const [value, setValue] = useState<number | string>(rate);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const save = async () => {
    try {
      await repositories.dashboard.setClientRate(client, typeof value === 'number' ? value : Number(value));
      setError(undefined);
      setSaved(true);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <NumberInput
        aria-label={`Hourly rate for ${client}`}
        value={value}
        min={0}
        decimalScale={2}
        w={110}
        error={error}
        onChange={(next) => {
          setValue(next);
          setSaved(false);
        }}
      />
      <Button size="xs" variant="default" onClick={() => void save()} aria-label={`Save rate for ${client}`}>
        Save
      </Button>
      {saved && <Text size="xs">Saved</Text>}
    </Group>
  );
}

/** Estimated vs logged hours per client, the rate per client, and the billable summary as CSV. */
export function ClientRates({ clients }: { clients: readonly ClientMetrics[] }) {
  const exportCsv = async () => {
    try {
      await platform.saveFile({
        suggestedName: 'billable-summary.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        data: new TextEncoder().encode(billableCsv(clients)),
      });
    } catch (caught) {
      notifications.show({
        color: 'red',
        title: 'Could not save billable-summary.csv',
        message: errorMessage(caught),
      });
    }
  };
  return (
    <>
      <Table withTableBorder striped aria-label="Hours and billing per client">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Client</Table.Th>
            <Table.Th>Tasks</Table.Th>
            <Table.Th>Estimated h</Table.Th>
            <Table.Th>Logged h</Table.Th>
            <Table.Th>Rate per hour</Table.Th>
            <Table.Th>Billable</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((client) => (
            <Table.Tr key={client.client}>
              <Table.Td>{client.client || '(no client)'}</Table.Td>
              <Table.Td>{client.tasks}</Table.Td>
              <Table.Td>{hours(client.estimatedHours)}</Table.Td>
              <Table.Td>{hours(client.loggedHours)}</Table.Td>
              <Table.Td>
                <RateInput client={client.client} rate={client.rate} />
              </Table.Td>
              <Table.Td>{client.billable.toFixed(2)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button variant="default" w="fit-content" onClick={() => void exportCsv()}>
        Export billable summary (CSV)
      </Button>
    </>
  );
}
