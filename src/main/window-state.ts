/**
 * Remembering where the window was. The saved file is untrusted input (hand-edited, truncated by a
 * crash, from a machine with other monitors), so it is schema-checked and clamped to what is on
 * screen now; anything wrong falls back to a centred default.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic, writeFileAtomicSync } from './file-io';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  workArea: Rect;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** Less than this much of the window on a display and it counts as lost off-screen. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);

export const windowStateSchema = z
  .object({
    x: coordinate,
    y: coordinate,
    width: extent,
    height: extent,
    isMaximized: z.boolean(),
  })
  .strict();

export type WindowState = z.infer<typeof windowStateSchema>;

export interface RestoredWindow {
  bounds: Rect;
  isMaximized: boolean;
}

const overlap = (a: Rect, b: Rect): Rect => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y),
  };
};

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);

/** Size at least MIN_SIZE (unless the screen is smaller), at most the work area, then fully inside it. */
function fitInto(bounds: Rect, area: Rect): Rect {
  const width = clamp(bounds.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(bounds.height, Math.min(MIN_SIZE.height, area.height), area.height);
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

function centred(area: Rect): Rect {
  const width = Math.min(DEFAULT_SIZE.width, area.width);
  const height = Math.min(DEFAULT_SIZE.height, area.height);
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window. displays[0] is the primary display. The saved bounds are used on the
 * display they overlap most, if enough of them is visible there; otherwise the default, centred on
 * the primary display.
 */
export function restoreWindowBounds(saved: unknown, displays: readonly DisplayArea[]): RestoredWindow {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const parsed = windowStateSchema.safeParse(saved);
  if (!parsed.success) return { bounds: centred(primary), isMaximized: false };
  const state = parsed.data;

  let best: { area: Rect; visible: Rect } | null = null;
  for (const { workArea } of displays) {
    const visible = overlap(state, workArea);
    if (best === null || visible.width * visible.height > best.visible.width * best.visible.height) {
      best = { area: workArea, visible };
    }
  }
  if (best === null || best.visible.width < MIN_VISIBLE.width || best.visible.height < MIN_VISIBLE.height) {
    return { bounds: centred(primary), isMaximized: state.isMaximized };
  }
  return { bounds: fitInto(state, best.area), isMaximized: state.isMaximized };
}

/** The saved state, or null if missing or unusable (a corrupt file must never stop the app opening). */
export async function loadWindowState(filePath: string): Promise<WindowState | null> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.warn(`window state: cannot read ${filePath}, using defaults`, error);
    }
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.warn(`window state: ${filePath} is not JSON, using defaults`);
    return null;
  }
  const parsed = windowStateSchema.safeParse(json);
  if (!parsed.success) {
    console.warn(`window state: ${filePath} does not match the schema, using defaults`);
    return null;
  }
  return parsed.data;
}

function serialise(state: WindowState): string {
  const checked = windowStateSchema.parse({
    ...state,
    x: Math.round(state.x),
    y: Math.round(state.y),
    width: Math.round(state.width),
    height: Math.round(state.height),
  });
  return `${JSON.stringify(checked, null, 2)}\n`;
}

export async function saveWindowState(filePath: string, state: WindowState): Promise<void> {
  await writeFileAtomic(filePath, serialise(state));
}

/** For the close path, where the process may exit before an async write completes. */
export function saveWindowStateSync(filePath: string, state: WindowState): void {
  writeFileAtomicSync(filePath, serialise(state));
}

/**
 * Saves once events (move, resize) have been quiet for delayMs, since a drag fires dozens of them.
 * A save failure goes to onError, never into the event loop as an unhandled rejection.
 */
export function createDebouncedSaver(
  save: () => Promise<void>,
  delayMs: number,
  onError: (error: unknown) => void,
): { schedule: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        save().catch(onError);
      }, delayMs);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
