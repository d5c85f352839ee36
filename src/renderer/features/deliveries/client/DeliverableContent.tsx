import { Anchor, Badge, Button, Group, List, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { checkAuditChain } from '@core/package';
import { describeReviewTarget, reviewHistory, reviewTargetNames } from '@core/review';
import { useLiveQuery } from 'dexie-react-hooks';
import { AUTOMATIC_CHECK_LABELS, isAutomaticCheckId } from '@core/workflow';
import { useEffect, useMemo, useRef, useState } from 'react';
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
import type { DeliverablePart, DeliverableView, EvidenceLink } from './deliverable-view';
import { evidenceAnchor, evidenceLabel, qcEvidence, verdictsOf } from './deliverable-view';

async function saveAttachment(fileName: string, bytes: Uint8Array | undefined): Promise<void> {
  if (!bytes) return;
  try {
    await platform.saveFile({ suggestedName: fileName, data: bytes });
  } catch (caught) {
    notifications.show({ color: 'red', title: `Could not save ${fileName}`, message: errorMessage(caught) });
  }
}

/** A named reference to a chart, table, finding or source that opens it where the deliverable shows it. */
function EvidenceReference({
  link,
  onOpen,
}: {
  link: EvidenceLink;
  onOpen: (target: NonNullable<EvidenceLink['target']>) => void;
}) {
  const label = evidenceLabel(link);
  if (!link.target) return <Text span>{label}</Text>;
  const { target } = link;
  return (
    <Anchor
      component="button"
      type="button"
      onClick={() => {
        onOpen(target);
      }}
    >
      {label}
    </Anchor>
  );
}

/** A list of references and free-text evidence, comma separated. */
function EvidenceList({
  items,
  onOpen,
}: {
  items: readonly (EvidenceLink | string)[];
  onOpen: (target: NonNullable<EvidenceLink['target']>) => void;
}) {
  return (
    <>
      {items.map((item, index) => (
        <span key={typeof item === 'string' ? `text-${item}` : `${item.kind}-${item.id}`}>
          {index > 0 && ', '}
          {typeof item === 'string' ? item : <EvidenceReference link={item} onOpen={onOpen} />}
        </span>
      ))}
    </>
  );
}

const RESULT_WORDS: Readonly<Record<string, string>> = {
  open: 'open',
  pass: 'pass',
  fail: 'fail',
  'not-applicable': 'not applicable',
};

/** The read-only deliverable: everything the client receives, each part in its own tab. */
export function DeliverableContent({
  deliverable,
  unknownSigner,
}: {
  deliverable: DeliverableView;
  unknownSigner: boolean;
}) {
  // The verdicts on the delivered version; earlier rounds' are in the review history.
  const verdictFor = (itemId: string) =>
    verdictsOf(deliverable, deliverable.version)
      .filter((v) => v.itemId === itemId)
      .at(-1);
  const [part, setPart] = useState<string>('report');
  // A reference asks for an element; the request counter re-runs the effect on every click.
  const pendingAnchor = useRef<string | undefined>(undefined);
  const [request, setRequest] = useState(0);
  const open = (target: NonNullable<EvidenceLink['target']>) => {
    pendingAnchor.current = target.anchor;
    setPart(target.part satisfies DeliverablePart);
    setRequest((n) => n + 1);
  };
  // Once the part is on screen, bring the referenced element into view and move focus to it.
  useEffect(() => {
    const anchor = pendingAnchor.current;
    pendingAnchor.current = undefined;
    if (anchor === undefined) return;
    const element = document.getElementById(anchor);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [part, request]);
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
      <Tabs
        value={part}
        onChange={(value) => {
          setPart(value ?? 'report');
        }}
        keepMounted={false}
      >
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
                {(deliverable.answerEvidence.get(question.number) ?? []).length > 0 && (
                  <Text size="sm" data-testid="answer-evidence">
                    Evidence:{' '}
                    <EvidenceList
                      items={deliverable.answerEvidence.get(question.number) ?? []}
                      onOpen={open}
                    />
                  </Text>
                )}
              </section>
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="charts" pt="md">
          <Stack>
            {deliverable.charts.length === 0 && <Text c="dimmed">No charts were delivered.</Text>}
            {deliverable.charts.map((chart) => (
              <div key={chart.id} id={evidenceAnchor('chart', chart.id)} tabIndex={-1}>
                <ChartImage png={chart.png} caption={chart.caption} />
              </div>
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tables" pt="md">
          <Stack>
            {deliverable.tables.length === 0 && <Text c="dimmed">No tables were delivered.</Text>}
            {deliverable.tables.map((table, index) => {
              const name = table.name.trim() || `Table ${String(index + 1)}`;
              return (
                <section
                  key={table.id}
                  aria-label={`Table "${name}"`}
                  id={evidenceAnchor('table', table.id)}
                  tabIndex={-1}
                >
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
                <List.Item key={source.id} id={evidenceAnchor('source', source.id)} tabIndex={-1}>
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
                  {source.notes.trim() !== '' && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="source-notes">
                      {source.notes}
                    </Text>
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
                      <Stack gap={2}>
                        <Text size="sm">
                          {RESULT_WORDS[item.result] ?? item.result}
                          {item.comment ? `: ${item.comment}` : ''}
                        </Text>
                        {item.automaticCheck && (
                          <Text size="sm">
                            Checked by the app (
                            {isAutomaticCheckId(item.automaticCheck)
                              ? AUTOMATIC_CHECK_LABELS[item.automaticCheck].toLowerCase()
                              : item.automaticCheck}
                            )
                            {item.automaticReasons === undefined
                              ? ''
                              : item.automaticReasons.length === 0
                                ? ': nothing missing.'
                                : ':'}
                          </Text>
                        )}
                        {(item.automaticReasons ?? []).length > 0 && (
                          <List size="sm" aria-label={`Why item "${item.text}" fails its automatic check`}>
                            {(item.automaticReasons ?? []).map((reason) => (
                              <List.Item key={reason}>{reason}</List.Item>
                            ))}
                          </List>
                        )}
                        {item.justification && (
                          <Text size="sm">
                            <strong>Justification:</strong> {item.justification}
                          </Text>
                        )}
                        {(item.evidence ?? []).length > 0 && (
                          <Text size="sm">
                            <strong>Evidence:</strong>{' '}
                            <EvidenceList
                              items={(item.evidence ?? []).map((entry) => qcEvidence(deliverable, entry))}
                              onOpen={open}
                            />
                          </Text>
                        )}
                      </Stack>
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
