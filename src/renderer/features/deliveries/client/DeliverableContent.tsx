import { Badge, Button, Group, List, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkAuditChain } from '@core/package';
import { describeReviewTarget, reviewHistory, reviewTargetNames } from '@core/review';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import ReactMarkdown from 'react-markdown';
import { platform } from '../../../platform';
import { AuditTimeline } from '../../audit/AuditTimeline';
import { loadKeyNames } from '../../audit/key-names';
import { errorMessage } from '../../common/error-message';
import { ReviewHistoryView } from '../../review/ReviewHistoryView';
import { ReportActions } from '../../submission/ReportActions';
import { DeliveredTime } from './DeliveredTime';
import { ChartImage } from './ChartImage';
import { CsvTable } from './CsvTable';
import type { DeliverableView } from './deliverable-view';

async function saveAttachment(fileName: string, bytes: Uint8Array | undefined): Promise<void> {
  if (!bytes) return;
  try {
    await platform.saveFile({ suggestedName: fileName, data: bytes });
  } catch (caught) {
    notifications.show({ color: 'red', title: `Could not save ${fileName}`, message: errorMessage(caught) });
  }
}

/** The read-only deliverable: everything the client receives, each part in its own tab. */
export function DeliverableContent({
  deliverable,
  unknownSigner,
}: {
  deliverable: DeliverableView;
  unknownSigner: boolean;
}) {
  const verdictFor = (itemId: string) => deliverable.verdicts.filter((v) => v.itemId === itemId).at(-1);
  const names = useLiveQuery(async () => loadKeyNames(deliverable.people), [deliverable]);
  const nameOf = (keyId: string) => names?.get(keyId) ?? `key ${keyId}`;
  const targetNames = useMemo(() => reviewTargetNames([deliverable]), [deliverable]);
  const describe = (target: string) => describeReviewTarget(target, targetNames);
  const rounds = useMemo(
    () =>
      reviewHistory({
        comments: deliverable.reviewComments,
        verdicts: deliverable.verdicts,
        events: deliverable.events,
      }),
    [deliverable],
  );
  const chainProblems = useMemo(() => checkAuditChain(deliverable.events), [deliverable]);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>
          {deliverable.title}{' '}
          {unknownSigner && (
            <Badge color="yellow.4" autoContrast variant="filled" data-testid="unknown-signer-mark">
              Unknown signer
            </Badge>
          )}
        </Title>
        <ReportActions
          html={deliverable.reportHtml}
          fileStem={deliverable.title.replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'report'}
          {...(deliverable.reportInput ? { input: deliverable.reportInput } : {})}
          {...(deliverable.reportPdf ? { pdf: deliverable.reportPdf } : {})}
        />
      </Group>
      <Tabs defaultValue="report" keepMounted={false}>
        <Tabs.List aria-label="Deliverable parts">
          <Tabs.Tab value="report">Report</Tabs.Tab>
          <Tabs.Tab value="answers">Answers</Tabs.Tab>
          <Tabs.Tab value="charts">Charts ({deliverable.charts.length})</Tabs.Tab>
          <Tabs.Tab value="tables">Tables ({deliverable.tables.length})</Tabs.Tab>
          <Tabs.Tab value="sources">Sources</Tabs.Tab>
          <Tabs.Tab value="qc">QC checklist</Tabs.Tab>
          <Tabs.Tab value="review">Review history</Tabs.Tab>
          <Tabs.Tab value="time">Time</Tabs.Tab>
          <Tabs.Tab value="audit">Audit timeline</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="report" pt="md">
          {deliverable.reportHtml.trim() !== '' ? (
            <iframe
              title="Report"
              sandbox=""
              srcDoc={deliverable.reportHtml}
              style={{
                width: '100%',
                height: '60vh',
                border: '1px solid var(--mantine-color-default-border)',
                background: 'white',
              }}
            />
          ) : (
            <article aria-label="Report">
              <ReactMarkdown>{deliverable.reportMarkdown}</ReactMarkdown>
            </article>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="answers" pt="md">
          <Stack>
            {deliverable.questions.map((question) => (
              <section key={question.number} aria-label={`Question ${String(question.number)}`}>
                <Text fw={600}>
                  {question.number}. {question.text}
                </Text>
                <ReactMarkdown>
                  {deliverable.answers.get(question.number) ?? '_No answer delivered._'}
                </ReactMarkdown>
              </section>
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="charts" pt="md">
          <Stack>
            {deliverable.charts.length === 0 && <Text c="dimmed">No charts were delivered.</Text>}
            {deliverable.charts.map((chart) => (
              <ChartImage key={chart.id} png={chart.png} caption={chart.caption} />
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tables" pt="md">
          <Stack>
            {deliverable.tables.length === 0 && <Text c="dimmed">No tables were delivered.</Text>}
            {deliverable.tables.map((table, index) => {
              const name = table.name.trim() || `Table ${String(index + 1)}`;
              return (
                <section key={table.id} aria-label={`Table "${name}"`}>
                  <CsvTable name={name} csv={table.csv} />
                </section>
              );
            })}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="sources" pt="md">
          {deliverable.sources.length === 0 ? (
            <Text c="dimmed">No sources were listed.</Text>
          ) : (
            <List>
              {deliverable.sources.map((source) => (
                <List.Item key={source.id}>
                  {source.title}
                  {source.author ? `, ${source.author}` : ''}
                  {source.url ? ` (${source.url})` : ''}
                  {source.accessed ? `, accessed ${source.accessed}` : ''}
                  {source.attachment && source.attachmentBytes && (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      ml="xs"
                      onClick={() => {
                        void saveAttachment(
                          source.attachment?.fileName ?? 'attachment',
                          source.attachmentBytes,
                        );
                      }}
                    >
                      Save {source.attachment.fileName}
                    </Button>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="qc" pt="md">
          <Table withTableBorder striped aria-label="QC checklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>Severity</Table.Th>
                <Table.Th>Analyst result</Table.Th>
                <Table.Th>Reviewer verdict</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(deliverable.checklist?.items ?? []).map((item) => {
                const verdict = verdictFor(item.id);
                return (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.text}</Table.Td>
                    <Table.Td>{item.severity}</Table.Td>
                    <Table.Td>
                      {item.result}
                      {item.comment ? `: ${item.comment}` : ''}
                    </Table.Td>
                    <Table.Td>
                      {verdict ? `${verdict.verdict}${verdict.comment ? `: ${verdict.comment}` : ''}` : '—'}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          <ReviewHistoryView
            rounds={rounds}
            words={{ describe, nameOf: (keyId) => names?.get(keyId) }}
            label="Review history"
          />
        </Tabs.Panel>
        <Tabs.Panel value="time" pt="md">
          <DeliveredTime time={deliverable.time} estimateHours={deliverable.estimateHours} nameOf={nameOf} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditTimeline
            events={deliverable.events}
            problems={chainProblems}
            names={names ?? new Map()}
            describeTarget={describe}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
