import { describe, expect, it } from 'vitest';
import { timeSummary } from './summaries';

const entry = (id: string, person: string, date: string, minutes: number) => ({
  id,
  person,
  date,
  minutes,
  activity: 'analysis',
});

describe('timeSummary', () => {
  it('totals per day and per person and compares the total with the estimate', () => {
    const summary = timeSummary(
      {
        entries: [
          entry('1', 'BBBBBBBBBBBBBBBB', '2025-03-03', 30),
          entry('2', 'AAAAAAAAAAAAAAAA', '2025-03-02', 90),
          entry('3', 'BBBBBBBBBBBBBBBB', '2025-03-02', 45),
        ],
      },
      2.5,
    );
    expect(summary).toEqual({
      totalMinutes: 165,
      estimateMinutes: 150,
      overEstimateMinutes: 15,
      perDay: [
        { date: '2025-03-02', minutes: 135 },
        { date: '2025-03-03', minutes: 30 },
      ],
      perPerson: [
        { person: 'AAAAAAAAAAAAAAAA', minutes: 90 },
        { person: 'BBBBBBBBBBBBBBBB', minutes: 75 },
      ],
    });
  });

  it('is under the estimate, by a negative amount, with nothing logged', () => {
    expect(timeSummary({ entries: [] }, 1)).toMatchObject({ totalMinutes: 0, overEstimateMinutes: -60 });
  });
});
