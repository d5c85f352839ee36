import { NativeSelect } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Role, TaskPersonRecord } from '../../db';
import { repositories } from '../../db';

/**
 * Picks someone from the trusted keys. People trusted in the wanted role come first; anyone else on
 * the list can still be picked, since one person often works in several roles.
 */
export function PersonField(props: {
  label: string;
  role: Role;
  value: TaskPersonRecord | undefined;
  onChange: (person: TaskPersonRecord | undefined) => void;
}) {
  const { label, role, value, onChange } = props;
  const keys = useLiveQuery(async () => repositories.trustedKeys.list(), []) ?? [];
  const option = (k: { keyId: string; name: string }) => ({
    value: k.keyId,
    label: `${k.name} (${k.keyId})`,
  });
  const inRole = keys.filter((k) => k.role === role);
  const others = keys.filter((k) => k.role !== role);
  const unknown = value && !keys.some((k) => k.keyId === value.keyId) ? [option(value)] : [];
  return (
    <NativeSelect
      label={label}
      description={keys.length === 0 ? 'Add people in Settings → Trusted keys first.' : undefined}
      value={value?.keyId ?? ''}
      onChange={(event) => {
        const keyId = event.currentTarget.value;
        const key = keys.find((k) => k.keyId === keyId);
        onChange(key ? { name: key.name, keyId: key.keyId } : keyId === value?.keyId ? value : undefined);
      }}
      data={[
        { value: '', label: 'Nobody yet' },
        ...unknown,
        ...(inRole.length > 0 ? [{ group: `Trusted as ${role}`, items: inRole.map(option) }] : []),
        ...(others.length > 0 ? [{ group: 'Other trusted keys', items: others.map(option) }] : []),
      ]}
    />
  );
}
