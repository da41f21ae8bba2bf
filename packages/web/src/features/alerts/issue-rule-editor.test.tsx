import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, createApiClient } from '../../api/index.js';
import { IssueRuleEditor } from './issue-rule-editor.js';
import { CONDITION } from './rule-ids.js';

afterEach(cleanup);

type Sent = { method: string; path: string; body: Record<string, unknown> | null };

/**
 * A stand-in for the server at the network boundary: answers the editor's requests the way
 * the API does (the preview validates like create and names the field in `detail`).
 */
function server(sent: Sent[]) {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    sent.push({ method, path, body });
    if (path.endsWith('/notification-channels/'))
      return json(200, [{ id: '3', name: 'Ops hook', type: 'webhook', config: {}, dateCreated: '', dateModified: '' }]);
    if (path.endsWith('/teams/')) return json(200, [{ id: '1', slug: 'backend', name: 'Backend' }]);
    if (path.endsWith('/rules/preview/')) {
      const c = ((body?.conditions ?? []) as { value?: unknown }[])[0];
      if (c && c.value !== undefined && typeof c.value !== 'number') return json(400, { detail: 'conditions[0]: value must be a whole number ≥ 0' });
      return json(200, {
        window: { start: '', end: '', days: 14 },
        eventsExamined: 40,
        truncated: false,
        firings: 3,
        issueCount: 1,
        issues: [
          {
            id: '12',
            shortId: 'SHOP-C',
            title: 'TypeError: card is undefined',
            culprit: '',
            level: 'error',
            status: 'unresolved',
            firstSeen: '',
            lastSeen: '',
            matchedEvents: 9,
            firings: 3,
            firstFired: null,
            lastFired: null,
            reasons: ['A new issue was created'],
          },
        ],
      });
    }
    if (path.endsWith('/rules/') && method === 'POST') return json(400, { detail: 'runbookUrl must be an http(s) URL' });
    return json(404, { detail: 'not found' });
  };
}

function renderEditor(sent: Sent[]) {
  const client = createApiClient(server(sent));
  return render(
    <ApiProvider client={client}>
      <MemoryRouter>
        <IssueRuleEditor org="acme" project="shop" />
      </MemoryRouter>
    </ApiProvider>,
  );
}

describe('IssueRuleEditor', () => {
  it('shows the live preview of the rule being edited', async () => {
    const sent: Sent[] = [];
    renderEditor(sent);
    const preview = screen.getByRole('region', { name: 'Preview' });
    await within(preview).findByText(/would have notified/, {}, { timeout: 3000 });
    expect(preview.textContent).toMatch(/3 times about 1 issue/);
    expect(within(preview).getByRole('link', { name: 'TypeError: card is undefined' }).getAttribute('href')).toBe('/organizations/acme/issues/12/');
    expect(sent.find((s) => s.path.endsWith('/rules/preview/'))?.body).toMatchObject({ conditions: [{ id: CONDITION.firstSeen }] });
  });

  it('a problem the preview finds is shown next to the trigger it concerns', async () => {
    const sent: Sent[] = [];
    renderEditor(sent);
    fireEvent.change(screen.getByLabelText('Trigger 1'), { target: { value: 'eventFrequency' } });
    fireEvent.change(screen.getByLabelText('Trigger 1: more than N'), { target: { value: 'ten' } });
    const message = await screen.findByText('conditions[0]: value must be a whole number ≥ 0', { selector: '.field-error' }, { timeout: 3000 });
    expect(message.closest('li')?.querySelector('select')?.getAttribute('aria-label')).toBe('Trigger 1');
    expect(screen.getByLabelText('Trigger 1: more than N').getAttribute('aria-invalid')).toBe('true');
  });

  it('a save the server rejects keeps the form and puts the message under the field', async () => {
    const sent: Sent[] = [];
    renderEditor(sent);
    fireEvent.change(screen.getByLabelText('Rule name'), { target: { value: 'New checkout errors' } });
    await screen.findByLabelText(/Ops hook/);
    fireEvent.click(screen.getByLabelText(/Ops hook/));
    fireEvent.change(screen.getByLabelText('Runbook URL'), { target: { value: 'wiki/checkout' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create rule' }));
    const message = await screen.findByText('runbookUrl must be an http(s) URL', { selector: '.field-error' });
    expect(message.id).toBe('rule-runbook-error');
    expect(screen.getByLabelText('Runbook URL').getAttribute('aria-describedby')).toBe('rule-runbook-error');
    expect((screen.getByLabelText('Rule name') as HTMLInputElement).value).toBe('New checkout errors');
    const create = sent.find((s) => s.method === 'POST' && s.path.endsWith('/projects/acme/shop/rules/'));
    expect(create?.body).toMatchObject({
      name: 'New checkout errors',
      actions: [{ id: 'faultline.rules.actions.NotifyChannelAction', channel: '3' }],
      runbookUrl: 'wiki/checkout',
    });
  });
});
