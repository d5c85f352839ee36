import { Badge, Group, MultiSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import Markdown from 'react-markdown';
import type { AnswerRecord, EvidenceRef } from '../../db';
import { repositories } from '../../db';
import { MARKDOWN_SAFETY } from '../findings/markdown-safety';
import { WARNING_INK } from '../findings/ViewTablePreview';
import { useAutosave } from '../findings/use-autosave';
import type { EvidenceGroup } from './evidence-options';
import { evidenceValue, parseEvidenceValue } from './evidence-options';

interface Fields {
  text: string;
  evidence: EvidenceRef[];
}

const same = (a: Fields, b: Fields) =>
  a.text === b.text && a.evidence.map(evidenceValue).join() === b.evidence.map(evidenceValue).join();

function EvidenceBadges({ evidence, labels }: { evidence: EvidenceRef[]; labels: Map<string, string> }) {
  if (evidence.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No evidence linked.
      </Text>
    );
  return (
    <Group gap={6} aria-label="Evidence">
      {evidence.map((e) => {
        const label = labels.get(evidenceValue(e));
        return (
          <Badge
            key={evidenceValue(e)}
            variant="outline"
            color="gray"
            tt="none"
            style={{ color: label ? undefined : WARNING_INK }}
          >
            {e.kind}: {label ?? 'missing reference'}
          </Badge>
        );
      })}
    </Group>
  );
}

/** A research question with its answer and linked evidence; editable and autosaved while the task is with the analyst. */
export function AnswerEditor(props: {
  taskId: string;
  question: { number: number; text: string };
  answer?: AnswerRecord;
  editable: boolean;
  options: { groups: EvidenceGroup[]; labels: Map<string, string> };
  /** Shown under the answer, e.g. the reviewer's comments on it. */
  children?: ReactNode;
}) {
  const { taskId, question, answer, editable, options } = props;
  const { draft, setDraft, flush, status } = useAutosave<Fields>(
    { text: answer?.text ?? '', evidence: answer?.evidence ?? [] },
    async (value) => repositories.answers.save(taskId, question.number, value),
    same,
  );
  const heading = `Question ${question.number}`;
  // Evidence picked earlier but since deleted stays selectable (and visible) until the analyst removes it.
  const missing = draft.evidence
    .map(evidenceValue)
    .filter((v) => !options.labels.has(v))
    .map((value) => ({ value, label: `${value.split(':')[0] ?? ''}: missing reference` }));
  const data =
    missing.length > 0 ? [...options.groups, { group: 'Missing', items: missing }] : options.groups;

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={heading}
      data-testid="answer"
      onBlur={(event) => {
        if (editable && !event.currentTarget.contains(event.relatedTarget)) void flush();
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} size="h5">
              {heading}
            </Title>
            <Text>{question.text}</Text>
          </Stack>
          {editable && (
            <Text
              size="xs"
              c={status.kind === 'failed' ? undefined : 'dimmed'}
              style={status.kind === 'failed' ? { color: WARNING_INK } : undefined}
              role="status"
              data-testid="save-status"
            >
              {status.kind === 'failed'
                ? `Not saved: ${status.error}`
                : status.kind === 'saved'
                  ? 'All changes saved'
                  : status.kind === 'saving'
                    ? 'Saving…'
                    : 'Unsaved changes'}
            </Text>
          )}
        </Group>
        {editable ? (
          <>
            <Textarea
              label={`Answer to question ${question.number}`}
              description="Markdown"
              autosize
              minRows={4}
              value={draft.text}
              onChange={(e) => {
                setDraft({ ...draft, text: e.currentTarget.value });
              }}
            />
            <MultiSelect
              label={`Evidence for question ${question.number}`}
              placeholder={
                options.groups.length === 0 ? 'Make charts, findings or sources first' : 'Pick evidence'
              }
              data={data}
              value={draft.evidence.map(evidenceValue)}
              onChange={(values) => {
                setDraft({
                  ...draft,
                  evidence: values.map(parseEvidenceValue).filter((e): e is EvidenceRef => e !== undefined),
                });
              }}
              searchable
              clearable
            />
          </>
        ) : (
          <>
            {(answer?.text ?? '').trim() === '' ? (
              <Text c="dimmed">Not answered.</Text>
            ) : (
              <Markdown {...MARKDOWN_SAFETY}>{answer?.text}</Markdown>
            )}
            <EvidenceBadges evidence={answer?.evidence ?? []} labels={options.labels} />
          </>
        )}
        {props.children}
      </Stack>
    </Paper>
  );
}
