import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, project, renderWithApi } from '../performance/fake-api.test-support.js';
import { checkIn, environment, monitor } from './crons-test-data.test-support.js';
import { CronsView } from './crons-view.js';

afterEach(cleanup);

const LIST = '/api/0/organizations/acme/monitors/';
const NIGHTLY = monitor('nightly-report', {
  name: 'Nightly report',
  environments: [
    environment('production', { status: 'error', activeIncident: { startingTimestamp: '2026-11-21T02:00:00Z', resolvingTimestamp: null } }),
    environment('staging', { nextCheckIn: '2099-01-01T02:00:00.000000Z' }),
  ],
});
const HEARTBEAT = monitor('heartbeat', {
  config: { schedule_type: 'interval', schedule: [10, 'minute'], checkin_margin: 2, max_runtime: 5 },
  environments: [],
});

/** Check-ins newest first, as the API orders them. */
const PRODUCTION = [
  checkIn('missed', '2026-11-21T02:00:00Z'),
  checkIn('timeout', '2026-11-20T02:00:00Z'),
  checkIn('error', '2026-11-19T02:00:00Z'),
  checkIn('ok', '2026-11-18T02:00:00Z'),
];

const server: Answer = (url) => {
  if (url.pathname === LIST) return { body: [NIGHTLY, HEARTBEAT] };
  if (url.pathname === `${LIST}nightly-report/checkins/`)
    return { body: url.searchParams.get('environment') === 'production' ? PRODUCTION : [checkIn('ok', '2026-11-21T02:00:05Z', { environment: 'staging' })] };
  return undefined;
};

function renderView(answer: Answer) {
  return renderWithApi(<CronsView org="acme" project={project} />, answer, '/organizations/acme/crons/?project=2', '/organizations/acme/crons/');
}

describe('CronsView', () => {
  it('lists the project’s monitors with status, schedule in words, next expected run and a coloured timeline per environment', async () => {
    const api = renderView(server);
    const row = await screen.findByRole('row', { name: /Nightly report/ });
    expect(within(row).getByRole('link', { name: 'Nightly report' }).getAttribute('href')).toBe('/organizations/acme/crons/nightly-report/');
    expect(row.querySelector('[data-cell="schedule"]')?.textContent).toBe('Every day at 02:00 UTC');
    // The soonest of the environments' next runs.
    expect(row.querySelector('[data-cell="next"] time')?.getAttribute('datetime')).toBe('2099-01-01T02:00:00.000Z');
    const production = row.querySelector('[data-environment="production"]') as HTMLElement;
    expect(within(production).getByText('Failing')).toBeTruthy();
    const ticks = await within(production).findByRole('list', { name: /^Last 4 check-ins in production/ });
    // Oldest on the left, newest on the right, each coloured by its status.
    expect([...ticks.querySelectorAll('li')].map((li) => li.getAttribute('data-status'))).toEqual(['ok', 'error', 'timeout', 'missed']);
    expect(ticks.querySelector('li')?.className).toBe('checkin-tick status-ok');
    expect(ticks.getAttribute('aria-label')).toBe('Last 4 check-ins in production: 1 missed, 1 timed out, 1 error, 1 ok');
    const staging = row.querySelector('[data-environment="staging"]') as HTMLElement;
    expect(within(staging).getByText('OK')).toBeTruthy();
    await within(staging).findByRole('list', { name: /^Last 1 check-ins in staging/ });

    const heartbeat = screen.getByRole('row', { name: /heartbeat/ });
    expect(heartbeat.querySelector('[data-cell="schedule"]')?.textContent).toBe('Every 10 minutes');
    expect(within(heartbeat).getByText('Waiting for first check-in')).toBeTruthy();

    expect(api.to(LIST)[0]?.searchParams.get('project')).toBe('2');
    const production30 = api.to(`${LIST}nightly-report/checkins/`).find((u) => u.searchParams.get('environment') === 'production');
    expect(production30?.searchParams.get('per_page')).toBe('30');
    // A monitor without environments has no timeline to load.
    expect(api.to(`${LIST}heartbeat/checkins/`)).toEqual([]);
  });

  it('searches on the server and starts again from the first page', async () => {
    const api = renderWithApi(
      <CronsView org="acme" project={project} />,
      server,
      '/organizations/acme/crons/?project=2&cursor=0:25:0',
      '/organizations/acme/crons/',
    );
    await screen.findByRole('row', { name: /Nightly report/ });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search monitors' }), { target: { value: 'nightly' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Search monitors' }));
    await waitFor(() => expect(api.to(LIST).some((u) => u.searchParams.get('query') === 'nightly' && !u.searchParams.has('cursor'))).toBe(true));
    expect(api.to(LIST)[0]?.searchParams.get('cursor')).toBe('0:25:0');
  });

  it('says how to create the first monitor, and shows the server’s error', async () => {
    renderView((url) => (url.pathname === LIST ? { body: [] } : undefined));
    await screen.findByText('No monitors in shop yet');
    expect(screen.getByText(/sentry-cli monitors run/)).toBeTruthy();
    cleanup();
    renderView(() => ({ status: 403, body: { detail: 'You do not have permission to perform this action.' } }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('You do not have permission'));
  });
});
