import { readdirSync, readFileSync } from 'node:fs';

/** Sum of resident memory of Chromium's renderer processes (page and its workers live there). */
function rendererRssBytes(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss?.[1]) total += Number(rss[1]) * 1024;
    } catch {
      // the process ended between listing and reading
    }
  }
  return total;
}

/** Samples every 100 ms until stopped; returns the peak. Linux only, like the rest of the bench. */
export function startMemorySampler(): { stop: () => { peakBytes: number; baselineBytes: number } } {
  const baselineBytes = rendererRssBytes();
  let peakBytes = baselineBytes;
  const timer = setInterval(() => {
    peakBytes = Math.max(peakBytes, rendererRssBytes());
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      peakBytes = Math.max(peakBytes, rendererRssBytes());
      return { peakBytes, baselineBytes };
    },
  };
}
