import type { ChartData, ChartSpec } from '@core/charts';
import { seriesColour } from '@core/charts';
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
  Title,
  Tooltip,
);

/** Text and grid colours that keep contrast on the background the chart is drawn on. */
export interface ChartInk {
  readonly text: string;
  readonly grid: string;
  /** Filled behind the chart (PNG export); transparent on screen. */
  readonly background?: string;
}

export const LIGHT_INK: ChartInk = { text: '#212529', grid: 'rgba(0, 0, 0, 0.12)' };
export const DARK_INK: ChartInk = { text: '#e9ecef', grid: 'rgba(255, 255, 255, 0.16)' };
export const PRINT_INK: ChartInk = { text: '#212529', grid: 'rgba(0, 0, 0, 0.12)', background: '#ffffff' };

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
          backgroundColor: seriesColour(i),
          borderColor: seriesColour(i),
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
            backgroundColor: labels.map((_, i) => seriesColour(i)),
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
          borderColor: seriesColour(i),
          backgroundColor: withAlpha(seriesColour(i), spec.type === 'area' ? 0.35 : 1),
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
        backgroundColor: seriesColour(histogram ? 4 : i),
        ...(histogram ? { barPercentage: 1, categoryPercentage: 1 } : {}),
      })),
    },
    options: { ...common, scales: scales(spec.type === 'stacked-bar') },
    plugins: [backgroundPlugin],
  };
}
