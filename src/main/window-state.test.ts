import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDebouncedSaver,
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  restoreWindowBounds,
  saveWindowState,
  saveWindowStateSync,
} from './window-state';
import type { DisplayArea } from './window-state';

const laptop: DisplayArea = { workArea: { x: 0, y: 25, width: 1920, height: 1055 } };
const rightMonitor: DisplayArea = { workArea: { x: 1920, y: 0, width: 2560, height: 1440 } };
const small: DisplayArea = { workArea: { x: 0, y: 0, width: 1024, height: 600 } };

describe('restoreWindowBounds', () => {
  it('centres the default size on the primary display when nothing is saved', () => {
    expect(restoreWindowBounds(null, [laptop, rightMonitor])).toEqual({
      bounds: { x: 320, y: 25 + 127, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
      isMaximized: false,
    });
  });

  it('keeps saved bounds that are fully visible', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, isMaximized: true };
    expect(restoreWindowBounds(saved, [laptop, rightMonitor])).toEqual({
      bounds: { x: 2000, y: 100, width: 1400, height: 900 },
      isMaximized: true,
    });
  });

  it('falls back to the default when the saved display is gone', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, isMaximized: false };
    expect(restoreWindowBounds(saved, [laptop]).bounds).toEqual({ x: 320, y: 152, width: 1280, height: 800 });
  });

  it('pulls a window that is partly off-screen back inside the display it mostly covers', () => {
    const saved = { x: 1500, y: -200, width: 1000, height: 700, isMaximized: false };
    expect(restoreWindowBounds(saved, [laptop]).bounds).toEqual({ x: 920, y: 25, width: 1000, height: 700 });
  });

  it('shrinks a window larger than the work area, and enlarges one below the minimum', () => {
    expect(
      restoreWindowBounds({ x: 0, y: 0, width: 5000, height: 3000, isMaximized: false }, [laptop]).bounds,
    ).toEqual(laptop.workArea);
    expect(
      restoreWindowBounds({ x: 100, y: 100, width: 200, height: 100, isMaximized: false }, [laptop]).bounds,
    ).toEqual({
      x: 100,
      y: 100,
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
    });
  });

  it('fits the default onto a screen smaller than it', () => {
    expect(restoreWindowBounds(undefined, [small]).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
  });

  it('ignores invalid saved data', () => {
    for (const bad of [
      { x: 'a', y: 0, width: 100, height: 100, isMaximized: false },
      { x: 0, y: 0, width: -5, height: 100, isMaximized: false },
      { x: 0, y: 0, width: 1000, height: 700 },
      { x: Number.NaN, y: 0, width: 1000, height: 700, isMaximized: false },
      { x: 1e9, y: 0, width: 1000, height: 700, isMaximized: false },
      { x: 0, y: 0, width: 1000, height: 700, isMaximized: false, extra: 1 },
      [],
      'x',
    ]) {
      expect(restoreWindowBounds(bad, [laptop])).toEqual(restoreWindowBounds(null, [laptop]));
    }
  });

  it('copes with no displays reported', () => {
    expect(restoreWindowBounds(null, [])).toEqual({
      bounds: { x: 0, y: 0, ...DEFAULT_SIZE },
      isMaximized: false,
    });
  });
});

describe('window-state.json on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpo-window-state-'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a saved state (rounded to whole pixels) and leaves no temp file', async () => {
    const file = join(dir, 'window-state.json');
    await saveWindowState(file, { x: 10.4, y: 20.6, width: 1000, height: 700, isMaximized: true });
    expect(await loadWindowState(file)).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 700,
      isMaximized: true,
    });
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('the synchronous save used on close writes the same file', async () => {
    const file = join(dir, 'window-state.json');
    saveWindowStateSync(file, { x: 1, y: 2, width: 900, height: 600, isMaximized: false });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      x: 1,
      y: 2,
      width: 900,
      height: 600,
      isMaximized: false,
    });
    expect(await readdir(dir)).toEqual(['window-state.json']);
  });

  it('a missing file means defaults, silently', async () => {
    expect(await loadWindowState(join(dir, 'window-state.json'))).toBeNull();
    expect(console.warn).not.toHaveBeenCalled();
  });

  it.each([
    ['truncated JSON', '{"x": 10, "y": '],
    ['empty file', ''],
    ['wrong shape', '{"x": 10}'],
    ['wrong types', '{"x":"10","y":0,"width":100,"height":100,"isMaximized":false}'],
    ['binary garbage', '\u0000\u0001\u0002'],
  ])('a corrupt file (%s) falls back to the default window', async (_name, content) => {
    const file = join(dir, 'window-state.json');
    await writeFile(file, content);
    const saved = await loadWindowState(file);
    expect(saved).toBeNull();
    expect(console.warn).toHaveBeenCalled();
    expect(restoreWindowBounds(saved, [laptop]).bounds).toEqual({ x: 320, y: 152, width: 1280, height: 800 });
  });

  it('refuses to save a state that does not match the schema', async () => {
    const file = join(dir, 'window-state.json');
    await expect(
      saveWindowState(file, { x: 0, y: 0, width: 0, height: 700, isMaximized: false }),
    ).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('createDebouncedSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after events go quiet', async () => {
    let saves = 0;
    const saver = createDebouncedSaver(
      async () => {
        saves += 1;
        return Promise.resolve();
      },
      500,
      () => undefined,
    );
    for (let i = 0; i < 10; i += 1) {
      saver.schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(saves).toBe(1);
  });

  it('cancel drops a pending save', async () => {
    let saves = 0;
    const saver = createDebouncedSaver(
      async () => {
        saves += 1;
        return Promise.resolve();
      },
      500,
      () => undefined,
    );
    saver.schedule();
    saver.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toBe(0);
  });

  it('reports a failed save instead of leaving an unhandled rejection', async () => {
    const errors: unknown[] = [];
    const saver = createDebouncedSaver(
      async () => Promise.reject(new Error('disk full')),
      10,
      (e) => errors.push(e),
    );
    saver.schedule();
    await vi.advanceTimersByTimeAsync(20);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('disk full');
  });
});
