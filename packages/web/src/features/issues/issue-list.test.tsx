import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { Issue } from '../../api/index.js';
import { IssueList } from './issue-list.js';
import type { IssueChange } from './status-changes.js';

afterEach(cleanup);

function issue(n: number): Issue {
  const hour = 1_795_276_800;
  return {
    id: String(n),
    shortId: `SHOP-${n.toString(36).toUpperCase()}`,
    title: `TypeError: cannot read property ${n} of undefined`,
    culprit: `checkout/handler${n}(app)`,
    level: n % 7 === 0 ? 'warning' : 'error',
    status: 'unresolved',
    substatus: n % 5 === 0 ? 'regressed' : 'ongoing',
    statusDetails: {},
    count: String(n * 37),
    userCount: n * 3,
    firstSeen: '2026-11-01T10:00:00Z',
    lastSeen: '2026-11-21T10:00:00Z',
    firstRelease: { version: 'shop@1.0.0' },
    lastRelease: { version: 'shop@1.1.0' },
    assignedTo: n % 3 === 0 ? { type: 'user', id: '1', name: 'Jane' } : null,
    metadata: { type: 'TypeError', value: `cannot read property ${n} of undefined` },
    stats: { '24h': Array.from({ length: 24 }, (_, i): [number, number] => [hour + i * 3600, (i * n) % 9]) },
  };
}

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderList(issues: Issue[], changes: { ids: string[]; change: IssueChange }[] = []) {
  return render(
    <MemoryRouter initialEntries={['/organizations/acme/issues/']}>
      <Routes>
        <Route
          path="/organizations/acme/issues/"
          element={<IssueList org="acme" issues={issues} statsKey="24h" pending={false} onChange={(ids, change) => changes.push({ ids, change })} />}
        />
        <Route path="*" element={<Where />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('IssueList', () => {
  // The 300 ms budget is checked in real Chromium on the production build (e2e/list-performance.test.ts).
  it('renders one row per issue, in order', () => {
    const issues = Array.from({ length: 100 }, (_, i) => issue(i + 1));
    renderList(issues);
    const rows = [...document.querySelectorAll('.issue-rows > li')];
    expect(rows).toHaveLength(100);
    expect(rows.map((r) => r.getAttribute('data-issue-id'))).toEqual(issues.map((i) => i.id));
  });

  it('shows level, title, culprit, short id, counts, sparkline, release and assignee in a row', () => {
    renderList([issue(3)]);
    const row = document.querySelector('.issue-row') as HTMLElement;
    expect(within(row).getByRole('link').getAttribute('href')).toBe('/organizations/acme/issues/3/');
    expect(row.textContent).toContain('TypeError cannot read property 3 of undefined');
    expect(row.textContent).toContain('checkout/handler3(app)');
    expect(row.textContent).toContain('SHOP-3');
    expect(row.textContent).toContain('111');
    expect(row.textContent).toContain('shop@1.0.0');
    expect(row.textContent).toContain('Jane');
    expect(within(row).getByRole('img').getAttribute('aria-label')).toMatch(/events in the chart period/);
    expect(row.querySelector('time')?.getAttribute('title')).toMatch(/^Last seen: .*2026/);
  });

  it('moves with j/k, selects with x, resolves with e and opens with Enter', () => {
    const changes: { ids: string[]; change: IssueChange }[] = [];
    renderList([issue(1), issue(2), issue(3)], changes);
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'j' });
    fireEvent.keyDown(document.body, { key: 'k' });
    fireEvent.keyDown(document.body, { key: 'j' });
    const focused = document.querySelector('.issue-row.is-focused');
    expect(focused?.getAttribute('data-issue-id')).toBe('2');
    fireEvent.keyDown(document.body, { key: 'x' });
    expect(screen.getByRole('checkbox', { name: 'Select SHOP-2' })).toHaveProperty('checked', true);
    expect(screen.getByText('1 selected')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'e' });
    expect(changes).toEqual([{ ids: ['2'], change: { status: 'resolved' } }]);
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(screen.getByTestId('where').textContent).toBe('/organizations/acme/issues/2/');
  });

  it('applies bulk actions to the selected rows only; merge needs two', () => {
    const changes: { ids: string[]; change: IssueChange }[] = [];
    renderList([issue(1), issue(2), issue(3)], changes);
    const resolve = screen.getByRole('button', { name: 'Resolve' });
    expect(resolve).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select SHOP-1' }));
    expect(screen.getByRole('button', { name: 'Merge…' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select SHOP-3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Resolve in next release' }));
    expect(changes.at(-1)).toEqual({ ids: ['1', '3'], change: { status: 'resolvedInNextRelease' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ignore' }));
    fireEvent.click(screen.getByRole('menuitem', { name: '100 times in an hour' }));
    expect(changes.at(-1)).toEqual({ ids: ['1', '3'], change: { status: 'ignored', statusDetails: { ignoreCount: 100, ignoreWindow: 60 } } });
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge 2 issues' }));
    expect(changes.at(-1)).toEqual({ ids: ['1', '3'], change: { merge: 1 } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all issues on this page' }));
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(changes.at(-1)).toEqual({ ids: ['1', '2', '3'], change: { status: 'resolved' } });
  });
});
