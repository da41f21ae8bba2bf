import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/index.js';
import { App } from './app.js';
import './styles/theme.css';
import './styles/components.css';
import './styles/forms.css';
import './styles/display.css';
import './styles/layout.css';
import './styles/search.css';
import './styles/issues.css';
import './styles/event.css';
import './styles/event-details.css';
import './styles/stacktrace.css';
import './styles/settings.css';
import './styles/releases.css';
import './styles/performance.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={createApiClient()} />
    </StrictMode>,
  );
}
