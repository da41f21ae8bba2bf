// Setup code with the recommended options filled in (README.md, "Point your SDK at Faultline").
// SDK 11 replaced `sendDefaultPii` with `dataCollection`; the snippets target SDK 11 and say
// what to write on 8–10.

export type SnippetPlatform = 'node' | 'browser' | 'python';

export interface SnippetFile {
  readonly name: string;
  readonly language: string;
  readonly code: string;
}

export interface Snippet {
  readonly platform: SnippetPlatform;
  readonly label: string;
  readonly install: string;
  readonly files: readonly SnippetFile[];
  readonly run?: string;
}

export const SNIPPET_PLATFORMS: readonly { key: SnippetPlatform; label: string }[] = [
  { key: 'node', label: 'Node.js / Express' },
  { key: 'browser', label: 'Browser / React' },
  { key: 'python', label: 'Python' },
];

/** The tab to open first for a project's platform (as set by `faultline project create --platform`). */
export function platformFor(projectPlatform: string | null | undefined): SnippetPlatform {
  const p = (projectPlatform ?? '').toLowerCase();
  if (p.startsWith('python')) return 'python';
  if (p.startsWith('javascript') || p.includes('react') || p === 'browser') return 'browser';
  return 'node';
}

function node(dsn: string): Snippet {
  return {
    platform: 'node',
    label: 'Node.js / Express',
    install: 'npm install @sentry/node',
    files: [
      {
        name: 'instrument.mjs — load it before anything else',
        language: 'js',
        code: `import * as Sentry from '@sentry/node';

Sentry.init({
  dsn: '${dsn}',
  release: process.env.GIT_SHA,
  environment: process.env.NODE_ENV ?? 'development',
  sampleRate: 1.0,
  tracesSampleRate: 0.1,
  // SDK 11 (on SDK 8–10 write \`sendDefaultPii: false\` instead):
  dataCollection: { userInfo: false, cookies: false, httpBodies: [] },
});`,
      },
      {
        name: 'app.mjs',
        language: 'js',
        code: `import * as Sentry from '@sentry/node';
import express from 'express';

const app = express();
app.get('/', (req, res) => res.send('ok'));
// ... all your routes ...

// After the routes, before your own error handlers (required on SDK 8–10; on 11 it is harmless).
Sentry.setupExpressErrorHandler(app);

app.listen(3000);`,
      },
    ],
    run: 'GIT_SHA=$(git rev-parse HEAD) node --import ./instrument.mjs app.mjs',
  };
}

function browser(dsn: string): Snippet {
  return {
    platform: 'browser',
    label: 'Browser / React',
    install: 'npm install @sentry/react',
    files: [
      {
        name: 'main.jsx — before the app renders',
        language: 'jsx',
        code: `import * as Sentry from '@sentry/react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

Sentry.init({
  dsn: '${dsn}',
  release: import.meta.env.VITE_GIT_SHA,
  environment: import.meta.env.MODE,
  sampleRate: 1.0,
  tracesSampleRate: 0.1,
  integrations: [Sentry.browserTracingIntegration()],
  // SDK 11 (on SDK 8–10 write \`sendDefaultPii: false\` instead):
  dataCollection: { userInfo: false, cookies: false },
});

createRoot(document.getElementById('root')).render(
  <Sentry.ErrorBoundary fallback={<p>Something went wrong.</p>}>
    <App />
  </Sentry.ErrorBoundary>,
);`,
      },
    ],
    run: 'VITE_GIT_SHA=$(git rev-parse HEAD) npx vite build',
  };
}

function python(dsn: string): Snippet {
  return {
    platform: 'python',
    label: 'Python',
    install: 'pip install sentry-sdk',
    files: [
      {
        name: 'at the top of your entry module, before the framework is created',
        language: 'python',
        code: `import os

import sentry_sdk

sentry_sdk.init(
    dsn="${dsn}",
    release=os.environ.get("GIT_SHA"),
    environment=os.environ.get("APP_ENV", "development"),
    sample_rate=1.0,
    traces_sample_rate=0.1,
    send_default_pii=False,
)`,
      },
    ],
  };
}

export function snippetFor(platform: SnippetPlatform, dsn: string): Snippet {
  if (platform === 'browser') return browser(dsn);
  if (platform === 'python') return python(dsn);
  return node(dsn);
}
