import { referenceLink } from '@core/findings';
import type { ReferenceKind } from '@core/findings';
import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { citationNumbers } from '@core/findings';
import { useMemo, useRef } from 'react';
import type { FindingRecord } from '../../db';
import { repositories } from '../../db';
import { FindingMarkdown } from './FindingMarkdown';
import { InsertReferenceMenu } from './InsertReferenceMenu';
import { ReferenceContext, useReferenceLookup } from './reference-context';
import type { SaveStatus } from './use-autosave';
import { useAutosave } from './use-autosave';
import { WARNING_INK } from './ViewTablePreview';

interface Fields {
  title: string;
  markdown: string;
}

const STATUS_TEXT: Record<SaveStatus['kind'], string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes',
  saving: 'Saving…',
  failed: 'Not saved',
};

/** One finding: Markdown on the left, the live preview on the right; autosaved. */
export function FindingEditor({ finding, onDelete }: { finding: FindingRecord; onDelete: () => void }) {
  const { draft, setDraft, flush, status } = useAutosave<Fields>(
    { title: finding.title, markdown: finding.markdown },
    async (value) => repositories.findings.save(finding.id, value),
    (a, b) => a.title === b.title && a.markdown === b.markdown,
  );
  const textRef = useRef<HTMLTextAreaElement>(null);
  // The preview numbers citations as the report will once this draft is saved, not as last saved.
  const lookup = useReferenceLookup();
  const draftLookup = useMemo(
    () => ({
      ...lookup,
      citationNumbers: citationNumbers(
        lookup.findings.map((f) => (f.id === finding.id ? draft.markdown : f.markdown)),
      ),
    }),
    [lookup, finding.id, draft.markdown],
  );
  const name = draft.title || 'Untitled finding';

  const insert = (kind: ReferenceKind, id: string, label: string) => {
    const area = textRef.current;
    const link = referenceLink(kind, id, label);
    const at = area?.selectionStart ?? draft.markdown.length;
    const end = area?.selectionEnd ?? at;
    // Charts and tables are blocks: they go on a line of their own; a citation stays in the sentence.
    const block = kind !== 'source';
    const before = draft.markdown.slice(0, at);
    const after = draft.markdown.slice(end);
    const text = block
      ? `${before}${before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n'}${link}\n\n${after}`
      : `${before}${before === '' || /\s$/.test(before) ? '' : ' '}${link}${after}`;
    setDraft({ ...draft, markdown: text });
    requestAnimationFrame(() => {
      area?.focus();
    });
  };

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={name}
      data-testid="finding"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) void flush();
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <TextInput
            label="Finding title"
            value={draft.title}
            onChange={(e) => {
              setDraft({ ...draft, title: e.currentTarget.value });
            }}
            style={{ flex: 1 }}
          />
          <Text
            size="xs"
            c={status.kind === 'failed' ? undefined : 'dimmed'}
            style={status.kind === 'failed' ? { color: WARNING_INK } : undefined}
            role="status"
            data-testid="save-status"
          >
            {status.kind === 'failed' ? `Not saved: ${status.error}` : STATUS_TEXT[status.kind]}
          </Text>
        </Group>
        <Group gap="xs">
          <InsertReferenceMenu onInsert={insert} />
          <Button size="xs" variant="subtle" color="red" onClick={onDelete} ml="auto">
            Delete finding
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea
            ref={textRef}
            label="Markdown"
            description="Charts, views and sources are inserted as kpo: links"
            autosize
            minRows={8}
            value={draft.markdown}
            onChange={(e) => {
              setDraft({ ...draft, markdown: e.currentTarget.value });
            }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Stack gap={4} role="region" aria-label={`Preview of ${name}`}>
            <Text size="sm" fw={500}>
              Preview
            </Text>
            <Paper withBorder p="sm" data-testid="finding-preview">
              {draft.markdown.trim() === '' ? (
                <Text c="dimmed" size="sm">
                  Nothing written yet.
                </Text>
              ) : (
                <ReferenceContext.Provider value={draftLookup}>
                  <FindingMarkdown markdown={draft.markdown} />
                </ReferenceContext.Provider>
              )}
            </Paper>
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
