import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReportInput } from '@core/deliverable';
import { useCallback, useState } from 'react';
import { platform } from '../../platform';
import { errorMessage } from '../common/error-message';
import { PrintableReport } from './PrintableReport';

const encoder = new TextEncoder();

/** Save the report as HTML, and as PDF: bytes where the platform renders them, else the print dialog. */
export function ReportActions(props: {
  html: string;
  fileStem: string;
  input?: ReportInput;
  pdf?: Uint8Array;
}) {
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState(false);
  const save = async (data: Uint8Array, extension: 'html' | 'pdf') => {
    const outcome = await platform.saveFile({
      suggestedName: `${props.fileStem}.${extension}`,
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      data,
    });
    if (outcome.saved) notifications.show({ color: 'green', message: `Saved ${outcome.fileName}.` });
  };
  const run = (action: () => Promise<void>, what: string) => {
    setBusy(true);
    action()
      .catch((caught: unknown) => {
        notifications.show({
          color: 'red',
          title: `Could not save the report as ${what}`,
          message: errorMessage(caught),
        });
      })
      .finally(() => {
        setBusy(false);
      });
  };
  const savePdf = async () => {
    const pdf = props.pdf ?? (await platform.renderPdf(props.html));
    if (pdf) await save(pdf, 'pdf');
    else if (props.input) setPrinting(true);
    else throw new Error('this computer cannot make a PDF here; save the HTML and print it from a browser');
  };
  const donePrinting = useCallback((error?: string) => {
    setPrinting(false);
    if (error) notifications.show({ color: 'red', title: 'Could not print the report', message: error });
  }, []);
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        loading={busy}
        onClick={() => {
          run(async () => save(encoder.encode(props.html), 'html'), 'HTML');
        }}
      >
        Save report as HTML
      </Button>
      <Button
        variant="default"
        size="xs"
        loading={busy}
        onClick={() => {
          run(savePdf, 'PDF');
        }}
      >
        {platform.kind === 'browser' && !props.pdf ? 'Print / Save as PDF' : 'Save report as PDF'}
      </Button>
      {printing && props.input ? (
        <PrintableReport input={props.input} suggestedName={`${props.fileStem}.pdf`} onDone={donePrinting} />
      ) : null}
    </Group>
  );
}
