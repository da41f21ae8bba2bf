import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Replay } from '../../api/index.js';
import { type Answer, project, renderWithApi } from '../performance/fake-api.test-support.js';
import { ReplayListView } from './replay-list.js';

afterEach(cleanup);

const LIST = '/api/0/organizations/acme/replays/';

function replay(id: string, patch: Partial<Replay>): Replay {
  return {
    id: id.padEnd(32, '0'),
    project_id: '2',
    started_at: '2026-12-07T11:00:00+00:00',
    finished_at: '2026-12-07T11:00:08+00:00',
    duration: 8,
    urls: ['https://shop.example/'],
    count_errors: 0,
    error_ids: [],
    user: { id: '42', email: 'jane@example.com', display_name: 'jane@example.com' },
    ...patch,
  };
}

const server: Answer = (url) => {
  if (url.pathname !== LIST) return undefined;
  const rows = [
    replay('a1', { duration: 125, count_errors: 2, urls: ['https://shop.example/checkout', 'https://shop.example/done'], has_viewed: true }),
    replay('b2', { user: { ip: '10.0.0.9' }, started_at: '2026-12-07T10:00:00+00:00' }),
  ];
  return { body: { data: url.searchParams.get('query') === 'count_errors:>0' ? rows.slice(0, 1) : rows } };
};

describe('ReplayListView', () => {
  it('lists replays with user, first URL, duration, errors and start, each linking to its page', async () => {
    const api = renderWithApi(<ReplayListView org="acme" project={project} />, server, '/replays/?project=2', '/replays/');
    const list = await screen.findByRole('region', { name: 'Replays' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('.replay-link')?.textContent)).toEqual(['jane@example.com', '10.0.0.9']);
    // The replay the caller has not opened stands out, and says so to a screen reader.
    expect(rows.map((r) => r.getAttribute('data-viewed'))).toEqual(['true', 'false']);
    expect(rows.map((r) => r.querySelector('.replay-unviewed') !== null)).toEqual([false, true]);
    expect(rows[1]?.textContent).toContain('(not viewed yet)');
    const first = rows[0] as HTMLElement;
    expect(within(first).getByRole('link').getAttribute('href')).toBe(`/organizations/acme/replays/${'a1'.padEnd(32, '0')}/`);
    expect(first.querySelector('.replay-row-url')?.textContent).toBe('https://shop.example/checkout');
    expect(first.querySelector('[data-cell="duration"]')?.textContent).toBe('2 min 05 s');
    expect(first.querySelector('[data-cell="errors"]')?.textContent).toBe('2');
    expect(first.querySelector('[data-cell="started"] time')?.getAttribute('datetime')).toBe('2026-12-07T11:00:00.000Z');
    const asked = api.to(LIST)[0];
    expect([asked?.searchParams.get('project'), asked?.searchParams.get('sort'), asked?.searchParams.get('statsPeriod')]).toEqual(['2', '-started_at', '90d']);
  });

  it('sorts and searches on the server, starting again from the first page', async () => {
    const api = renderWithApi(<ReplayListView org="acme" project={project} />, server, '/replays/?project=2&cursor=0:25:0', '/replays/');
    await screen.findByRole('region', { name: 'Replays' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort replays' }), { target: { value: '-count_errors' } });
    await waitFor(() => expect(api.to(LIST).at(-1)?.searchParams.get('sort')).toBe('-count_errors'));
    expect(api.to(LIST).at(-1)?.searchParams.has('cursor')).toBe(false);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search replays' }), { target: { value: 'count_errors:>0' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Search replays' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(api.to(LIST).at(-1)?.searchParams.get('query')).toBe('count_errors:>0');
    expect(api.to(LIST).at(-1)?.searchParams.get('sort')).toBe('-count_errors');
  });

  it('says how to record replays when there are none', async () => {
    renderWithApi(<ReplayListView org="acme" project={project} />, (url) => (url.pathname === LIST ? { body: { data: [] } } : undefined), '/r/', '/r/');
    await screen.findByText('No replays in shop yet');
    expect(screen.getByText(/replayIntegration/)).toBeTruthy();
  });
});
