import { useComputedColorScheme } from '@mantine/core';
import type { WeekMetrics } from '@core/dashboard';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { OKABE_ITO } from './okabe-ito';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

/** Weekly decisions (bars) and logged hours (line) over time. */
export function WeeklyChart({ weeks }: { weeks: readonly WeekMetrics[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scheme = useComputedColorScheme('light');
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const text = scheme === 'dark' ? '#e9ecef' : '#212529';
    const grid = scheme === 'dark' ? 'rgba(255,255,255,0.15)' : 'rgba(0,0,0,0.1)';
    const chart = new Chart(canvas, {
      data: {
        labels: weeks.map((w) => w.week),
        datasets: [
          {
            type: 'bar',
            label: 'Submitted',
            data: weeks.map((w) => w.submitted),
            backgroundColor: OKABE_ITO.skyBlue,
            yAxisID: 'count',
          },
          {
            type: 'bar',
            label: 'Changes requested',
            data: weeks.map((w) => w.changesRequested),
            backgroundColor: OKABE_ITO.vermillion,
            yAxisID: 'count',
          },
          {
            type: 'bar',
            label: 'Approved',
            data: weeks.map((w) => w.approved),
            backgroundColor: OKABE_ITO.bluishGreen,
            yAxisID: 'count',
          },
          {
            type: 'bar',
            label: 'Delivered',
            data: weeks.map((w) => w.delivered),
            backgroundColor: OKABE_ITO.blue,
            yAxisID: 'count',
          },
          {
            type: 'line',
            label: 'Hours logged',
            data: weeks.map((w) => Math.round(w.loggedHours * 10) / 10),
            borderColor: OKABE_ITO.orange,
            backgroundColor: OKABE_ITO.orange,
            yAxisID: 'hours',
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: text,
        scales: {
          x: { ticks: { color: text }, grid: { color: grid } },
          count: {
            position: 'left',
            beginAtZero: true,
            ticks: { color: text, precision: 0 },
            grid: { color: grid },
            title: { display: true, text: 'tasks', color: text },
          },
          hours: {
            position: 'right',
            beginAtZero: true,
            ticks: { color: text },
            grid: { drawOnChartArea: false },
            title: { display: true, text: 'hours', color: text },
          },
        },
        plugins: { legend: { labels: { color: text } } },
      },
    });
    return () => {
      chart.destroy();
    };
  }, [weeks, scheme]);
  return (
    <div style={{ position: 'relative', height: 260 }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={`Weekly submissions, changes requested, approvals, deliveries and hours logged, ${String(weeks.length)} weeks`}
      />
    </div>
  );
}
