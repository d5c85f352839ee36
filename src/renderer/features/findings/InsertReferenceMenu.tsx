import type { ReferenceKind } from '@core/findings';
import { Button, Menu } from '@mantine/core';
import { IconChartBar, IconQuote, IconTable } from '@tabler/icons-react';
import { useReferenceLookup } from './reference-context';

/** Menus that insert a reference to one of the task's charts, views or sources at the cursor. */
export function InsertReferenceMenu({
  onInsert,
}: {
  onInsert: (kind: ReferenceKind, id: string, label: string) => void;
}) {
  const lookup = useReferenceLookup();
  const menus: {
    kind: ReferenceKind;
    label: string;
    icon: typeof IconChartBar;
    items: { id: string; label: string }[];
  }[] = [
    {
      kind: 'chart',
      label: 'Insert chart',
      icon: IconChartBar,
      items: [...lookup.charts.values()].map((c) => ({ id: c.id, label: c.spec?.title ?? 'Chart' })),
    },
    {
      kind: 'view',
      label: 'Insert view table',
      icon: IconTable,
      items: [...lookup.viewNames].map(([id, label]) => ({ id, label })),
    },
    {
      kind: 'source',
      label: 'Cite source',
      icon: IconQuote,
      items: [...lookup.sources.values()].map((s) => ({ id: s.id, label: s.title })),
    },
  ];
  return (
    <>
      {menus.map(({ kind, label, icon: Icon, items }) => (
        <Menu key={kind} position="bottom-start" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="default"
              leftSection={<Icon size={14} />}
              disabled={items.length === 0}
            >
              {label}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {items.map((item) => (
              <Menu.Item
                key={item.id}
                onClick={() => {
                  onInsert(kind, item.id, item.label);
                }}
              >
                {item.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ))}
    </>
  );
}
