/**
 * A bag in memory: relative path (always `/`-separated, relative to the bag's base directory) → bytes.
 * The same shape serves zip contents and directories read by the CLI, so one validator covers both.
 */
export type BagFiles = ReadonlyMap<string, Uint8Array>;

export type FindingSeverity = 'error' | 'warning';

/** One problem with a bag, precise enough to show a user which file and which rule failed. */
export interface Finding {
  severity: FindingSeverity;
  /** The file the finding is about (a payload file for fixity failures, else the tag file). */
  file: string;
  /** Where the rule comes from, e.g. `RFC8493 §2.1.1`, or `KPO` for rules of our own profile. */
  rule: string;
  /** Stable machine-readable identifier; UI and tests match on this, never on the message. */
  code: string;
  message: string;
}

export interface BagValidationResult {
  /** True when there is no finding of severity `error`; warnings never make a bag invalid. */
  valid: boolean;
  findings: Finding[];
}
