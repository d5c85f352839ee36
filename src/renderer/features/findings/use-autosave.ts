import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../common/error-message';

/** Edits are saved at most this often while typing, so the audit log gets one event per save, not per key. */
export const AUTOSAVE_INTERVAL_MS = 3000;

export type SaveStatus =
  { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; error: string };

/**
 * Keeps a local draft and saves it a few seconds after the first unsaved change (and at once on
 * `flush`, e.g. on blur or when the editor closes). A failed save keeps the draft and says why.
 */
export function useAutosave<T>(
  initial: T,
  save: (value: T) => Promise<unknown>,
  same: (a: T, b: T) => boolean,
) {
  const [draft, setDraftState] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const draftRef = useRef(initial);
  const savedRef = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  const sameRef = useRef(same);
  useEffect(() => {
    saveRef.current = save;
    sameRef.current = same;
  });
  const inFlight = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    // One save at a time, in order, so an older draft never lands after a newer one.
    inFlight.current = inFlight.current.then(async () => {
      const value = draftRef.current;
      if (sameRef.current(value, savedRef.current)) return;
      setStatus({ kind: 'saving' });
      try {
        await saveRef.current(value);
        savedRef.current = value;
        setStatus(sameRef.current(draftRef.current, value) ? { kind: 'saved' } : { kind: 'pending' });
      } catch (caught) {
        setStatus({ kind: 'failed', error: errorMessage(caught) });
      }
    });
    return inFlight.current;
  }, []);

  const setDraft = useCallback(
    (value: T) => {
      draftRef.current = value;
      setDraftState(value);
      setStatus({ kind: 'pending' });
      timer.current ??= setTimeout(() => {
        timer.current = undefined;
        void flush();
      }, AUTOSAVE_INTERVAL_MS);
    },
    [flush],
  );

  // Whatever is still unsaved when the editor goes (tab switch, navigation) is saved then.
  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );

  return { draft, setDraft, flush, status };
}
