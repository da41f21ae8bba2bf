import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, createApiClient, type Organization } from '../../api/index.js';
import { OrgSwitcher } from './switchers.js';

afterEach(cleanup);

const orgs: Organization[] = [
  { id: '1', slug: 'acme', name: 'Acme' },
  { id: '2', slug: 'globex', name: 'Globex' },
  { id: '3', slug: 'initech', name: 'Initech' },
];

/** The server as a superuser's session sees it: every organization, and `isMember` for the open one. */
function renderSwitcher(isMember: boolean): { detailServed: () => boolean } {
  let served = false;
  const client = createApiClient(async (input) => {
    const path = new URL(String(input), 'http://faultline.test').pathname;
    if (path !== '/api/0/organizations/') served = true;
    const body = path === '/api/0/organizations/' ? orgs : { ...orgs[1], role: 'owner', isMember };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  render(
    <ApiProvider client={client}>
      <MemoryRouter>
        <OrgSwitcher org="globex" />
      </MemoryRouter>
    </ApiProvider>,
  );
  return { detailServed: () => served };
}

describe('OrgSwitcher', () => {
  it('lists every organization the server returns, and marks superuser access to one the user is not a member of', async () => {
    renderSwitcher(false);
    const badge = await screen.findByText('superuser');
    expect(badge.getAttribute('title')).toMatch(/not a member/);
    fireEvent.click(await screen.findByRole('button', { name: 'Organization: Globex' }));
    expect(screen.getAllByRole('menuitemradio').map((i) => i.textContent)).toEqual(['Acme acme', 'Globex globex', 'Initech initech']);
  });

  it('shows no badge in an organization the user belongs to', async () => {
    const { detailServed } = renderSwitcher(true);
    await screen.findByRole('button', { name: 'Organization: Globex' });
    await waitFor(() => expect(detailServed()).toBe(true));
    // Let the answer render before looking for what it would have shown.
    await act(async () => {});
    expect(screen.queryByText('superuser')).toBeNull();
  });
});
