import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionsResponse } from '../../../api/index.js';
import { type Answer, renderWithApi } from '../../performance/fake-api.test-support.js';
import { health, PROJECT, releaseWithHealth } from '../release-test-data.test-support.js';
import type { Release } from '../release-types.js';
import { ReleaseHealth } from './release-health.js';

afterEach(cleanup);

const HOUR = 3600_000;
const T0 = Date.parse('2026-11-20T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const SESSIONS: SessionsResponse = {
  start: iso(T0),
  end: iso(T0 + 4 * HOUR),
  intervals: [0, 1, 2, 3].map((i) => iso(T0 + i * HOUR)),
  groups: [
    { by: { 'session.status': 'crashed' }, totals: { 'sum(session)': 3 }, series: { 'sum(session)': [0, 0, 1, 2] } },
    { by: { 'session.status': 'healthy' }, totals: { 'sum(session)': 40 }, series: { 'sum(session)': [10, 10, 10, 10] } },
    { by: { 'session.status': 'errored' }, totals: { 'sum(session)': 1 }, series: { 'sum(session)': [0, 0, 1, 0] } },
    { by: { 'session.status': 'abnormal' }, totals: { 'sum(session)': 0 }, series: { 'sum(session)': [0, 0, 0, 0] } },
  ],
};

const current = releaseWithHealth(
  'shop@2.5.0',
  health({ crashFreeUsers: 96.1, crashFreeSessions: 97.5, unhandledFreeUsers: 93.33, unhandledFreeSessions: 99.5, sessionsCrashed: 3 }),
);
const previous = releaseWithHealth(
  'shop@2.4.0',
  health({ crashFreeUsers: 98.9, crashFreeSessions: 97.5, unhandledFreeUsers: null, unhandledFreeSessions: 99 }),
);

function server(list: Release[]): Answer {
  return (url) => {
    const p = url.pathname;
    if (p === '/api/0/organizations/acme/releases/shop@2.5.0/') return { body: current };
    if (p === '/api/0/organizations/acme/releases/') return { body: list };
    if (p === '/api/0/organizations/acme/releases/shop@2.5.0/deploys/')
      return {
        body: [
          { id: '1', environment: 'production', name: 'deploy-7', url: null, dateStarted: null, dateFinished: '2026-11-20T02:30:00Z' },
          { id: '2', environment: 'staging', name: null, url: null, dateStarted: null, dateFinished: '2026-11-18T02:30:00Z' },
        ],
      };
    if (p === '/api/0/organizations/acme/sessions/') return { body: SESSIONS };
    if (p === '/api/0/projects/acme/shop/') return { body: { slug: 'shop', healthThresholds: { healthy: 99, warning: 97 } } };
    return undefined;
  };
}

const renderHealth = (list: Release[]) =>
  renderWithApi(
    <ReleaseHealth org="acme" release={current} project={PROJECT} />,
    server(list),
    '/organizations/acme/releases/shop@2.5.0/',
    '/organizations/acme/releases/:version/',
  );

describe('ReleaseHealth', () => {
  it('compares each rate with the previous release in points, coloured against the project thresholds', async () => {
    const api = renderHealth([current, previous]);
    const users = await screen.findByText((_, el) => el?.getAttribute('data-rate') === 'crashFreeUsers');
    await waitFor(() => expect(users.textContent).toBe('Crash-free users 96.1%, −2.8 points against 2.4.0'));
    expect(users.querySelector('.health-rate')?.getAttribute('data-level')).toBe('bad');
    const rate = (k: string) => document.querySelector(`[data-rate="${k}"]`)?.textContent;
    expect(rate('crashFreeSessions')).toBe('Crash-free sessions 97.5%, ±0 points against 2.4.0');
    expect(rate('unhandledFreeUsers')).toBe('Unhandled-free users 93.3%, 2.4.0 has no sessions to compare with');
    expect(rate('unhandledFreeSessions')).toBe('Unhandled-free sessions 99.5%, +0.5 points against 2.4.0');
    expect(screen.getByText('Crashed').nextElementSibling?.textContent).toBe('3');
    const detail = api.to('/api/0/organizations/acme/releases/shop@2.5.0/')[0];
    expect([detail?.searchParams.get('health'), detail?.searchParams.get('project')]).toEqual(['1', '2']);
    expect(api.to('/api/0/organizations/acme/releases/')[0]?.searchParams.get('project')).toBe('2');
  });

  it('charts sessions by status, healthy at the bottom, with the deploys inside the window as markers', async () => {
    const api = renderHealth([current, previous]);
    const chart = await screen.findByRole('img', { name: '44 sessions of this release by status in the last 24 hours' });
    const first = [...chart.querySelectorAll('[data-bucket] .chart-stack')].map((r) => r.getAttribute('data-series'));
    expect(first.slice(0, 4)).toEqual(['healthy', 'healthy', 'healthy', 'errored']);
    const third = chart.querySelectorAll(`[data-bucket="${(T0 + 2 * HOUR) / 1000}"] .chart-stack`);
    expect([...third].map((r) => r.getAttribute('data-series'))).toEqual(['healthy', 'errored', 'crashed']);
    const markers = chart.querySelectorAll('.chart-marker');
    expect(markers).toHaveLength(1);
    expect(markers[0]?.textContent).toMatch(/^Deployed to production \(deploy-7\)/);
    // 02:30 of a 4-hour window: 62.5% across the 600-wide chart.
    expect(markers[0]?.querySelector('line')?.getAttribute('x1')).toBe('375');
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toBe('healthy 40errored 1abnormal 0crashed 3deploy');
    const asked = api.to('/api/0/organizations/acme/sessions/')[0];
    expect(asked?.searchParams.get('field')).toBe('sum(session)');
    expect(asked?.searchParams.get('groupBy')).toBe('session.status');
    expect(asked?.searchParams.get('query')).toBe('release:shop@2.5.0');
    expect([asked?.searchParams.get('interval'), asked?.searchParams.get('statsPeriod'), asked?.searchParams.get('project')]).toEqual(['1h', '24h', '2']);
  });

  it('says so for the first release of the project and for a release without sessions', async () => {
    renderHealth([current]);
    await screen.findByText('The first release of this project: nothing to compare with.');
    expect(document.querySelector('[data-rate="crashFreeUsers"]')?.textContent).toBe('Crash-free users 96.1%');
    cleanup();
    const quiet = releaseWithHealth('shop@2.5.0', health({ hasHealthData: false, crashFreeUsers: null }));
    renderWithApi(
      <ReleaseHealth org="acme" release={quiet} project={PROJECT} />,
      (url) => (url.pathname === '/api/0/organizations/acme/releases/shop@2.5.0/' ? { body: quiet } : server([quiet])(url)),
      '/organizations/acme/releases/shop@2.5.0/',
      '/organizations/acme/releases/:version/',
    );
    await screen.findByText(/No sessions from this release yet/);
    expect(document.querySelector('[data-rate]')).toBeNull();
  });
});
