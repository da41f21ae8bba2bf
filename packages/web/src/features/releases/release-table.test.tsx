import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReleaseHealthData } from '../../api/index.js';
import { ReleaseTable } from './release-table.js';
import { release } from './release-test-data.test-support.js';

afterEach(cleanup);

const SHA = '2f4a1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c';

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

function health(patch: Partial<ReleaseHealthData>): ReleaseHealthData {
  return {
    crashFreeUsers: 100,
    crashFreeSessions: 100,
    totalUsers: 10,
    totalSessions: 40,
    sessionsCrashed: 0,
    sessionsErrored: 0,
    adoption: 50,
    sessionsAdoption: 40,
    hasHealthData: true,
    ...patch,
  };
}

const project = (id: number, healthData: ReleaseHealthData | null) => ({ id, slug: 'shop', name: 'shop', platform: 'node', newGroups: 0, healthData });

describe('ReleaseTable with health', () => {
  it('colours crash-free and unhandled-free rates of the asked project against its thresholds, with adoption', () => {
    render(
      <MemoryRouter>
        <ReleaseTable
          org="acme"
          health={{ projectId: '2', thresholds: { healthy: 99, warning: 97 } }}
          releases={[
            release('shop@2.5.0', {
              projects: [
                project(7, health({ crashFreeUsers: 10 })),
                project(
                  2,
                  health({
                    crashFreeUsers: 96.12,
                    crashFreeSessions: 98.5,
                    unhandledFreeUsers: 99.2,
                    unhandledFreeSessions: 90,
                    adoption: 83.33,
                    sessionsAdoption: 78.6,
                  }),
                ),
              ],
            }),
            release('shop@2.4.0', { projects: [project(2, health({ hasHealthData: false, crashFreeUsers: null, crashFreeSessions: null }))] }),
          ]}
        />
      </MemoryRouter>,
    );
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      'Version',
      'Created',
      'State',
      'Crash-free users',
      'Crash-free sessions',
      'Adoption',
      'New issues',
      'Events',
      'Last deploy',
      'Commits',
    ]);
    const [, first, second] = screen.getAllByRole('row') as HTMLElement[];
    const users = within(first as HTMLElement).getByLabelText(/^Crash-free users/);
    expect(users.textContent).toBe('96.1%');
    expect(users.dataset.level).toBe('bad');
    expect(users.getAttribute('aria-label')).toBe('Crash-free users 96.1%, below the 97% warning threshold');
    expect(within(first as HTMLElement).getByLabelText(/^Unhandled-free users/).dataset.level).toBe('good');
    expect(within(first as HTMLElement).getByLabelText(/^Crash-free sessions/).dataset.level).toBe('warning');
    const unhandledSessions = within(first as HTMLElement).getByLabelText(/^Unhandled-free sessions/);
    expect([unhandledSessions.textContent, unhandledSessions.dataset.level]).toEqual(['90%', 'bad']);
    expect((first as HTMLElement).querySelector('[data-health="adoption"]')?.textContent).toBe('83.3%78.6% of sessions');
    expect(second?.textContent).toContain('no sessions');
    // One cell spans the three health columns, so the row keeps the table's shape.
    expect(
      within(second as HTMLElement)
        .getByText('no sessions')
        .getAttribute('colspan'),
    ).toBe('3');
  });

  it('leaves the unhandled-free line out when the server does not send it, and the columns without health', () => {
    render(
      <MemoryRouter>
        <ReleaseTable
          org="acme"
          health={{ projectId: '2', thresholds: { healthy: 90, warning: 80 } }}
          releases={[release('shop@1.0.0', { projects: [project(2, health({ crashFreeUsers: 95 }))] })]}
        />
      </MemoryRouter>,
    );
    expect(screen.getByLabelText(/^Crash-free users/).dataset.level).toBe('good');
    expect(screen.queryByLabelText(/^Unhandled-free/)).toBeNull();
    cleanup();
    render(
      <MemoryRouter>
        <ReleaseTable org="acme" releases={[release('shop@1.0.0')]} />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('columnheader', { name: 'Adoption' })).toBeNull();
  });
});
