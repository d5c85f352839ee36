/** An audit event as far as deliveries are concerned. */
interface LoggedEvent {
  type: string;
  data: Record<string, unknown>;
}

/** What a task's log says was delivered to the client. */
export interface Delivery {
  packageId: string;
  version?: number;
  /** The digest the analyst and reviewer signed, when the log records it. */
  contentDigest?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The latest delivery in a task's log: the move to delivered names the deliverable package (as
 * `packageId` where it was exported, as `via` where it was received) and the approval before it the
 * digest that was signed.
 */
export function lastDelivery(events: readonly LoggedEvent[]): Delivery | undefined {
  let approvedDigest: string | undefined;
  let delivery: Delivery | undefined;
  for (const { type, data } of events) {
    if (type !== 'task.state-changed') continue;
    if (data['to'] === 'approved') approvedDigest = text(data['contentDigest']) ?? approvedDigest;
    if (data['to'] !== 'delivered') continue;
    const packageId = text(data['packageId']) ?? text(data['via']);
    if (packageId === undefined) continue;
    const version = data['version'];
    const contentDigest = text(data['contentDigest']) ?? approvedDigest;
    delivery = {
      packageId,
      ...(typeof version === 'number' ? { version } : {}),
      ...(contentDigest === undefined ? {} : { contentDigest }),
    };
  }
  return delivery;
}

/** Why a client's decision is not about `delivery`; empty when it is. */
export function acceptanceMismatches(
  acceptance: { deliverablePackageId: string; signoff: { contentDigest: string } },
  delivery: Delivery,
): string[] {
  const reasons: string[] = [];
  const short = (digest: string): string => `${digest.slice(0, 12)}…`;
  if (acceptance.deliverablePackageId !== delivery.packageId) {
    reasons.push(
      `the decision is about deliverable package ${acceptance.deliverablePackageId}, but the task was delivered as package ${delivery.packageId}`,
    );
  }
  if (delivery.contentDigest !== undefined && acceptance.signoff.contentDigest !== delivery.contentDigest) {
    const which =
      delivery.version === undefined ? 'the delivered content' : `version ${String(delivery.version)}`;
    reasons.push(
      `the client signed off content ${short(acceptance.signoff.contentDigest)}, but ${which} has digest ${short(delivery.contentDigest)}`,
    );
  }
  return reasons;
}
