import type { NamedParts, ReviewTargetNames } from '@core/review';
import { reviewTargetNames } from '@core/review';
import type { SubmissionRecord } from '../../db';
import { deliverableView } from '../deliveries/client/deliverable-view';
import { submissionBagFiles } from './submission-files';

/**
 * The names of what comments can be about, across every stored version: a thread on a chart that
 * v2 dropped is still named by its v1 title. A version that does not read names nothing.
 */
export function submissionTargetNames(submissions: readonly SubmissionRecord[]): ReviewTargetNames {
  const versions: NamedParts[] = [];
  for (const submission of submissions) {
    try {
      versions.push(deliverableView(submissionBagFiles(submission)));
    } catch {
      // Unreadable versions are reported where they are shown; here they only lack names.
    }
  }
  return reviewTargetNames(versions);
}
