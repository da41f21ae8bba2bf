import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider, createApiClient, type Member } from '../../api/index.js';
import { InviteForm } from './invite-form.js';
import { MemberRow, type MemberRowProps } from './member-row.js';

afterEach(cleanup);

function member(patch: Partial<Member>): Member {
  return {
    id: '7',
    email: 'kim@acme.test',
    name: 'Kim',
    role: 'member',
    pending: false,
    teams: ['backend'],
    dateCreated: '2026-11-20T10:00:00.000Z',
    user: { id: '3', email: 'kim@acme.test', name: 'Kim' },
    ...patch,
  };
}

function renderRow(patch: Partial<MemberRowProps>) {
  const props: MemberRowProps = {
    member: member({}),
    myRole: 'admin',
    access: ['member:read', 'member:write'],
    isSelf: false,
    ownerCount: 1,
    busy: false,
    onRole: vi.fn(),
    onRemove: vi.fn(),
    onResend: vi.fn(),
    ...patch,
  };
  render(
    <table>
      <tbody>
        <MemberRow {...props} />
      </tbody>
    </table>,
  );
  return props;
}

describe('MemberRow', () => {
  it('offers an admin only the roles an admin may grant, and changes the role', () => {
    const props = renderRow({});
    const select = screen.getByRole('combobox', { name: 'Role of Kim' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Member', 'Admin']);
    fireEvent.change(select, { target: { value: 'admin' } });
    expect(props.onRole).toHaveBeenCalledWith('admin');
  });

  it('shows a higher role read-only to someone below it', () => {
    renderRow({ member: member({ role: 'manager' }) });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('keeps the last owner: no role change, no removal', () => {
    renderRow({ member: member({ role: 'owner' }), myRole: 'owner', isSelf: true });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.getByText(/The only owner/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Leave/ })).toBeNull();
  });

  it('asks before removing', () => {
    const props = renderRow({});
    fireEvent.click(screen.getByRole('button', { name: 'Remove…' }));
    expect(props.onRemove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Remove: Kim' }));
    expect(props.onRemove).toHaveBeenCalledOnce();
  });

  it('lists a pending invitation with resend and cancel', () => {
    const props = renderRow({ member: member({ id: 'invite-4', name: 'new@acme.test', email: 'new@acme.test', pending: true, user: null, teams: [] }) });
    expect(screen.getByText('Invitation pending')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resend' }));
    expect(props.onResend).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Cancel invitation…' })).toBeTruthy();
  });
});

describe('InviteForm', () => {
  it('sends e-mail, role and teams; a manager cannot pick owner', async () => {
    const sent: unknown[] = [];
    const client = createApiClient(async (_input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ ...member({ id: 'invite-1', pending: true, user: null }), inviteLink: 'http://x/accept-invite/1/t/' }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    });
    const onInvited = vi.fn();
    render(
      <ApiProvider client={client}>
        <InviteForm org="acme" myRole="manager" teams={[{ id: '1', slug: 'backend', name: 'Backend' }]} onInvited={onInvited} />
      </ApiProvider>,
    );
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(
      within(role)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Member', 'Admin', 'Manager']);
    fireEvent.change(screen.getByRole('textbox', { name: 'E-mail' }), { target: { value: 'new@acme.test' } });
    fireEvent.change(role, { target: { value: 'admin' } });
    fireEvent.click(screen.getByRole('checkbox', { name: '#backend' }));
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    await waitFor(() => expect(onInvited).toHaveBeenCalledOnce());
    expect(sent).toEqual([{ email: 'new@acme.test', orgRole: 'admin', teams: ['backend'] }]);
  });
});
