import { FOUR_EYES_RULE } from '../package';

interface NamedPerson {
  name: string;
  keyId: string;
}

export type ReviewerStanding = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether the holder of `ownKeyId` may decide on a task's submission: only the reviewer the task
 * names, and never the analyst who did the work, even when the task names them for both.
 */
export function reviewerStanding(
  people: { analyst?: NamedPerson | undefined; reviewer?: NamedPerson | undefined },
  ownKeyId: string | undefined,
): ReviewerStanding {
  if (ownKeyId === undefined) {
    return { allowed: false, reason: 'Create your profile and signing key in Settings before reviewing.' };
  }
  const own = ownKeyId.toUpperCase();
  if (people.analyst?.keyId.toUpperCase() === own) {
    return {
      allowed: false,
      reason: `You are this task's analyst (key ${own}): your own work must be reviewed by someone else (${FOUR_EYES_RULE}).`,
    };
  }
  if (!people.reviewer) {
    return { allowed: false, reason: 'This task names no reviewer, so nobody can decide on it here.' };
  }
  if (people.reviewer.keyId.toUpperCase() !== own) {
    return {
      allowed: false,
      reason: `This task names ${people.reviewer.name} (key ${people.reviewer.keyId}) as its reviewer, and your key is ${own}: only the named reviewer can comment, approve or request changes.`,
    };
  }
  return { allowed: true };
}
