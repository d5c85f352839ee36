import type { ReportInput } from '@core/deliverable';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { platform } from '../../platform';
import { errorMessage } from '../common/error-message';
import { ReportDocument } from './report/ReportDocument';
// The print stylesheet travels with the component: the client's view prints reports too.
import './submission.css';

/**
 * Browser mode has no PDF bytes: the report is rendered into the page for the print dialog (the
 * print stylesheet in submission.css hides everything else), printed, and removed again.
 */
export function PrintableReport(props: {
  input: ReportInput;
  suggestedName: string;
  onDone: (error?: string) => void;
}) {
  const { suggestedName, onDone } = props;
  useEffect(() => {
    document.body.classList.add('kpo-printing-report');
    platform.printToPdf({ suggestedName }).then(
      () => {
        document.body.classList.remove('kpo-printing-report');
        onDone();
      },
      (caught: unknown) => {
        document.body.classList.remove('kpo-printing-report');
        onDone(errorMessage(caught));
      },
    );
  }, [suggestedName, onDone]);
  return createPortal(
    <div className="kpo-print-report">
      <ReportDocument input={props.input} />
    </div>,
    document.body,
  );
}
