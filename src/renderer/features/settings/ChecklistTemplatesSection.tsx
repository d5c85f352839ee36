import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ChecklistTemplateEntry } from '../../db';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { ChecklistTemplateEditor } from '../qc/templates/ChecklistTemplateEditor';

/** Settings: the QC checklist templates a coordinator picks from; built-ins are duplicated to be changed. */
export function ChecklistTemplatesSection() {
  const templates = useLiveQuery(async () => repositories.checklistTemplates.list(), []);
  const [editingId, setEditingId] = useState<string>();
  const editing = templates?.find((t) => t.id === editingId && !t.builtIn);

  const act = async (what: string, action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (caught) {
      notifications.show({ color: 'red', title: `Could not ${what}`, message: errorMessage(caught) });
    }
  };

  const duplicate = async (template: ChecklistTemplateEntry) =>
    act(`duplicate ${template.name}`, async () => {
      const copy = await repositories.checklistTemplates.duplicate(template.id);
      setEditingId(copy.id);
    });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="qc-templates-heading">
      <Title order={2} size="h4" id="qc-templates-heading" mb="xs">
        QC checklist templates
      </Title>
      <Text size="sm" mb="sm">
        Checklists a task starts from. Built-in templates cannot be changed: duplicate one and edit the copy.
      </Text>
      <Table aria-label="Checklist templates" mb="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Items</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(templates ?? []).map((template) => (
            <Table.Tr key={template.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm">{template.name}</Text>
                  {template.builtIn && (
                    <Badge variant="light" size="sm">
                      Built-in
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{template.items.length}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Duplicate ${template.name}`}
                    onClick={() => {
                      void duplicate(template);
                    }}
                  >
                    Duplicate
                  </Button>
                  {!template.builtIn && (
                    <>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Edit ${template.name}`}
                        onClick={() => {
                          setEditingId(template.id);
                        }}
                      >
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${template.name}`}
                        onClick={() => {
                          void act(`delete ${template.name}`, async () => {
                            await repositories.checklistTemplates.remove(template.id);
                            if (editingId === template.id) setEditingId(undefined);
                          });
                        }}
                      >
                        Delete
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        variant="default"
        mb="md"
        onClick={() => {
          void act('create a template', async () => {
            const created = await repositories.checklistTemplates.create({
              name: `New template ${new Date().toLocaleString()}`,
              description: '',
              items: [],
            });
            setEditingId(created.id);
          });
        }}
      >
        New template
      </Button>
      {editing && (
        <ChecklistTemplateEditor
          key={editing.id}
          template={editing}
          onClose={() => {
            setEditingId(undefined);
          }}
        />
      )}
    </Paper>
  );
}
