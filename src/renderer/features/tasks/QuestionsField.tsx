import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';

export interface Question {
  number: number;
  text: string;
}

/** Numbered research questions: the number is the position, so moving one renumbers the rest. */
export function QuestionsField(props: { value: readonly Question[]; onChange: (value: Question[]) => void }) {
  const { value, onChange } = props;
  const commit = (texts: string[]) => {
    onChange(texts.map((text, index) => ({ number: index + 1, text })));
  };
  const texts = value.map((q) => q.text);
  const move = (from: number, to: number) => {
    const next = [...texts];
    const [moved] = next.splice(from, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    commit(next);
  };

  return (
    <Fieldset legend="Research questions">
      <Stack gap="xs">
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            No questions yet. Each question gets its own answer from the analyst.
          </Text>
        )}
        {value.map((question, index) => (
          <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={`Question ${index + 1}`}
              value={question.text}
              onChange={(event) => {
                commit(texts.map((t, i) => (i === index ? event.currentTarget.value : t)));
              }}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Move question ${index + 1} up`}
              disabled={index === 0}
              onClick={() => {
                move(index, index - 1);
              }}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Move question ${index + 1} down`}
              disabled={index === value.length - 1}
              onClick={() => {
                move(index, index + 1);
              }}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={`Remove question ${index + 1}`}
              onClick={() => {
                commit(texts.filter((_, i) => i !== index));
              }}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              commit([...texts, '']);
            }}
          >
            Add question
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
