import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, project, renderWithApi, table } from './fake-api.test-support.js';
import { PerformanceView } from './performance-view.js';

afterEach(cleanup);

const EVENTS = '/api/0/organizations/acme/events/';

function route(name: string, p95: number, count: number, patch: Record<string, number> = {}) {
  return {
    transaction: name,
    'p50(transaction.duration)': p95 / 2,
    'p95(transaction.duration)': p95,
    'tpm()': count / 1440,
    'failure_rate()': 0,
    'count_unique(user)': 1,
    'count()': count,
    ...patch,
  };
}

/** The server: current window, previous window, and the environment and release choices. */
function server(rows: ReturnType<typeof route>[], previous: Record<string, string | number | null>[]): Answer {
  return (url) => {
    if (url.pathname !== EVENTS) return undefined;
    const fields = url.searchParams.getAll('field');
    if (fields[0] === 'environment')
      return table([
        { environment: 'production', 'count()': 3 },
        { environment: 'staging', 'count()': 1 },
      ]);
    if (fields[0] === 'release') return table([{ release: 'shop@1.0.0', 'count()': 4 }]);
    if (url.searchParams.has('statsPeriodStart')) return table(previous);
    return table(rows);
  };
}

function renderView(answer: Answer, search = '') {
  return renderWithApi(
    <PerformanceView org="acme" project={project} />,
    answer,
    `/organizations/acme/performance/?project=2${search}`,
    '/organizations/acme/performance/',
  );
}

describe('PerformanceView', () => {
  it('lists each route with its latencies, throughput, failures and users, and its p95 against the previous window', async () => {
    const api = renderView(
      server(
        [route('GET /users/:id', 150, 1440, { 'failure_rate()': 1, 'count_unique(user)': 3, 'epm_estimated()': 4 }), route('GET /ok', 12, 2880)],
        [{ transaction: 'GET /users/:id', 'p95(transaction.duration)': 100 }],
      ),
    );
    const users = await screen.findByRole('row', { name: /GET \/users\/:id/ });
    await waitFor(() => expect(within(users).getByText('+50%')).toBeTruthy());
    expect(users.textContent).toContain('75 ms');
    expect(users.textContent).toContain('150 ms');
    expect(users.textContent).toContain('1/min received');
    // Sampled at 25 %: the server's estimate before sampling is shown beside what arrived, where it gives one.
    expect(users.textContent).toContain('≈ 4/min before sampling');
    expect(users.textContent).toContain('100%');
    expect(within(users).getByRole('link').getAttribute('href')).toBe(
      '/organizations/acme/performance/summary/?project=2&transaction=GET+%2Fusers%2F%3Aid&statsPeriod=24h',
    );
    const ok = screen.getByRole('row', { name: /GET \/ok/ });
    expect(within(ok).getByText('new')).toBeTruthy();
    expect(ok.textContent).toContain('2/min received');
    expect(ok.textContent).not.toContain('before sampling');

    const current = api
      .to(EVENTS)
      .find(
        (u) => u.searchParams.getAll('field').includes('count()') && u.searchParams.get('statsPeriod') === '24h' && u.searchParams.getAll('field').length > 2,
      );
    expect(current?.searchParams.get('dataset')).toBe('transactions');
    expect(current?.searchParams.get('project')).toBe('2');
    expect(current?.searchParams.get('sort')).toBe('-tpm()');
    expect(current?.searchParams.getAll('field')).toContain('epm_estimated()');
    const prev = api.to(EVENTS).find((u) => u.searchParams.has('statsPeriodStart'));
    expect(prev?.searchParams.get('statsPeriodStart')).toBe('48h');
    expect(prev?.searchParams.get('statsPeriodEnd')).toBe('24h');
    expect(prev?.searchParams.has('statsPeriod')).toBe(false);
    expect(prev?.searchParams.get('query')).toBe('transaction:["GET /users/:id","GET /ok"]');
  });

  it('sorts on the server: a header click asks for that field, a second click flips it', async () => {
    const api = renderView(server([route('GET /a', 10, 1)], []));
    await screen.findByRole('row', { name: /GET \/a/ });
    fireEvent.click(screen.getByRole('button', { name: /^p95/ }));
    await waitFor(() => expect(api.to(EVENTS).some((u) => u.searchParams.get('sort') === '-p95(transaction.duration)')).toBe(true));
    expect(screen.getByRole('columnheader', { name: 'p95' }).getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getByRole('button', { name: /^p95/ }));
    await waitFor(() => expect(api.to(EVENTS).some((u) => u.searchParams.get('sort') === 'p95(transaction.duration)')).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: /^Users/ }));
    await waitFor(() => expect(api.to(EVENTS).some((u) => u.searchParams.get('sort') === '-count_unique(user)')).toBe(true));
  });

  it('filters by environment and release from the values that have transactions', async () => {
    const api = renderView(server([route('GET /a', 10, 1)], []));
    await screen.findByRole('option', { name: 'staging' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Environment' }), { target: { value: 'production' } });
    await screen.findByRole('option', { name: 'shop@1.0.0' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Release' }), { target: { value: 'shop@1.0.0' } });
    await waitFor(() =>
      expect(
        api
          .to(EVENTS)
          .some(
            (u) =>
              u.searchParams.get('environment') === 'production' &&
              u.searchParams.get('query') === 'release:"shop@1.0.0"' &&
              u.searchParams.getAll('field').length > 2,
          ),
      ).toBe(true),
    );
  });

  it('says what to do when the project has no transactions, and shows the server error otherwise', async () => {
    renderView(server([], []));
    await screen.findByText('No transactions in shop in the last 24 hours');
    cleanup();
    renderView((url) => (url.searchParams.getAll('field').length > 2 ? { status: 400, body: { detail: 'Invalid statsPeriod: 1y' } } : table([])));
    expect((await screen.findByRole('alert')).textContent).toContain('Invalid statsPeriod: 1y');
  });
});
