import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, project, renderWithApi, table } from '../performance/fake-api.test-support.js';
import { logsQueryOf } from './logs-query.js';
import { LogsView } from './logs-view.js';

afterEach(cleanup);

const EVENTS = '/api/0/organizations/acme/events/';
const TRACE = '9bcd7ff6e1ad4a87a1a6a9ce99a6ba49';

function line(id: string, severity: string, message: string, second: number) {
  return {
    id,
    timestamp: `2026-11-21T15:30:${String(second).padStart(2, '0')}+00:00`,
    timestamp_precise: (1795275000 + second) * 1e9,
    severity,
    message,
    trace: TRACE,
    project: 'shop',
  };
}

const LINES = [line('c', 'error', 'Payment failed', 59), line('b', 'warn', 'Cart total 12.5 exceeds 10', 58), line('a', 'info', 'User logged in', 57)];

const server: Answer = (url) => (url.pathname === EVENTS && url.searchParams.get('dataset') === 'logs' ? table(LINES) : undefined);

function renderView(search = '') {
  return renderWithApi(<LogsView org="acme" project={project} />, server, `/organizations/acme/logs/${search}`, '/organizations/acme/logs/');
}

describe('LogsView', () => {
  it('shows the newest lines with their severity, each linked to its trace', async () => {
    const api = renderView();
    const rows = await screen.findAllByRole('row');
    expect(rows.slice(1).map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual([
      'Payment failed',
      'Cart total 12.5 exceeds 10',
      'User logged in',
    ]);
    const link = within(rows[1] as HTMLElement).getByRole('link', { name: TRACE.slice(0, 8) });
    expect(link.getAttribute('href')).toBe(`/organizations/acme/traces/${TRACE}/`);
    const asked = api.to(EVENTS)[0];
    expect(asked?.searchParams.get('sort')).toBe('-timestamp');
    expect(asked?.searchParams.get('project')).toBe(project.id);
    expect(asked?.searchParams.getAll('field')).toContain('message');
  });

  it('asks the server for the chosen severity and search, and one trace’s lines from the trace page', async () => {
    const api = renderView(`?trace=${TRACE}`);
    await screen.findAllByRole('row');
    expect(api.to(EVENTS).at(-1)?.searchParams.get('query')).toBe(`trace:${TRACE}`);
    fireEvent.change(screen.getByLabelText('Minimum severity'), { target: { value: 'warn' } });
    fireEvent.change(screen.getByLabelText('Search logs'), { target: { value: 'payment' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(api.to(EVENTS).at(-1)?.searchParams.get('query')).toBe(`payment severity:>=warn trace:${TRACE}`));
  });

  it('builds no query from an empty or malformed filter', () => {
    expect(logsQueryOf({ severity: '', search: '  ', trace: '' })).toBe('');
    expect(logsQueryOf({ severity: 'bogus', search: '', trace: 'not-a-trace' })).toBe('');
  });
});
