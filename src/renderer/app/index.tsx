import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { repositories } from '../db';
import { requestPersistentStorage } from '../platform/storage';
import { withImportLock } from '../workers/import-lock';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Asked once at start; Settings shows the outcome. A refusal is not an error worth interrupting for.
requestPersistentStorage().catch((error: unknown) => {
  console.warn('Persistent storage request failed:', error);
});

// An import the app was closed (or crashed) during left a pending dataset: remove it, so half-stored
// data never lingers. Each removal waits for that import's lock, so a live import in another tab
// (browser mode) is not swept from under it.
repositories.datasets
  .pendingIds()
  .then(async (ids) =>
    Promise.all(
      ids.map(async (id) => withImportLock(id, async () => repositories.datasets.removeIfPending(id))),
    ),
  )
  .catch((error: unknown) => {
    console.warn('Removing unfinished dataset imports failed:', error);
  });
