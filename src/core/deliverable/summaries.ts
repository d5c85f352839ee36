import type { Checklist, TimeEntries } from '../package';

export interface QcSummary {
  total: number;
  pass: number;
  fail: number;
  notApplicable: number;
  open: number;
  /** Failing critical items that leave with a written justification. */
  justified: number;
}

export function qcSummary(checklist: Checklist): QcSummary {
  const summary: QcSummary = { total: 0, pass: 0, fail: 0, notApplicable: 0, open: 0, justified: 0 };
  for (const item of checklist.items) {
    summary.total += 1;
    if (item.result === 'pass') summary.pass += 1;
    else if (item.result === 'fail') summary.fail += 1;
    else if (item.result === 'not-applicable') summary.notApplicable += 1;
    else summary.open += 1;
    if (item.result === 'fail' && item.severity === 'critical' && (item.justification ?? '').trim() !== '')
      summary.justified += 1;
  }
  return summary;
}

export interface TimeSummary {
  totalMinutes: number;
  estimateMinutes: number;
  /** Minutes per day (YYYY-MM-DD), days in order. */
  perDay: { date: string; minutes: number }[];
  /** Minutes per person (key id), most first. */
  perPerson: { person: string; minutes: number }[];
  /** Logged minus estimated: positive when over the estimate. */
  overEstimateMinutes: number;
}

export function timeSummary(entries: TimeEntries, estimateHours: number): TimeSummary {
  const perDay = new Map<string, number>();
  const perPerson = new Map<string, number>();
  let totalMinutes = 0;
  for (const entry of entries.entries) {
    totalMinutes += entry.minutes;
    perDay.set(entry.date, (perDay.get(entry.date) ?? 0) + entry.minutes);
    perPerson.set(entry.person, (perPerson.get(entry.person) ?? 0) + entry.minutes);
  }
  const estimateMinutes = Math.round(estimateHours * 60);
  return {
    totalMinutes,
    estimateMinutes,
    perDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, minutes]) => ({ date, minutes })),
    perPerson: [...perPerson]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([person, minutes]) => ({ person, minutes })),
    overEstimateMinutes: totalMinutes - estimateMinutes,
  };
}

export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours > 0 ? `${hours} h ${String(rest).padStart(2, '0')} min` : `${rest} min`;
}
