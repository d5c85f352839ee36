import { Badge, Code, List, Stack, Text, Title } from '@mantine/core';
import type { TextDiff, VersionDiff } from '@core/review';
import { describeArtifactChange, describeQcChange, diffDisplayLines } from '@core/review';

// Whole lines, marked by their +/- prefix and colour rather than strike-through, so they stay readable.
const LINE = { display: 'block', textDecoration: 'none' } as const;

function TextDiffBlock({ diff, label }: { diff: TextDiff; label: string }) {
  if (!diff.changed) return <Text size="sm">{label}: unchanged.</Text>;
  return (
    <pre
      aria-label={label}
      style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)', margin: 0 }}
    >
      {diffDisplayLines(diff).map((line, index) =>
        line.kind === 'same' ? (
          <span key={String(index)} style={{ display: 'block' }}>
            {`  ${line.text}`}
          </span>
        ) : line.kind === 'added' ? (
          <ins key={String(index)} style={{ ...LINE, background: 'var(--mantine-color-green-light)' }}>
            {`+ ${line.text}`}
          </ins>
        ) : (
          <del key={String(index)} style={{ ...LINE, background: 'var(--mantine-color-red-light)' }}>
            {`- ${line.text}`}
          </del>
        ),
      )}
    </pre>
  );
}

/** What changed between two submitted versions: report, answers, QC items, charts and tables. */
export function VersionDiffView({ diff, from, to }: { diff: VersionDiff; from: number; to: number }) {
  return (
    <Stack gap="sm" role="region" aria-label={`Changes from version ${String(from)} to ${String(to)}`}>
      <Title order={3}>What changed since version {from}</Title>
      <TextDiffBlock diff={diff.report} label="Report" />
      {diff.answers
        .filter((answer) => answer.changed)
        .map((answer) => (
          <TextDiffBlock
            key={answer.questionNumber}
            diff={answer}
            label={`Answer ${String(answer.questionNumber)}`}
          />
        ))}
      <Text fw={600}>QC items</Text>
      {diff.qc.length === 0 ? (
        <Text size="sm">No QC result, comment, justification or evidence changed.</Text>
      ) : (
        <List size="sm" aria-label="Changed QC items">
          {diff.qc.map((change) => {
            const { heading, details } = describeQcChange(change, diff.evidenceTitles);
            return (
              <List.Item key={change.itemId}>
                <Badge variant="outline" mr={4}>
                  {change.change}
                </Badge>
                <Text span size="sm" fw={500}>
                  {change.text}
                </Text>
                <List size="sm" withPadding aria-label={heading}>
                  {details.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </List.Item>
            );
          })}
        </List>
      )}
      <Text fw={600}>Charts and tables</Text>
      {diff.artifacts.length === 0 ? (
        <Text size="sm">No chart or table was added, removed or changed.</Text>
      ) : (
        <List size="sm" aria-label="Changed charts and tables">
          {diff.artifacts.map((artifact) => (
            <List.Item key={`${artifact.kind}-${artifact.id}`}>
              <Text span size="sm">
                {describeArtifactChange(artifact)}
              </Text>
              <Text size="xs" c="dimmed">
                {artifact.paths.length === 1 ? 'File: ' : 'Files: '}
                {artifact.paths.map((path) => (
                  <Code key={path} mr={4}>
                    {path}
                  </Code>
                ))}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
