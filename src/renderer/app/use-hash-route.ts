import { useCallback, useSyncExternalStore } from 'react';
import type { ScreenId } from './routes';
import { DEFAULT_SCREEN, isScreenId } from './routes';

/** The screen lives in the URL hash, so a reload (or a restart in Electron) keeps the user where they were. */
function readScreen(): ScreenId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return isScreenId(id) ? id : DEFAULT_SCREEN;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

export function navigateTo(screen: ScreenId): void {
  window.location.hash = `#/${screen}`;
}

export function useHashRoute(): [ScreenId, (screen: ScreenId) => void] {
  const screen = useSyncExternalStore(subscribe, readScreen);
  const go = useCallback((next: ScreenId) => {
    navigateTo(next);
  }, []);
  return [screen, go];
}
