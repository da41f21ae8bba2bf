import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ReleaseTable } from './release-table.js';
import type { Release } from './release-types.js';

afterEach(cleanup);

const SHA = '2f4a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c';

function release(version: string, patch: Partial<Release> = {}): Release {
  return {
    id: version.length,
    version,
    shortVersion: version,
    ref: null,
    url: null,
    status: 'open',
    dateCreated: '2026-11-20T10:00:00.000Z',
    dateReleased: null,
    firstEvent: null,
    lastEvent: null,
    newGroups: 0,
    eventCount: 0,
    commitCount: 0,
    lastCommit: null,
    authors: [],
    deployCount: 0,
    lastDeploy: null,
    projects: [],
    ...patch,
  };
}

describe('ReleaseTable', () => {
  it('shows a short version with its package, links the full one, and says finalized or unreleased', () => {
    render(
      <MemoryRouter>
        <ReleaseTable
          org="acme"
          releases={[
            release('shop@2.0.0+build-7', {
              dateReleased: '2026-11-20T11:00:00.000Z',
              newGroups: 3,
              eventCount: 1500,
              commitCount: 4,
              lastDeploy: { id: '1', environment: 'production', name: null, url: null, dateStarted: null, dateFinished: '2026-11-20T12:00:00.000Z' },
            }),
            release(SHA),
          ]}
        />
      </MemoryRouter>,
    );
    const link = screen.getByRole('link', { name: 'Release shop@2.0.0+build-7' });
    expect(link.getAttribute('href')).toBe('/organizations/acme/releases/shop@2.0.0%2Bbuild-7/');
    expect(link.textContent).toBe('2.0.0 (build-7)shop');
    const [, first, second] = screen.getAllByRole('row');
    expect(within(first as HTMLElement).getByText('Finalized')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('production')).toBeTruthy();
    expect(first?.textContent).toContain('1.5k');
    expect(screen.getByRole('link', { name: `Release ${SHA}` }).textContent).toBe('2f4a1b3c4d5e');
    expect(within(second as HTMLElement).getByText('Unreleased')).toBeTruthy();
    // Relative time in the cell, the exact one on hover.
    expect(
      within(first as HTMLElement)
        .getByTitle(/^Created: /)
        .getAttribute('datetime'),
    ).toBe('2026-11-20T10:00:00.000Z');
  });
});
