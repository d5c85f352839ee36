import { Paper, Tabs, Textarea } from '@mantine/core';
import { MarkdownText } from './MarkdownText';

/** The brief in Markdown, with a preview rendered exactly as the analyst will see it. */
export function BriefField(props: { value: string; onChange: (value: string) => void }) {
  return (
    <Tabs defaultValue="write" keepMounted={false}>
      <Tabs.List aria-label="Brief">
        <Tabs.Tab value="write">Write</Tabs.Tab>
        <Tabs.Tab value="preview">Preview</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          label="Brief (Markdown)"
          autosize
          minRows={6}
          value={props.value}
          onChange={(event) => {
            props.onChange(event.currentTarget.value);
          }}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Paper withBorder p="md" data-testid="brief-preview">
          <MarkdownText markdown={props.value} empty="Nothing written yet." />
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}
