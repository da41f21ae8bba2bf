import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Breadcrumb } from '../../../api/index.js';
import { BreadcrumbsSection } from './breadcrumbs-section.js';
import { filterBreadcrumbs, NO_FILTER, timeBefore } from './filter-breadcrumbs.js';

afterEach(cleanup);

const crumbs: Breadcrumb[] = [
  { category: 'auth', message: 'user signed in', level: 'info', timestamp: '2026-03-01T10:00:00.000Z' },
  { category: 'http', type: 'http', level: 'info', data: { method: 'GET', url: '/api/cart', status_code: 200 }, timestamp: '2026-03-01T10:00:05.000Z' },
  { category: 'console', message: 'retrying payment', level: 'warning', timestamp: '2026-03-01T10:00:08.000Z' },
  { category: 'ui.click', message: 'button#pay', level: 'info', timestamp: '2026-03-01T10:00:09.500Z' },
];
const eventTime = '2026-03-01T10:00:10.000Z';

const rows = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('crumb'));

describe('filterBreadcrumbs', () => {
  it('matches every word against category, message and data, case-insensitively', () => {
    expect(filterBreadcrumbs(crumbs, { ...NO_FILTER, text: 'CART get' }).map((r) => r.index)).toEqual([1]);
    expect(filterBreadcrumbs(crumbs, { ...NO_FILTER, text: 'pay' }).map((r) => r.index)).toEqual([2, 3]);
    expect(filterBreadcrumbs(crumbs, { ...NO_FILTER, levels: new Set(['warning']) }).map((r) => r.index)).toEqual([2]);
    expect(filterBreadcrumbs(crumbs, { ...NO_FILTER, category: 'auth' }).map((r) => r.index)).toEqual([0]);
    expect(filterBreadcrumbs(crumbs, NO_FILTER)).toHaveLength(4);
  });

  it('says how long before the event a breadcrumb happened', () => {
    expect(timeBefore('2026-03-01T10:00:09.500Z', eventTime)).toBe('0.5 s before');
    expect(timeBefore('2026-03-01T09:58:10.000Z', eventTime)).toBe('2 min before');
    expect(timeBefore(1772359210, eventTime)).toBe('at the error');
  });
});

describe('BreadcrumbsSection', () => {
  it('lists the last action first with category, message, data and relative time', () => {
    render(<BreadcrumbsSection crumbs={crumbs} eventTime={eventTime} />);
    const list = rows();
    expect(list).toHaveLength(4);
    expect(list[0]?.textContent).toContain('ui.click');
    expect(list[0]?.textContent).toContain('button#pay');
    expect(list[0]?.textContent).toContain('0.5 s before');
    expect(list[3]?.textContent).toContain('user signed in');
    expect(within(list[2] as HTMLElement).getByText('/api/cart')).toBeTruthy();
  });

  it('filters by search text, level and category, and says when nothing matches', () => {
    render(<BreadcrumbsSection crumbs={crumbs} eventTime={eventTime} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search breadcrumbs' }), { target: { value: 'signed' } });
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('user signed in')]);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search breadcrumbs' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'warning' }));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('retrying payment');
    fireEvent.click(screen.getByRole('button', { name: 'warning' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Breadcrumb category' }), { target: { value: 'http' } });
    expect(rows()).toHaveLength(1);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search breadcrumbs' }), { target: { value: 'nothing-like-this' } });
    expect(screen.getByText('No breadcrumbs match.')).toBeTruthy();
  });
});
