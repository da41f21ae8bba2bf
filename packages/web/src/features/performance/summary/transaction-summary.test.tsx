import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, project, renderWithApi, table } from '../fake-api.test-support.js';
import { TransactionSummary } from './transaction-summary.js';

afterEach(cleanup);

const EVENTS = '/api/0/organizations/acme/events/';
const STATS = '/api/0/organizations/acme/events-stats/';
const NAME = 'GET /users/:id';
const TRACE = 'bb14f9a0334c4594b16028a527838693';

const durations = {
  'count()': 40,
  'tpm()': 40 / 1440,
  'failure_rate()': 0.25,
  'count_unique(user)': 7,
  'avg(transaction.duration)': 120,
  'min(transaction.duration)': 5,
  'p50(transaction.duration)': 80,
  'p75(transaction.duration)': 110,
  'p90(transaction.duration)': 300,
  'p95(transaction.duration)': 400,
  'p99(transaction.duration)': 900,
  'max(transaction.duration)': 1000,
};

function server(stats: { status?: number; body: unknown }): Answer {
  return (url) => {
    if (url.pathname === STATS) return stats;
    if (url.pathname !== EVENTS) return undefined;
    const fields = url.searchParams.getAll('field');
    if (url.searchParams.get('dataset') === 'spans')
      return table([
        {
          'span.op': 'db.query',
          'sentry.normalized_description': 'SELECT * FROM users WHERE id = %s',
          'count()': 40,
          'sum(span.self_time)': 2000,
          'avg(span.self_time)': 50,
          'time_spent_percentage()': 0.62,
        },
        {
          'span.op': 'middleware',
          'sentry.normalized_description': 'query',
          'count()': 40,
          'sum(span.self_time)': 80,
          'avg(span.self_time)': 2,
          'time_spent_percentage()': 0.025,
        },
      ]);
    if (fields.includes('trace'))
      return table([
        {
          id: 'a'.repeat(32),
          trace: TRACE,
          'transaction.duration': 1000,
          timestamp: '2026-11-21T15:30:46+00:00',
          'user.display': 'jane',
          'http.status_code': '500',
          release: 'shop@1.0.0',
        },
        {
          id: 'b'.repeat(32),
          trace: 'cc'.repeat(16),
          'transaction.duration': 900,
          timestamp: '2026-11-21T15:31:46+00:00',
          'user.display': null,
          'http.status_code': '200',
          release: null,
        },
      ]);
    if (fields.includes('p99(transaction.duration)')) return table([durations]);
    return table([]);
  };
}

function renderSummary(answer: Answer) {
  const search = new URLSearchParams({ project: '2', transaction: NAME, statsPeriod: '7d', environment: 'production' });
  return renderWithApi(
    <TransactionSummary org="acme" project={project} transaction={NAME} />,
    answer,
    `/organizations/acme/performance/summary/?${search}`,
    '/organizations/acme/performance/summary/',
  );
}

describe('TransactionSummary', () => {
  it('shows the percentiles as bars against the slowest, and the headline numbers', async () => {
    const api = renderSummary(server({ status: 404, body: { detail: 'Not found' } }));
    const p95 = await screen.findByText('p95');
    const row = p95.closest('.percentile-row') as HTMLElement;
    expect(row.textContent).toContain('400 ms');
    expect((row.querySelector('.percentile-bar') as HTMLElement).style.width).toBe('40%');
    expect((document.querySelector('[data-percentile="max"] .percentile-bar') as HTMLElement).style.width).toBe('100%');
    expect(screen.getByText('25%')).toBeTruthy();
    const asked = api.to(EVENTS).find((u) => u.searchParams.getAll('field').includes('p99(transaction.duration)'));
    expect(asked?.searchParams.get('query')).toBe('transaction:"GET /users/:id"');
    expect(asked?.searchParams.get('environment')).toBe('production');
    expect(asked?.searchParams.get('statsPeriod')).toBe('7d');
  });

  it('hides the p95 chart with a note when the server has no events-stats, and draws it when it has', async () => {
    renderSummary(server({ status: 404, body: { detail: 'Not found' } }));
    await screen.findByText(/does not offer event time series yet/);
    expect(screen.queryByRole('img', { name: /p95 duration/ })).toBeNull();
    cleanup();
    const api = renderSummary(
      server({
        body: {
          data: [
            [1795200000, [{ count: 200 }]],
            [1795221600, [{ count: null }]],
            [1795243200, [{ count: 400 }]],
          ],
          start: 1795200000,
          end: 1795264800,
        },
      }),
    );
    const chart = await screen.findByRole('img', { name: 'p95 duration of GET /users/:id in the last 7 days' });
    expect(chart.querySelectorAll('.chart-bar')).toHaveLength(2);
    const stats = api.to(STATS)[0];
    expect(stats?.searchParams.get('yAxis')).toBe('p95(transaction.duration)');
    expect(stats?.searchParams.get('interval')).toBe('6h');
    expect(stats?.searchParams.get('partial')).toBe('1');
  });

  it('lists the slowest transactions, each linking to its trace', async () => {
    const api = renderSummary(server({ status: 404, body: {} }));
    const first = await screen.findByRole('link', { name: `Trace ${TRACE}` });
    expect(first.getAttribute('href')).toBe(`/organizations/acme/traces/${TRACE}/`);
    const row = first.closest('tr') as HTMLElement;
    expect(row.textContent).toContain('1 s');
    expect(row.textContent).toContain('jane');
    expect(row.textContent).toContain('500');
    const asked = api.to(EVENTS).find((u) => u.searchParams.getAll('field').includes('trace'));
    expect(asked?.searchParams.get('sort')).toBe('-transaction.duration');
  });

  it('ranks the spans the route spends its time in, by total self time, with their share', async () => {
    const api = renderSummary(server({ status: 404, body: {} }));
    const spans = await screen.findByRole('region', { name: 'Spans that dominate' });
    await waitFor(() => expect(within(spans).getAllByRole('row')).toHaveLength(3));
    const [, db] = within(spans).getAllByRole('row');
    expect(db?.textContent).toContain('SELECT * FROM users WHERE id = %s');
    expect(db?.textContent).toContain('2 s');
    expect(db?.textContent).toContain('62%');
    const asked = api.to(EVENTS).find((u) => u.searchParams.get('dataset') === 'spans');
    expect(asked?.searchParams.getAll('field')).toEqual(expect.arrayContaining(['span.op', 'sentry.normalized_description', 'time_spent_percentage()']));
    expect(asked?.searchParams.get('query')).toBe('transaction:"GET /users/:id"');
    expect(asked?.searchParams.get('sort')).toBe('-sum(span.self_time)');
  });
});
