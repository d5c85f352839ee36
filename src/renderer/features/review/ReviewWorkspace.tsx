import { Alert, Grid, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import ReactMarkdown from 'react-markdown';
import {
  capitalise,
  checkApproval,
  deliverableFilesOf,
  describeReviewTarget,
  diffVersions,
  reviewerStanding,
  reviewThreads,
  threadsElsewhere,
} from '@core/review';
import { STATE_LABELS } from '@core/workflow';
import { repositories } from '../../db';
import { errorMessage } from '../common/error-message';
import { ChartImage } from '../deliveries/client/ChartImage';
import { CsvTable } from '../deliveries/client/CsvTable';
import { deliverableView } from '../deliveries/client/deliverable-view';
import { ReviewCommentsFor } from './CommentThreads';
import { ThreadsElsewhere } from './ThreadsElsewhere';
import { submissionTargetNames } from './target-names';
import { QcVerdictRow } from './QcVerdictRow';
import { ReportSectionMarkdown } from './ReportSectionMarkdown';
import { ReviewDecisionBar } from './ReviewDecisionBar';
import { reportSections, submissionBagFiles, submissionChecklist } from './submission-files';
import { VersionDiffView } from './VersionDiffView';

/** One submission under review: the deliverable beside its QC checklist, comments everywhere. */
export function ReviewWorkspace({ taskId }: { taskId: string }) {
  const data = useLiveQuery(async () => {
    const task = await repositories.tasks.get(taskId);
    const submissions = await repositories.review.submissions(taskId);
    const latest = submissions.at(-1);
    const [comments, verdicts, profile] = await Promise.all([
      repositories.review.comments(taskId),
      latest ? repositories.review.verdicts(taskId, latest.version) : Promise.resolve([]),
      repositories.identity.getProfile(),
    ]);
    return { task, submissions, comments, verdicts, ownKeyId: profile?.keyId };
  }, [taskId]);
  const [since, setSince] = useState<string | null>(null);
  const latest = data?.submissions.at(-1);
  const read = useMemo(() => {
    if (!latest) return null;
    try {
      return {
        deliverable: deliverableView(submissionBagFiles(latest)),
        checklist: submissionChecklist(latest),
      };
    } catch (caught) {
      return { error: errorMessage(caught) };
    }
  }, [latest]);
  const names = useMemo(() => submissionTargetNames(data?.submissions ?? []), [data?.submissions]);

  if (!data) return null;
  const { task, submissions, comments, verdicts, ownKeyId } = data;
  if (!task || !latest || !read) {
    return (
      <Alert color="red" role="alert" title="Nothing to review">
        No submission of task {taskId} is stored here.
      </Alert>
    );
  }
  if ('error' in read) {
    return (
      <Alert color="red" role="alert" title={`Version ${String(latest.version)} could not be read`}>
        {read.error}
      </Alert>
    );
  }
  const { deliverable, checklist } = read;
  const earlier = submissions.filter((s) => s.version < latest.version);
  const sinceVersion = since === null ? earlier.at(-1) : earlier.find((s) => String(s.version) === since);
  const diff = sinceVersion
    ? diffVersions(
        {
          files: deliverableFilesOf(Object.entries(sinceVersion.files)),
          checklist: submissionChecklist(sinceVersion),
        },
        { files: deliverableFilesOf(Object.entries(latest.files)), checklist },
      )
    : null;
  const describe = (target: string) => describeReviewTarget(target, names);
  const sections = reportSections(deliverable.reportMarkdown);
  const shownTargets = new Set([
    ...sections.map((section) => section.target),
    ...deliverable.questions.map((question) => `answer:${String(question.number)}`),
    ...deliverable.charts.map((chart) => `chart:${chart.id}`),
    ...deliverable.tables.map((table) => `table:${table.id}`),
    ...(checklist?.items ?? []).map((item) => `qc:${item.id}`),
  ]);
  const elsewhere = threadsElsewhere(reviewThreads(comments), shownTargets);
  const gate = checkApproval({
    checklist: task.checklist,
    verdicts,
    comments,
    describeTarget: describe,
    shownTargets,
  });
  const version = latest.version;
  const standing = reviewerStanding(task, ownKeyId);
  // Comments and verdicts only while this version waits for the named reviewer's decision.
  const editable = standing.allowed && task.state === 'submitted' && version === task.version;

  return (
    <Stack>
      <Title order={2}>
        {task.title}: version {version}
      </Title>
      <Text size="sm">
        Submitted by {latest.submittedBy.name} on {new Date(latest.submittedAt).toLocaleString()}.
      </Text>
      {standing.allowed && task.state !== 'submitted' && (
        <Alert color="blue" title={`Review closed: ${STATE_LABELS[task.state].toLowerCase()}`}>
          The decision on this task was made. Comments and verdicts are shown as they were sent.
        </Alert>
      )}
      {earlier.length > 0 && (
        <Stack gap="xs">
          <Select
            label="Compare with version"
            w={220}
            allowDeselect={false}
            data={earlier.map((s) => ({ value: String(s.version), label: `Version ${String(s.version)}` }))}
            value={sinceVersion ? String(sinceVersion.version) : null}
            onChange={setSince}
          />
          {diff && sinceVersion && <VersionDiffView diff={diff} from={sinceVersion.version} to={version} />}
        </Stack>
      )}
      {elsewhere.length > 0 && (
        <ThreadsElsewhere taskId={taskId} threads={elsewhere} describe={describe} version={version} />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Tabs defaultValue="report" keepMounted={false}>
            <Tabs.List aria-label="Deliverable under review">
              <Tabs.Tab value="report">Report</Tabs.Tab>
              <Tabs.Tab value="answers">Answers</Tabs.Tab>
              <Tabs.Tab value="charts">Charts ({deliverable.charts.length})</Tabs.Tab>
              <Tabs.Tab value="tables">Tables ({deliverable.tables.length})</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="report" pt="md">
              <Stack>
                {sections.map((section) => (
                  <section key={section.target} aria-label={capitalise(describe(section.target))}>
                    <ReportSectionMarkdown markdown={section.text} charts={deliverable.charts} />
                    <ReviewCommentsFor
                      taskId={taskId}
                      target={section.target}
                      where={describe(section.target)}
                      editable={editable}
                      version={version}
                    />
                  </section>
                ))}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="answers" pt="md">
              <Stack>
                {deliverable.questions.map((question) => (
                  <section key={question.number} aria-label={`Answer ${String(question.number)}`}>
                    <Text fw={600}>
                      {question.number}. {question.text}
                    </Text>
                    <ReactMarkdown>
                      {deliverable.answers.get(question.number) ?? '_Not answered._'}
                    </ReactMarkdown>
                    <ReviewCommentsFor
                      taskId={taskId}
                      target={`answer:${String(question.number)}`}
                      where={`question ${String(question.number)}`}
                      editable={editable}
                      version={version}
                    />
                  </section>
                ))}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="charts" pt="md">
              <Stack>
                {deliverable.charts.map((chart) => (
                  <section key={chart.id} aria-label={capitalise(describe(`chart:${chart.id}`))}>
                    <ChartImage png={chart.png} caption={chart.caption} />
                    <ReviewCommentsFor
                      taskId={taskId}
                      target={`chart:${chart.id}`}
                      where={describe(`chart:${chart.id}`)}
                      editable={editable}
                      version={version}
                    />
                  </section>
                ))}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="tables" pt="md">
              <Stack>
                {deliverable.tables.map((table) => (
                  <Stack
                    key={table.id}
                    gap="xs"
                    component="section"
                    aria-label={capitalise(describe(`table:${table.id}`))}
                  >
                    <CsvTable name={table.name.trim() || 'Untitled table'} csv={table.csv} />
                    <ReviewCommentsFor
                      taskId={taskId}
                      target={`table:${table.id}`}
                      where={describe(`table:${table.id}`)}
                      editable={editable}
                      version={version}
                    />
                  </Stack>
                ))}
              </Stack>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack component="section" aria-label="QC checklist">
            <Title order={3}>QC checklist</Title>
            {(checklist?.items ?? []).map((item) => (
              <QcVerdictRow
                key={`${item.id}-${String(version)}`}
                taskId={taskId}
                version={version}
                item={item}
                editable={editable}
                {...(verdicts.find((v) => v.itemId === item.id)
                  ? { verdict: verdicts.find((v) => v.itemId === item.id) }
                  : {})}
              />
            ))}
            {!checklist && <Text c="dimmed">This version carries no QC checklist.</Text>}
          </Stack>
        </Grid.Col>
      </Grid>
      <ReviewDecisionBar task={task} submission={latest} gate={gate} standing={standing} />
    </Stack>
  );
}
