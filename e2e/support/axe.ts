import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import type Axe from 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Each frame is scanned on its own, so axe need not message between frames; only violations are
// collected. @axe-core/playwright's analyze() also opened a blank page per scan to merge frame
// results, which made every scan cost 1.5-2 s instead of 0.1-0.3 s.
const RUN_OPTIONS: RunOptions = { iframes: false, resultTypes: ['violations'] };

async function scanFrame(frame: Frame): Promise<AxeResults['violations']> {
  const injected = await frame.evaluate(() => 'axe' in window);
  if (!injected) await frame.evaluate(axeSource);
  return frame.evaluate(
    async (options) =>
      (await (window as unknown as { axe: typeof Axe }).axe.run(document, options)).violations,
    RUN_OPTIONS,
  );
}

/**
 * A frame sandboxed without scripts (the report preview) never runs axe's timers, so its document
 * is scanned as a page of its own.
 */
async function scanScriptlessFrame(page: Page, srcdoc: string): Promise<AxeResults['violations']> {
  const copy = await page.context().newPage();
  try {
    await copy.setContent(srcdoc);
    return await scanFrame(copy.mainFrame());
  } finally {
    await copy.close();
  }
}

async function scan(page: Page, frame: Frame): Promise<AxeResults['violations']> {
  if (frame === page.mainFrame()) return scanFrame(frame);
  const element = await frame.frameElement();
  const sandbox = await element.getAttribute('sandbox');
  if (sandbox === null || sandbox.split(/\s+/).includes('allow-scripts')) return scanFrame(frame);
  return scanScriptlessFrame(page, (await element.getAttribute('srcdoc')) ?? (await frame.content()));
}

/**
 * axe's serious and critical violations on the page as it is now, in every frame (the report
 * preview is a frame of its own), one readable line each.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const lines: string[] = [];
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    const where = frame === page.mainFrame() ? '' : `[frame ${frame.name() || frame.url()}] `;
    for (const v of await scan(page, frame)) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      lines.push(
        `${where}${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    }
  }
  return lines;
}
