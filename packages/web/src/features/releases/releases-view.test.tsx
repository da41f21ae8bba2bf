import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, project, renderWithApi } from '../performance/fake-api.test-support.js';
import { health, releaseWithHealth } from './release-test-data.test-support.js';
import { ReleasesView } from './releases-view.js';

afterEach(cleanup);

const LIST = '/api/0/organizations/acme/releases/';
const newest = { ...releaseWithHealth('shop@2.5.0', health({ crashFreeUsers: 99.9 })), id: 2 };
const worst = { ...releaseWithHealth('shop@2.4.0', health({ crashFreeUsers: 91.2 })), id: 1 };

/** The list in the order the server would give for the request's sort. */
const server: Answer = (url) => {
  if (url.pathname === LIST) return { body: url.searchParams.get('sort') === 'crash_free_users' ? [worst, newest] : [newest, worst] };
  if (url.pathname === '/api/0/projects/acme/shop/') return { body: { slug: 'shop', healthThresholds: { healthy: 99, warning: 97 } } };
  return undefined;
};

const versions = () => [...document.querySelectorAll('tr[data-release]')].map((tr) => tr.getAttribute('data-release'));

describe('ReleasesView', () => {
  it('asks the server for Sentry’s orders: health sorts flattened, worst release first; the order stays in the URL', async () => {
    const api = renderWithApi(
      <ReleasesView org="acme" project={project} />,
      server,
      '/organizations/acme/releases/?project=2',
      '/organizations/acme/releases/',
    );
    await waitFor(() => expect(versions()).toEqual(['shop@2.5.0', 'shop@2.4.0']));
    const first = api.to(LIST)[0];
    expect([first?.searchParams.get('sort'), first?.searchParams.get('flatten'), first?.searchParams.get('health')]).toEqual([null, null, '1']);

    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'crash_free_users' } });
    await waitFor(() => expect(versions()).toEqual(['shop@2.4.0', 'shop@2.5.0']));
    const ranked = api.to(LIST).at(-1);
    expect([ranked?.searchParams.get('sort'), ranked?.searchParams.get('flatten'), ranked?.searchParams.get('project')]).toEqual([
      'crash_free_users',
      '1',
      '2',
    ]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'semver' } });
    await waitFor(() => expect(api.to(LIST).at(-1)?.searchParams.get('sort')).toBe('semver'));
    expect(api.to(LIST).at(-1)?.searchParams.get('flatten')).toBeNull();
  });
});
