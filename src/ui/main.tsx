/** Entry: start the engine worker, wire store ↔ engine ↔ input, render, open the demo volume. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import { backendFromUrl, startEngine } from './engine/engine';
import { handleEngineEvent, showBackend } from './engine/engine-events';
import { followCursorValue } from './engine/cursor-value';
import { openSource, urlSource } from './engine/open-volume';
import { attachFitMode } from './fit/fit-mode';
import { attachKeyboard } from './input/keyboard';
import { lucidStore } from './store';
import { registerTestHooks } from './test-hooks';
import './styles.css';

const DEMO_NAME = 'demo-confocal.tif';

const force = backendFromUrl(window.location.search);
const engine = startEngine(force);
engine.onEvent((event) => handleEngineEvent(lucidStore, engine, event, force));
followCursorValue(lucidStore, engine);
attachKeyboard(lucidStore);
attachFitMode(lucidStore);
registerTestHooks(lucidStore, engine);

window.addEventListener('unhandledrejection', (e) => {
  const message = e.reason instanceof Error ? e.reason.message : String(e.reason);
  lucidStore.getState().notify('error', `Unexpected error: ${message}`);
});
window.addEventListener('error', (e) => {
  // Browsers report a harmless ResizeObserver notice through this event too.
  if (!e.message || e.message.startsWith('ResizeObserver loop')) return;
  lucidStore.getState().notify('error', `Unexpected error: ${e.message}`);
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks the #root element.');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

void showBackend(lucidStore, engine, force);
void openSource(lucidStore, urlSource(`${import.meta.env.BASE_URL}demo-data/${DEMO_NAME}`, DEMO_NAME));
