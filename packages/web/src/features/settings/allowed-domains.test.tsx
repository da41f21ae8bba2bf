import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, createApiClient } from '../../api/index.js';
import { ProjectSettingsSection } from './project-sections.js';

afterEach(cleanup);

/** A project endpoint that keeps what is PUT and refuses an empty list with the server's words. */
function renderSecurity() {
  const puts: unknown[] = [];
  let allowedDomains = ['*'];
  const client = createApiClient(async (_input, init) => {
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { allowedDomains?: string[] };
      puts.push(body);
      if (body.allowedDomains?.length === 0)
        return Response.json(
          {
            detail: 'Invalid project settings: allowedDomains',
            errors: { allowedDomains: ['Empty value will block all requests, use * to accept from all domains'] },
          },
          { status: 400 },
        );
      if (body.allowedDomains) allowedDomains = body.allowedDomains;
    }
    return Response.json({ slug: 'shop', scrubbing: null, allowedDomains });
  });
  render(
    <ApiProvider client={client}>
      <ProjectSettingsSection org="acme" project="shop" section="security" />
    </ApiProvider>,
  );
  return puts;
}

describe('Allowed domains settings', () => {
  it('shows the default, saves one domain per line without blank lines, and shows why an empty list is refused', async () => {
    const puts = renderSecurity();
    const field = (await screen.findByLabelText('Domains')) as HTMLTextAreaElement;
    expect(field.value).toBe('*');
    fireEvent.change(field, { target: { value: 'shop.example\n\n*.cdn.example ' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    await screen.findByText('Saved');
    expect(puts).toEqual([{ allowedDomains: ['shop.example', '*.cdn.example'] }]);
    expect(field.value).toBe('shop.example\n*.cdn.example');
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    expect(await screen.findByText('Empty value will block all requests, use * to accept from all domains')).toBeTruthy();
  });
});
