// Charts (issue 5): the stored spec and the pure shaping of a view's result into chart data.
export type { ChartSpec, ChartSpecInput, ChartType } from './chart-spec';
export { CHART_TYPE_LABELS, CHART_TYPES, ChartSpecSchema, chartSpecProblem } from './chart-spec';
export type { CategorySeries, ChartData, PointSeries, ViewTable } from './shape-chart-data';
export {
  ChartDataError,
  DEFAULT_HISTOGRAM_BINS,
  MAX_POINTS_PER_SERIES,
  cellNumber,
  chartDataRows,
  shapeChartData,
} from './shape-chart-data';
export { lttbIndices } from './lttb';
export type { ChartTheme } from './palette';
export {
  CHART_BACKGROUNDS,
  SERIES_PALETTES,
  SINGLE_SERIES_INDEX,
  colourRepeat,
  contrastRatio,
  seriesColour,
} from './palette';
