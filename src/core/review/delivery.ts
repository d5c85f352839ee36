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

/** A move in a task's log, with who made it and when. */
export interface LoggedMove {
  at: string;
  /** Key id of who made the move (a received move is its sender's). */
  actor: string;
  /** The sender's own name for themselves, when the move arrived in their package. */
  senderName?: string;
  version?: number;
}

export interface DeliveryHistory {
  /** The latest move to delivered, with the deliverable package it names. */
  delivered?: LoggedMove & { packageId?: string };
  /** The client's decision after that delivery, as the log recorded it. */
  decision?: LoggedMove & { decision: 'accepted' | 'rejected'; comments: string; signer?: string };
}

/**
 * When a task was delivered and by whom, and the client's decision, from its audit log alone: what
 * a provider who never held the deliverable (the coordinator) can still say about its delivery.
 */
export function deliveryHistory(
  events: readonly (LoggedEvent & { at: string; actor: string })[],
): DeliveryHistory {
  const history: DeliveryHistory = {};
  for (const { type, at, actor, data } of events) {
    if (type !== 'task.state-changed') continue;
    const to = data['to'];
    const version = typeof data['version'] === 'number' ? data['version'] : undefined;
    const senderName = text(data['senderName']);
    const move: LoggedMove = {
      at,
      actor,
      ...(senderName === undefined ? {} : { senderName }),
      ...(version === undefined ? {} : { version }),
    };
    if (to === 'delivered') {
      const packageId = text(data['packageId']) ?? text(data['via']);
      history.delivered = { ...move, ...(packageId === undefined ? {} : { packageId }) };
      delete history.decision;
    } else if (to === 'accepted' || to === 'rejected') {
      const signer = text(data['signer']);
      history.decision = {
        ...move,
        decision: to,
        comments: text(data['comments']) ?? '',
        ...(signer === undefined ? {} : { signer }),
      };
    }
  }
  return history;
}
