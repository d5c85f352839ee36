/** One audit event as far as a change request is concerned. */
export interface ChangeRequestEvent {
  at: string;
  type: string;
  data: Record<string, unknown>;
}

export interface ChangeRequest {
  reason: string;
  at: string;
}

/**
 * The reviewer's latest "changes requested" reason from a task's audit log, while it is still
 * outstanding: once the analyst submits again, the request has been answered and is not shown.
 */
export function outstandingChangeRequest(events: readonly ChangeRequestEvent[]): ChangeRequest | undefined {
  let request: ChangeRequest | undefined;
  for (const event of events) {
    const { data } = event;
    if (data.to === 'submitted') request = undefined;
    const isRequest =
      data.to === 'changes_requested' || (event.type === 'package.received' && data.kind === 'review');
    if (isRequest && typeof data.reason === 'string' && data.reason.trim() !== '')
      request = { reason: data.reason, at: event.at };
  }
  return request;
}
