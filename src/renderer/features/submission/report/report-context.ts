import type { ReportInput } from '@core/deliverable';
import { createContext } from 'react';

/** What kpo: references in the report's Markdown resolve to. */
export interface ReportReferences {
  charts: ReadonlyMap<string, { number: number; chart: ReportInput['charts'][number] }>;
  tables: ReadonlyMap<string, { number: number; table: ReportInput['tables'][number] }>;
  sources: ReadonlyMap<string, { number: number; source: ReportInput['sources'][number] }>;
}

export function buildReferences(input: ReportInput): ReportReferences {
  return {
    charts: new Map(input.charts.map((chart, index) => [chart.id, { number: index + 1, chart }])),
    tables: new Map(input.tables.map((table, index) => [table.id, { number: index + 1, table }])),
    sources: new Map(input.sources.map((source, index) => [source.id, { number: index + 1, source }])),
  };
}

export const ReportReferencesContext = createContext<ReportReferences>({
  charts: new Map(),
  tables: new Map(),
  sources: new Map(),
});
