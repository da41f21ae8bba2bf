import { useEffect, useState } from 'react';

type Health = 'checking' | 'ok' | 'unreachable';

/** Placeholder home page until the triage UI lands: shows that the server answers. */
export function App() {
  const [health, setHealth] = useState<Health>('checking');
  useEffect(() => {
    fetch('/_health')
      .then((r) => setHealth(r.ok ? 'ok' : 'unreachable'))
      .catch(() => setHealth('unreachable'));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '4rem auto', padding: '0 1rem' }}>
      <h1>Faultline</h1>
      <p>Self-hosted error tracking for the official Sentry SDKs.</p>
      <p role="status">Server: {health}</p>
    </main>
  );
}
