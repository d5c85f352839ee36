import { escapeFormula, quoteField } from '../table';
import type { ClientMetrics } from './metrics';

/** The billable summary as RFC 4180 CSV; client names are escaped so a spreadsheet never runs them. */
export function billableCsv(clients: readonly ClientMetrics[]): string {
  const text = (value: string): string => quoteField(escapeFormula(value));
  const number = (value: number): string => (Math.round(value * 100) / 100).toFixed(2);
  const lines = [['client', 'tasks', 'estimated_hours', 'logged_hours', 'rate', 'billable'].join(',')];
  for (const client of clients) {
    lines.push(
      [
        text(client.client),
        String(client.tasks),
        number(client.estimatedHours),
        number(client.loggedHours),
        number(client.rate),
        number(client.billable),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
