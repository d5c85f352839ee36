/**
 * Turns a view's result (as the query worker serves it: column names and formatted cells) into what a
 * chart draws. Pure, so the same numbers go to the screen, the PNG and the report's table. It runs in
 * the query worker over every row of the view (the rows are read once, as they stream past), so a
 * histogram counts all values and a line is thinned from all points, never from the first few.
 */
import type { ChartSpec } from './chart-spec';
import { lttbIndices } from './lttb';

/** A view's result as rows of formatted cells (null = missing), header separate. */
export interface ViewTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | null)[])[];
}

/** What a chart is shaped from: like a ViewTable, but the rows may be produced one at a time. */
export interface ChartRows {
  readonly columns: readonly string[];
  readonly rows: Iterable<readonly (string | null)[]>;
}

export interface CategorySeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

export interface PointSeries {
  readonly label: string;
  readonly points: readonly { x: number; y: number }[];
}

export type ChartData =
  | {
      readonly kind: 'category';
      readonly labels: readonly string[];
      readonly series: readonly CategorySeries[];
      /** How many rows were dropped by thinning a long series (0: none). */
      readonly thinnedFrom: number;
    }
  | { readonly kind: 'points'; readonly series: readonly PointSeries[]; readonly thinnedFrom: number };

/** Line, area and scatter series longer than this are thinned with LTTB. */
export const MAX_POINTS_PER_SERIES = 1000;
export const DEFAULT_HISTOGRAM_BINS = 20;
/**
 * Bars and slices are not thinned (dropping one would change what the chart says), so a chart with
 * more than this many is refused with a way forward: past about one bar per pixel of a PNG nothing
 * can be read anyway, and a bar chart of a raw view is almost always meant to be a grouped one.
 */
export const MAX_CATEGORIES = 1000;
/** More series than this cannot be told apart in a legend or by colour; the chart is refused. */
export const MAX_SERIES = 100;

/** The data does not fit the spec (a column is gone or holds no numbers); the message names it. */
export class ChartDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartDataError';
  }
}

function columnIndex(table: ChartRows, name: string, role: string): number {
  const index = table.columns.indexOf(name);
  if (index < 0)
    throw new ChartDataError(`The ${role} column "${name}" is not in the view's result any more.`);
  return index;
}

/** A formatted cell as a number; missing or non-numeric cells are gaps. */
export function cellNumber(cell: string | null | undefined): number | null {
  if (cell === null || cell === undefined || cell.trim() === '') return null;
  const n = Number(cell);
  return Number.isFinite(n) ? n : null;
}

function cellLabel(cell: string | null | undefined): string {
  return cell === null || cell === undefined || cell === '' ? '(missing)' : cell;
}

const count = (n: number) => n.toLocaleString('en-US');

export function shapeChartData(spec: ChartSpec, table: ChartRows): ChartData {
  if (spec.type === 'histogram') return histogram(spec, table);
  const data = spec.type === 'scatter' ? scatter(spec, table) : category(spec, table);
  if (data.series.length > MAX_SERIES)
    throw new ChartDataError(
      `Split by "${spec.series ?? ''}", the chart has ${count(data.series.length)} series; at most ${MAX_SERIES} can be told apart. Filter the view or split by a column with fewer values.`,
    );
  if (data.kind === 'points') return data;
  if (spec.type === 'line' || spec.type === 'area')
    return data.labels.length > MAX_POINTS_PER_SERIES ? thinCategory(data) : data;
  if (data.labels.length > MAX_CATEGORIES) {
    const what = spec.type === 'pie' || spec.type === 'doughnut' ? 'slices' : 'bars';
    throw new ChartDataError(
      `The view gives ${count(data.labels.length)} ${what} (one per ${spec.series === undefined ? 'row' : `value of "${spec.x}"`}); a ${spec.type} chart shows at most ${count(MAX_CATEGORIES)}. Group the view by "${spec.x}" (or filter it) so each ${what === 'bars' ? 'bar' : 'slice'} sums its rows, or use a line chart.`,
    );
  }
  return data;
}

function category(spec: ChartSpec, table: ChartRows): Extract<ChartData, { kind: 'category' }> {
  return spec.series === undefined ? categoryByColumns(spec, table) : categoryBySeries(spec, table);
}

function categoryByColumns(spec: ChartSpec, table: ChartRows): Extract<ChartData, { kind: 'category' }> {
  const xi = columnIndex(table, spec.x, 'x');
  const yi = spec.y.map((name) => columnIndex(table, name, 'value'));
  const labels: string[] = [];
  const values = spec.y.map((): (number | null)[] => []);
  for (const row of table.rows) {
    labels.push(cellLabel(row[xi]));
    yi.forEach((column, s) => values[s]?.push(cellNumber(row[column])));
  }
  return {
    kind: 'category',
    labels,
    series: spec.y.map((label, s) => ({ label, values: values[s] ?? [] })),
    thinnedFrom: 0,
  };
}

/** One series per distinct value of the series column, over the distinct x values in first-seen order. */
function categoryBySeries(spec: ChartSpec, table: ChartRows): Extract<ChartData, { kind: 'category' }> {
  const xi = columnIndex(table, spec.x, 'x');
  const si = columnIndex(table, spec.series ?? '', 'series');
  const yName = spec.y[0] ?? '';
  const yi = columnIndex(table, yName, 'value');
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const bySeries = new Map<string, Map<number, number | null>>();
  for (const row of table.rows) {
    const label = cellLabel(row[xi]);
    let at = labelIndex.get(label);
    if (at === undefined) {
      at = labels.length;
      labels.push(label);
      labelIndex.set(label, at);
    }
    const name = cellLabel(row[si]);
    let values = bySeries.get(name);
    if (!values) {
      values = new Map();
      bySeries.set(name, values);
    }
    const value = cellNumber(row[yi]);
    // Two rows for the same (x, series) are added, as a stacked chart of the rows would show them.
    const previous = values.get(at);
    values.set(
      at,
      previous === undefined || previous === null ? value : value === null ? previous : previous + value,
    );
  }
  return {
    kind: 'category',
    labels,
    series: [...bySeries].map(([label, values]) => ({
      label,
      values: labels.map((_, i) => values.get(i) ?? null),
    })),
    thinnedFrom: 0,
  };
}

function thinCategory(data: Extract<ChartData, { kind: 'category' }>): ChartData {
  const first = data.series[0];
  const points = (first?.values ?? []).map((y, x) => ({ x, y: y ?? 0 }));
  const keep = lttbIndices(points, MAX_POINTS_PER_SERIES);
  return {
    kind: 'category',
    labels: keep.map((i) => data.labels[i] ?? ''),
    series: data.series.map((s) => ({ label: s.label, values: keep.map((i) => s.values[i] ?? null) })),
    thinnedFrom: data.labels.length,
  };
}

function scatter(spec: ChartSpec, table: ChartRows): Extract<ChartData, { kind: 'points' }> {
  const xi = columnIndex(table, spec.x, 'x');
  const groups = new Map<string, { x: number; y: number }[]>();
  const add = (label: string, x: number | null, y: number | null) => {
    if (x === null || y === null) return;
    let points = groups.get(label);
    if (!points) {
      points = [];
      groups.set(label, points);
    }
    points.push({ x, y });
  };
  if (spec.series === undefined) {
    const yi = spec.y.map((name) => columnIndex(table, name, 'value'));
    for (const name of spec.y) groups.set(name, []);
    for (const row of table.rows)
      spec.y.forEach((name, s) => {
        add(name, cellNumber(row[xi]), cellNumber(row[yi[s] ?? -1]));
      });
  } else {
    const si = columnIndex(table, spec.series, 'series');
    const yi = columnIndex(table, spec.y[0] ?? '', 'value');
    for (const row of table.rows) add(cellLabel(row[si]), cellNumber(row[xi]), cellNumber(row[yi]));
  }
  let thinnedFrom = 0;
  const series = [...groups].map(([label, points]) => {
    if (points.length <= MAX_POINTS_PER_SERIES) return { label, points };
    thinnedFrom = Math.max(thinnedFrom, points.length);
    const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
    return {
      label,
      points: lttbIndices(sorted, MAX_POINTS_PER_SERIES).map((i) => sorted[i] ?? { x: 0, y: 0 }),
    };
  });
  if (series.every((s) => s.points.length === 0))
    throw new ChartDataError(
      `The x column "${spec.x}" and the value columns have no numbers in common rows.`,
    );
  return { kind: 'points', series, thinnedFrom };
}

function histogram(spec: ChartSpec, table: ChartRows): ChartData {
  const xi = columnIndex(table, spec.x, 'x');
  const values: number[] = [];
  for (const row of table.rows) {
    const n = cellNumber(row[xi]);
    if (n !== null) values.push(n);
  }
  if (values.length === 0) throw new ChartDataError(`The column "${spec.x}" has no numbers to count.`);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const bins = min === max ? 1 : (spec.bins ?? DEFAULT_HISTOGRAM_BINS);
  const width = min === max ? 1 : (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    // The top edge belongs to the last bin, so the maximum is counted.
    const bin = Math.min(bins - 1, Math.floor((v - min) / width));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const edge = (i: number) => formatEdge(min + i * width);
  return {
    kind: 'category',
    labels: counts.map((_, i) => (min === max ? edge(0) : `${edge(i)}–${edge(i + 1)}`)),
    series: [{ label: 'Count', values: counts }],
    thinnedFrom: 0,
  };
}

function formatEdge(n: number): string {
  return String(Number(n.toPrecision(6)));
}

/** The chart's numbers as a table (header first), for the report's table next to the image. */
export function chartDataRows(data: ChartData, xHeading: string): string[][] {
  if (data.kind === 'category') {
    const header = [xHeading, ...data.series.map((s) => s.label)];
    return [
      header,
      ...data.labels.map((label, i) => [label, ...data.series.map((s) => numberText(s.values[i] ?? null))]),
    ];
  }
  const rows: string[][] = [['series', xHeading, 'value']];
  for (const s of data.series) for (const p of s.points) rows.push([s.label, String(p.x), String(p.y)]);
  return rows;
}

function numberText(n: number | null): string {
  return n === null ? '' : String(n);
}
