import { useCallback, useSyncExternalStore } from 'react';
import type { ScreenId } from './routes';
import { DEFAULT_SCREEN, isScreenId } from './routes';

/**
 * The screen lives in the URL hash, so a reload (or a restart in Electron) keeps the user where they
 * were. `#/<screen>` opens a screen; `#/<screen>/<path>` opens something inside it, such as
 * `#/datasets/<id>` for one dataset.
 */
function hashSegments(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('/');
}

function readScreen(): ScreenId {
  const [id = ''] = hashSegments();
  return isScreenId(id) ? id : DEFAULT_SCREEN;
}

/** What follows the screen in the hash, decoded; '' on the screen itself. */
function readScreenPath(): string {
  const [id = '', ...rest] = hashSegments();
  if (!isScreenId(id)) return '';
  try {
    return rest.map(decodeURIComponent).join('/');
  } catch {
    return '';
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

export function navigateTo(screen: ScreenId, path?: string): void {
  window.location.hash = path ? `#/${screen}/${encodeURIComponent(path)}` : `#/${screen}`;
}

/** The link to something inside a screen, e.g. screenHref('datasets', id). */
export function screenHref(screen: ScreenId, path?: string): string {
  return path ? `#/${screen}/${encodeURIComponent(path)}` : `#/${screen}`;
}

export function useHashRoute(): [ScreenId, (screen: ScreenId) => void] {
  const screen = useSyncExternalStore(subscribe, readScreen);
  const go = useCallback((next: ScreenId) => {
    navigateTo(next);
  }, []);
  return [screen, go];
}

/** The path inside the current screen (see readScreenPath). */
export function useScreenPath(): string {
  return useSyncExternalStore(subscribe, readScreenPath);
}
