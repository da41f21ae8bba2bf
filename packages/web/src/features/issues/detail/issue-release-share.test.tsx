import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Issue } from '../../../api/index.js';
import { renderWithApi, table } from '../../performance/fake-api.test-support.js';
import { IssueReleaseShare, userShare } from './issue-release-share.js';

afterEach(cleanup);

const ISSUE = {
  id: '41',
  shortId: 'SHOP-3',
  project: { id: '2', slug: 'shop' },
  firstRelease: { version: 'shop@2.4.0' },
  lastRelease: { version: 'shop@2.5.0' },
} as Issue;

const releaseWith = (totalUsers: number | null) => ({
  version: 'x',
  projects: [
    { id: 9, slug: 'other', healthData: { totalUsers: 1 } },
    { id: 2, slug: 'shop', healthData: { totalUsers, hasHealthData: totalUsers !== null } },
  ],
});

describe('IssueReleaseShare', () => {
  it('says what share of each release’s session users the issue’s events reached, newest release first', async () => {
    const api = renderWithApi(
      <IssueReleaseShare org="acme" issue={ISSUE} />,
      (url) => {
        if (url.pathname === '/api/0/organizations/acme/events/')
          return table([
            { release: 'shop@2.5.0', 'count_unique(user)': 3 },
            { release: 'shop@2.4.0', 'count_unique(user)': 1 },
          ]);
        if (url.pathname === '/api/0/organizations/acme/releases/shop@2.5.0/') return { body: releaseWith(25) };
        if (url.pathname === '/api/0/organizations/acme/releases/shop@2.4.0/') return { body: releaseWith(null) };
        return undefined;
      },
      '/organizations/acme/issues/41/',
      '/organizations/acme/issues/:id/',
    );
    await waitFor(() => expect(document.querySelector('[data-release="shop@2.5.0"]')?.textContent).toBe('Affected 12% of the users of shop@2.5.0 (3 of 25)'));
    await waitFor(() =>
      expect(document.querySelector('[data-release="shop@2.4.0"]')?.textContent).toBe(
        '1 user of shop@2.4.0 (the release has no session users to compare with)',
      ),
    );
    expect(screen.getByRole('link', { name: 'shop@2.5.0' }).getAttribute('href')).toBe('/organizations/acme/releases/shop@2.5.0/');
    const events = api.to('/api/0/organizations/acme/events/')[0];
    expect(events?.searchParams.get('dataset')).toBe('errors');
    expect(events?.searchParams.getAll('field')).toEqual(['release', 'count_unique(user)']);
    expect([events?.searchParams.get('query'), events?.searchParams.get('project'), events?.searchParams.get('statsPeriod')]).toEqual([
      'issue.id:41',
      '2',
      '14d',
    ]);
    const health = api.to('/api/0/organizations/acme/releases/shop@2.5.0/')[0];
    expect([health?.searchParams.get('health'), health?.searchParams.get('project'), health?.searchParams.get('summaryStatsPeriod')]).toEqual([
      '1',
      '2',
      '14d',
    ]);
  });

  it('shows nothing for an issue without a release', () => {
    const api = renderWithApi(
      <IssueReleaseShare org="acme" issue={{ ...ISSUE, firstRelease: null, lastRelease: null }} />,
      () => undefined,
      '/organizations/acme/issues/41/',
      '/organizations/acme/issues/:id/',
    );
    expect(screen.queryByRole('heading', { name: 'Release users affected' })).toBeNull();
    expect(api.requests).toHaveLength(0);
  });

  it('caps the share at 100% (event users and session users are counted apart) and has none without users', () => {
    expect(userShare(30, 25)).toBe(100);
    expect(userShare(1, 4)).toBe(25);
    expect(userShare(1, 0)).toBeNull();
    expect(userShare(1, null)).toBeNull();
  });
});
