import type { ChartData, ChartSpec } from '@core/charts';
import {
  CHART_BACKGROUNDS,
  colourRepeat,
  SERIES_PALETTES,
  SINGLE_SERIES_INDEX,
  seriesColour,
} from '@core/charts';
import type { ChartConfiguration, Plugin } from 'chart.js';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  SubTitle,
  Title,
  Tooltip,
} from 'chart.js';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  SubTitle,
  Title,
  Tooltip,
);

/** Text, grid and series colours that keep contrast on the background the chart is drawn on. */
export interface ChartInk {
  readonly text: string;
  readonly grid: string;
  /** Series colours, each at least 3:1 against that background (core/charts palette). */
  readonly palette: readonly string[];
  /** Filled behind the chart (PNG export); transparent on screen. */
  readonly background?: string;
}

export const LIGHT_INK: ChartInk = {
  text: '#212529',
  grid: 'rgba(0, 0, 0, 0.12)',
  palette: SERIES_PALETTES.light,
};
export const DARK_INK: ChartInk = {
  text: '#e9ecef',
  grid: 'rgba(255, 255, 255, 0.16)',
  palette: SERIES_PALETTES.dark,
};
export const PRINT_INK: ChartInk = { ...LIGHT_INK, background: CHART_BACKGROUNDS.light };

/** Once the colours run out they repeat; each round of repeats is told apart by its line dash... */
const REPEAT_DASHES: readonly number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4]];
/** ...or by its point shape on a scatter chart. */
const REPEAT_POINTS = ['circle', 'triangle', 'rect', 'crossRot'] as const;

const repeatDash = (ink: ChartInk, index: number) =>
  REPEAT_DASHES[colourRepeat(ink.palette, index) % REPEAT_DASHES.length] ?? [];
const repeatPoint = (ink: ChartInk, index: number) =>
  REPEAT_POINTS[colourRepeat(ink.palette, index) % REPEAT_POINTS.length] ?? 'circle';

/** A PNG of a chart must not be transparent: viewers and reports show it on white. */
const backgroundPlugin: Plugin = {
  id: 'kpoBackground',
  beforeDraw: (chart, _args, options: { colour?: string }) => {
    if (!options.colour) return;
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.colour;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * Said on the chart itself (screen, PNG and so the report) when it draws fewer points than the view
 * has: lines and scatters of more than MAX_POINTS_PER_SERIES points are thinned with LTTB, which keeps
 * their shape (peaks, ends) but is still a selection. Histograms and bars always use every row.
 */
export function thinningNote(data: ChartData): string | undefined {
  if (data.thinnedFrom === 0) return undefined;
  const drawn =
    data.kind === 'category' ? data.labels.length : Math.max(...data.series.map((s) => s.points.length));
  const per = data.series.length > 1 ? ' per series' : '';
  return `Thinned for drawing: ${drawn.toLocaleString('en-US')} of ${data.thinnedFrom.toLocaleString('en-US')} points${per}, chosen to keep the shape (LTTB).`;
}

export function chartConfig(
  spec: ChartSpec,
  data: ChartData,
  ink: ChartInk,
  options: { responsive: boolean },
): ChartConfiguration {
  const common = {
    animation: false as const,
    responsive: options.responsive,
    maintainAspectRatio: false,
    devicePixelRatio: options.responsive ? undefined : 1,
    color: ink.text,
    plugins: {
      title: { display: spec.title !== '', text: spec.title, color: ink.text, font: { size: 16 } },
      subtitle: {
        display: data.thinnedFrom > 0,
        text: thinningNote(data) ?? '',
        color: ink.text,
        font: { size: 12, style: 'italic' as const },
        padding: { bottom: 8 },
      },
      legend: {
        display: spec.type === 'pie' || spec.type === 'doughnut' || data.series.length > 1,
        labels: { color: ink.text },
      },
      kpoBackground: { colour: ink.background },
    },
  };
  const axis = (title: string, stacked = false) => ({
    stacked,
    title: { display: title !== '', text: title, color: ink.text },
    ticks: { color: ink.text },
    grid: { color: ink.grid },
  });
  const scales = (stacked = false) => ({
    x: axis(spec.xLabel, stacked),
    y: { ...axis(spec.yLabel, stacked), beginAtZero: spec.type !== 'line' && spec.type !== 'scatter' },
  });

  if (data.kind === 'points') {
    return {
      type: 'scatter',
      data: {
        datasets: data.series.map((s, i) => ({
          label: s.label,
          data: s.points.map((p) => ({ x: p.x, y: p.y })),
          backgroundColor: seriesColour(ink.palette, i),
          borderColor: seriesColour(ink.palette, i),
          pointStyle: repeatPoint(ink, i),
          pointRadius: s.points.length > 200 ? 2 : 3,
        })),
      },
      options: { ...common, scales: { x: { ...axis(spec.xLabel), type: 'linear' }, y: axis(spec.yLabel) } },
      plugins: [backgroundPlugin],
    };
  }
  const labels = [...data.labels];
  if (spec.type === 'pie' || spec.type === 'doughnut') {
    const values = data.series[0]?.values ?? [];
    return {
      type: spec.type,
      data: {
        labels,
        datasets: [
          {
            label: data.series[0]?.label ?? '',
            data: values.map((v) => v ?? 0),
            backgroundColor: labels.map((_, i) => seriesColour(ink.palette, i)),
            borderColor: ink.background ?? 'rgba(0, 0, 0, 0)',
          },
        ],
      },
      options: common,
      plugins: [backgroundPlugin],
    };
  }
  if (spec.type === 'line' || spec.type === 'area') {
    return {
      type: 'line',
      data: {
        labels,
        datasets: data.series.map((s, i) => ({
          label: s.label,
          data: [...s.values],
          borderColor: seriesColour(ink.palette, i),
          borderDash: repeatDash(ink, i),
          backgroundColor: withAlpha(seriesColour(ink.palette, i), spec.type === 'area' ? 0.35 : 1),
          fill: spec.type === 'area' ? 'origin' : false,
          pointRadius: labels.length > 100 ? 0 : 3,
          spanGaps: false,
        })),
      },
      options: { ...common, scales: scales() },
      plugins: [backgroundPlugin],
    };
  }
  const histogram = spec.type === 'histogram';
  return {
    type: 'bar',
    data: {
      labels,
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: [...s.values],
        backgroundColor: seriesColour(ink.palette, histogram ? SINGLE_SERIES_INDEX : i),
        ...(histogram ? { barPercentage: 1, categoryPercentage: 1 } : {}),
      })),
    },
    options: { ...common, scales: scales(spec.type === 'stacked-bar') },
    plugins: [backgroundPlugin],
  };
}

/**
 * Why some of a chart's colours repeat, for the editor: lines and points get a dash or shape for
 * their repeats, but bars and slices only have their colour, so the reader is told to split less.
 */
export function colourRepeatWarning(
  spec: ChartSpec,
  data: ChartData,
  paletteSize: number,
): string | undefined {
  const partOfWhole = spec.type === 'pie' || spec.type === 'doughnut';
  const count = partOfWhole && data.kind === 'category' ? data.labels.length : data.series.length;
  if (count <= paletteSize) return undefined;
  const what = partOfWhole ? 'slices' : 'series';
  if (spec.type === 'line' || spec.type === 'area' || spec.type === 'scatter')
    return `${count} ${what} share ${paletteSize} colours: repeated colours are drawn ${spec.type === 'scatter' ? 'with other point shapes' : 'dashed'}.`;
  return `${count} ${what} share ${paletteSize} colours, so some look alike. Show fewer (filter or group the view) to keep them apart.`;
}
