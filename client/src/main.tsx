import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { preloadParticipantRoute } from './preload';
import './theme/palettes.css';
import './styles.css';

preloadParticipantRoute(location.pathname);
await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
