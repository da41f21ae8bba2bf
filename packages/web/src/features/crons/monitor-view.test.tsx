import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Monitor, MonitorStatsPoint } from '../../api/index.js';
import { type Answer, renderWithApi } from '../performance/fake-api.test-support.js';
import { checkIn, environment, monitor } from './crons-test-data.test-support.js';
import { MonitorView } from './monitor-view.js';

afterEach(cleanup);

const BASE = '/api/0/organizations/acme/monitors/nightly-report/';
const ISSUES = '/api/0/organizations/acme/issues/';

const STATS: MonitorStatsPoint[] = [
  { ts: 1795219200, ok: 1, error: 0, missed: 0, timeout: 0, unknown: 0, duration: 13250 },
  { ts: 1795222800, ok: 0, error: 0, missed: 1, timeout: 0, unknown: 0, duration: 0 },
  { ts: 1795226400, ok: 0, error: 1, missed: 0, timeout: 0, unknown: 0, duration: 2000 },
];

interface Write {
  method: string;
  body: unknown;
}

/** A monitor the PUTs really change, so a reload shows what was saved. */
function server(start: Monitor, reject?: unknown) {
  let current = start;
  const writes: Write[] = [];
  const answer: Answer = (url, init) => {
    if (url.pathname === BASE && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as Partial<Monitor>;
      writes.push({ method: 'PUT', body });
      if (reject && body.config) return { status: 400, body: reject };
      current = { ...current, ...body, config: { ...current.config, ...body.config } };
      return { body: current };
    }
    if (url.pathname === `${BASE}environments/production/` && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { isMuted: boolean };
      writes.push({ method: 'PUT production', body });
      current = { ...current, environments: current.environments.map((e) => (e.name === 'production' ? { ...e, isMuted: body.isMuted } : e)) };
      return { body: current };
    }
    if (url.pathname === BASE) return { body: current };
    if (url.pathname === `${BASE}checkins/`)
      return {
        body: [
          checkIn('error', '2026-11-21T02:00:00Z', { duration: 2000, groups: [{ id: 42, shortId: 'SHOP-1A' }] }),
          checkIn('missed', '2026-11-20T02:00:00Z'),
          checkIn('ok', '2026-11-19T02:00:01Z'),
        ],
      };
    if (url.pathname === `${BASE}stats/`) return { body: STATS };
    if (url.pathname === ISSUES) return { body: [] };
    return undefined;
  };
  return { answer, writes };
}

const envRow = () => document.querySelector('.cron-env-table [data-environment="production"]') as HTMLElement;

function renderView(answer: Answer) {
  return renderWithApi(
    <MonitorView org="acme" slug="nightly-report" />,
    answer,
    '/organizations/acme/crons/nightly-report/',
    '/organizations/acme/crons/:slug/',
  );
}

const NIGHTLY = monitor('nightly-report', {
  name: 'Nightly report',
  config: {
    schedule_type: 'crontab',
    schedule: '0 3 * * *',
    checkin_margin: 5,
    max_runtime: 30,
    timezone: 'Europe/Vienna',
    failure_issue_threshold: 2,
    recovery_threshold: 3,
  },
  environments: [environment('production', { status: 'error', activeIncident: { startingTimestamp: '2026-11-20T02:00:00Z', resolvingTimestamp: null } })],
});

describe('MonitorView', () => {
  it('shows the schedule, each environment, check-ins with durations and their issues, charts and incidents', async () => {
    const { answer } = server(NIGHTLY);
    const api = renderView(answer);
    await screen.findByRole('heading', { name: 'Nightly report' });
    expect(screen.getByText('Every day at 03:00 Europe/Vienna', { selector: '[data-cell="schedule"]' })).toBeTruthy();
    const env = envRow();
    expect(within(env).getByText('Failing')).toBeTruthy();
    expect(env.textContent).toContain('failing since');

    const table = await screen.findByRole('table', { name: 'Check-ins' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['error', 'missed', 'ok']);
    expect(rows[0]?.textContent).toContain('2 s');
    expect(rows[1]?.textContent).toContain('missed');
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link', { name: 'SHOP-1A' })
        .getAttribute('href'),
    ).toBe('/organizations/acme/issues/42/');
    expect(api.to(`${BASE}checkins/`).some((u) => u.searchParams.get('expand') === 'groups')).toBe(true);

    const chart = await screen.findByRole('img', { name: '3 check-ins by status in the last 24 hours' });
    expect(chart.querySelectorAll('.chart-stack[data-series="missed"]').length).toBe(1);
    expect(screen.getByRole('img', { name: 'Mean duration of runs in the last 24 hours' })).toBeTruthy();
    const stats = api.to(`${BASE}stats/`)[0];
    expect(Number(stats?.searchParams.get('until')) - Number(stats?.searchParams.get('since'))).toBe(86_400);
    expect(stats?.searchParams.get('resolution')).toBe('3600s');

    await screen.findByText('No incidents');
    expect(api.to(ISSUES)[0]?.searchParams.get('query')).toBe('monitor.slug:nightly-report');
    expect(api.to(ISSUES)[0]?.searchParams.get('project')).toBe('2');
  });

  it('mutes through the API and shows the muted state the server answers', async () => {
    const { answer, writes } = server(NIGHTLY);
    renderView(answer);
    fireEvent.click(await screen.findByRole('button', { name: 'Mute' }));
    await screen.findByRole('button', { name: 'Unmute' });
    expect(writes).toEqual([{ method: 'PUT', body: { isMuted: true } }]);
    expect(screen.getByText(/Muted: failures are recorded/)).toBeTruthy();
    expect(envRow().textContent).toContain('Failing (muted)');
  });

  it('mutes one environment through its own endpoint', async () => {
    const { answer, writes } = server(NIGHTLY);
    renderView(answer);
    fireEvent.click(await screen.findByRole('button', { name: 'Mute production' }));
    await screen.findByRole('button', { name: 'Unmute production' });
    expect(writes).toEqual([{ method: 'PUT production', body: { isMuted: true } }]);
    expect(envRow().textContent).toContain('Failing (muted)');
    // The monitor itself stays unmuted.
    expect(screen.getByRole('button', { name: 'Mute' })).toBeTruthy();
  });

  it('saves an edited schedule and thresholds as a config PUT, and shows the server’s validation message', async () => {
    const { answer, writes } = server(NIGHTLY);
    renderView(answer);
    const crontab = await screen.findByLabelText('Crontab');
    fireEvent.change(crontab, { target: { value: '30 4 * * 1' } });
    expect(screen.getByText('At 04:30 Europe/Vienna, only on Monday')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Failure tolerance (check-ins)'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved');
    expect(writes[0]?.body).toEqual({
      config: {
        schedule_type: 'crontab',
        schedule: '30 4 * * 1',
        timezone: 'Europe/Vienna',
        checkin_margin: 5,
        max_runtime: 30,
        failure_issue_threshold: 4,
        recovery_threshold: 3,
      },
    });
    await screen.findByText('At 04:30 Europe/Vienna, only on Monday', { selector: '[data-cell="schedule"]' });

    fireEvent.change(screen.getByLabelText('Max runtime (minutes)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Enter a whole number of minutes from 1 to 40320');
    expect(writes).toHaveLength(1);
    cleanup();

    const rejecting = server(NIGHTLY, { config: { schedule: ['Only 5 field crontab syntax is supported'] } });
    renderView(rejecting.answer);
    fireEvent.change(await screen.findByLabelText('Crontab'), { target: { value: '0 0 2 * * *' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('config.schedule: Only 5 field crontab syntax is supported'));
    expect(screen.queryByText('Saved')).toBeNull();
  });

  it('says when the monitor does not exist', async () => {
    renderView(() => ({ status: 404, body: { detail: 'The requested resource does not exist' } }));
    await screen.findByText('Monitor not found');
  });
});
