import type { ChartData, ChartSpec } from '@core/charts';
import { Box, useComputedColorScheme } from '@mantine/core';
import { Chart } from 'chart.js';
import { useEffect, useRef } from 'react';
import { chartConfig, DARK_INK, LIGHT_INK } from './chart-config';

/** A chart drawn on screen in the current theme's colours; redrawn whenever its spec or data change. */
export function ChartCanvas({
  spec,
  data,
  height = 320,
}: {
  spec: ChartSpec;
  data: ChartData;
  height?: number;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scheme = useComputedColorScheme('light');
  // Redrawn when the spec's content changes, not whenever an equal copy of it arrives.
  const specKey = JSON.stringify(spec);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const current = JSON.parse(specKey) as ChartSpec;
    const chart = new Chart(
      canvas,
      chartConfig(current, data, scheme === 'dark' ? DARK_INK : LIGHT_INK, { responsive: true }),
    );
    return () => {
      chart.destroy();
    };
  }, [specKey, data, scheme]);
  return (
    <Box h={height} pos="relative">
      <canvas ref={canvasRef} role="img" aria-label={spec.title || 'Chart'} data-testid="chart-canvas" />
    </Box>
  );
}
