import type { ReportInput } from '@core/deliverable';
import Papa from 'papaparse';
import { pngDataUri } from './base64';

/** Rows shown in the report; the whole table is always in the package as CSV. */
export const MAX_REPORT_TABLE_ROWS = 200;

export const anchor = (kind: 'chart' | 'table' | 'source' | 'finding', id: string): string => `${kind}-${id}`;

export function ChartFigure(props: {
  chart: ReportInput['charts'][number];
  number: number;
  withId?: boolean;
}) {
  const { chart, number } = props;
  return (
    <figure className="chart" {...(props.withId ? { id: anchor('chart', chart.id) } : {})}>
      <img src={pngDataUri(chart.png)} alt={`Figure ${number}: ${chart.title}`} />
      <figcaption>
        <strong>
          Figure {number}. {chart.title}
        </strong>
        {chart.caption ? <> {chart.caption}</> : null}
        {chart.sourceNote ? <span className="source-note">Source: {chart.sourceNote}</span> : null}
      </figcaption>
    </figure>
  );
}

export function CsvTable(props: { table: ReportInput['tables'][number]; number: number; withId?: boolean }) {
  const { table, number } = props;
  const parsed = Papa.parse<string[]>(table.csv, { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  const shown = rows.slice(0, MAX_REPORT_TABLE_ROWS);
  return (
    <div className="table" {...(props.withId ? { id: anchor('table', table.id) } : {})}>
      <table>
        <caption>
          Table {number}. {table.name}
        </caption>
        <thead>
          <tr>
            {header.map((cell, index) => (
              <th key={index} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length ? (
        <p className="note">
          First {shown.length} of {rows.length} rows; the whole table is in tables/{table.id}.csv.
        </p>
      ) : null}
    </div>
  );
}
