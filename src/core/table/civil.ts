/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after
 * Howard Hinnant's algorithms. Pure integer maths: bucketing a million timestamps by month
 * must not allocate a Date per row.
 */

export const MS_PER_DAY = 86_400_000;

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const packed = packedCivilFromDays(days);
  return { year: Math.floor(packed / 10000), month: Math.floor(packed / 100) % 100, day: packed % 100 };
}

/** year * 10000 + month * 100 + day, so hot loops need not allocate a tuple per call. */
export function packedCivilFromDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  // Years before 0 would break the packing; they are out of the range we parse anyway.
  return year * 10000 + month * 100 + day;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Start (epoch ms) of the year/month/day bucket holding `ms`. */
export function bucketStart(ms: number, bucket: 'year' | 'month' | 'day'): number {
  const days = Math.floor(ms / MS_PER_DAY);
  if (bucket === 'day') return days * MS_PER_DAY;
  const packed = packedCivilFromDays(days);
  const year = Math.floor(packed / 10000);
  const month = bucket === 'year' ? 1 : Math.floor(packed / 100) % 100;
  return daysFromCivil(year, month, 1) * MS_PER_DAY;
}
