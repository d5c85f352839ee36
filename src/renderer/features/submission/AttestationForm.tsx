import { Button, Checkbox, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';

/** The analyst's statement and the explicit confirmation that signing it needs. */
export function AttestationForm(props: {
  statement: string;
  version: number;
  disabled: boolean;
  busy: boolean;
  onSubmit: () => void;
}) {
  const [attested, setAttested] = useState(false);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600}>Attestation</Text>
        <Text>{props.statement}</Text>
        <Checkbox
          label={`I attest that this statement is true for version ${props.version}`}
          checked={attested}
          disabled={props.disabled || props.busy}
          onChange={(event) => {
            setAttested(event.currentTarget.checked);
          }}
        />
        <Button
          w="fit-content"
          disabled={props.disabled || !attested}
          loading={props.busy}
          onClick={props.onSubmit}
        >
          Sign and export submission
        </Button>
      </Stack>
    </Paper>
  );
}
