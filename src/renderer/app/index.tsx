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
// data never lingers; each removal waits for that import's lock (a live import in another tab).
repositories.datasets
  .sweepPending(async (id, remove) => withImportLock(id, remove))
  .catch((error: unknown) => {
    console.warn('Removing unfinished dataset imports failed:', error);
  });
