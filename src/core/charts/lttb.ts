/**
 * Largest-Triangle-Three-Buckets: picks `threshold` of the points that keep a series' visual shape.
 * Returns indices into `points` (ascending, first and last always kept), so several series that share
 * an x axis can be thinned alike and the PNG of a large chart is the same every time.
 */
export function lttbIndices(points: readonly { x: number; y: number }[], threshold: number): number[] {
  const n = points.length;
  if (threshold >= n || threshold < 3) return points.map((_, i) => i);
  const kept: number[] = [0];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket++) {
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i++) {
      avgX += points[i]?.x ?? 0;
      avgY += points[i]?.y ?? 0;
    }
    const count = Math.max(1, nextEnd - nextStart);
    avgX /= count;
    avgY /= count;
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const pa = points[a] ?? { x: 0, y: 0 };
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const p = points[i] ?? { x: 0, y: 0 };
      const area = Math.abs((pa.x - avgX) * (p.y - pa.y) - (pa.x - p.x) * (avgY - pa.y));
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    kept.push(best);
    a = best;
  }
  kept.push(n - 1);
  return kept;
}
