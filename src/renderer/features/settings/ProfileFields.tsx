import { Checkbox, Group, Stack, TextInput } from '@mantine/core';
import type { ProfileInput, Role } from '../../db';
import { ROLES } from '../../db';

const ROLE_LABELS: Record<Role, string> = {
  coordinator: 'Coordinator: writes and sends tasks',
  analyst: 'Analyst: works tasks and submits',
  reviewer: 'Reviewer: checks and signs off',
  client: 'Client: receives and accepts deliverables',
};

export const roleLabel = (role: Role): string => ROLE_LABELS[role].split(':')[0] ?? role;

/** The profile form's fields, shared by onboarding and Settings. */
export function ProfileFields(props: {
  value: ProfileInput;
  onChange: (next: ProfileInput) => void;
  errorField: string | undefined;
  error: string | undefined;
}) {
  const { value, onChange, errorField, error } = props;
  const errorFor = (field: string) => (errorField === field ? error : undefined);
  return (
    <Stack gap="sm">
      <TextInput
        label="Your name"
        withAsterisk
        autoComplete="name"
        value={value.displayName}
        error={errorFor('displayName')}
        onChange={(e) => {
          onChange({ ...value, displayName: e.currentTarget.value });
        }}
      />
      <TextInput
        label="Organisation"
        withAsterisk
        autoComplete="organization"
        value={value.organisation}
        error={errorFor('organisation')}
        onChange={(e) => {
          onChange({ ...value, organisation: e.currentTarget.value });
        }}
      />
      <TextInput
        label="E-mail"
        withAsterisk
        type="email"
        autoComplete="email"
        value={value.email}
        error={errorFor('email')}
        onChange={(e) => {
          onChange({ ...value, email: e.currentTarget.value });
        }}
      />
      <Checkbox.Group
        label="Your roles"
        description="Choose every role you take; you can change this later."
        value={value.roles}
        error={errorFor('roles')}
        onChange={(roles) => {
          onChange({ ...value, roles });
        }}
      >
        <Group mt="xs" gap="md">
          {ROLES.map((role) => (
            <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}
