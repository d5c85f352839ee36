import { Alert, Stack } from '@mantine/core';
import { REPORT_HTML_PATH, REPORT_PDF_PATH } from '@core/deliverable';
import { STATE_LABELS } from '@core/workflow';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositories } from '../../db';
import type { TaskRecord } from '../../db';
import { ReportActions } from './ReportActions';

const decoder = new TextDecoder();

/** A task past in-progress: its latest frozen version, read-only. */
export function FrozenVersion({ task }: { task: TaskRecord }) {
  const record = useLiveQuery(
    async () => (await repositories.submissions.get(task.id, task.version)) ?? null,
    [task.id, task.version],
  );
  const html = record?.files[REPORT_HTML_PATH];
  const pdf = record?.files[REPORT_PDF_PATH];
  return (
    <Stack gap="sm">
      <Alert color="blue" title={`Version ${task.version}: ${STATE_LABELS[task.state].toLowerCase()}`}>
        Submitted work is read-only until a review sends it back.
      </Alert>
      {html ? (
        <>
          <ReportActions
            html={decoder.decode(html)}
            fileStem={`${task.title}-v${task.version}-report`}
            {...(pdf ? { pdf } : {})}
          />
          <iframe
            className="kpo-report-preview"
            title={`Report of version ${task.version}`}
            sandbox=""
            srcDoc={decoder.decode(html)}
          />
        </>
      ) : null}
    </Stack>
  );
}
