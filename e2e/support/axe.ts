import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import type Axe from 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Each frame is scanned on its own, so axe need not message between frames. @axe-core/playwright's
// analyze() also opened a blank page per scan to merge frame results, which made every scan cost
// 1.5-2 s instead of 0.1-0.3 s.
const RUN_OPTIONS: RunOptions = { iframes: false, resultTypes: ['violations', 'incomplete'] };

type Violations = AxeResults['violations'];

/**
 * Text in exactly its background's colour is invisible, yet axe files it as "needs review"
 * (messageKey equalRatio) rather than as a contrast failure; such a badge once read as a blank pill.
 */
function invisibleText(incomplete: Violations): Violations {
  const nodes = (result: Violations[number]) =>
    result.nodes.filter((node) =>
      node.any.some((check) => (check.data as { messageKey?: string } | null)?.messageKey === 'equalRatio'),
    );
  return incomplete
    .filter((result) => result.id === 'color-contrast' && nodes(result).length > 0)
    .map((result) => ({
      ...result,
      impact: 'serious',
      help: 'Text must not be the colour of its background',
      nodes: nodes(result),
    }));
}

async function scanFrame(frame: Frame): Promise<Violations> {
  const injected = await frame.evaluate(() => 'axe' in window);
  if (!injected) await frame.evaluate(axeSource);
  const results = await frame.evaluate(async (options) => {
    const { violations, incomplete } = await (window as unknown as { axe: typeof Axe }).axe.run(
      document,
      options,
    );
    return { violations, incomplete };
  }, RUN_OPTIONS);
  return [...results.violations, ...invisibleText(results.incomplete)];
}

/**
 * A frame sandboxed without scripts (the report preview) never runs axe's timers, so its document
 * is scanned as a page of its own.
 */
async function scanScriptlessFrame(page: Page, srcdoc: string): Promise<Violations> {
  const copy = await page.context().newPage();
  try {
    await copy.setContent(srcdoc);
    return await scanFrame(copy.mainFrame());
  } finally {
    await copy.close();
  }
}

async function scan(page: Page, frame: Frame): Promise<Violations> {
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
