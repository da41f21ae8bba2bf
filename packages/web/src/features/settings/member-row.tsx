import { useId, useState } from 'react';
import type { Member, MemberRole } from '../../api/index.js';
import { RelativeTime } from '../../ui/relative-time.js';
import { canManage, grantableRoles, isLastOwner, ROLES } from './member-roles.js';

export interface MemberRowProps {
  member: Member;
  myRole: string;
  access: readonly string[];
  isSelf: boolean;
  ownerCount: number;
  busy: boolean;
  onRole: (role: MemberRole) => void;
  onRemove: () => void;
  onResend: () => void;
}

/** One member (role select, remove with a confirmation) or one pending invitation (resend, cancel). */
export function MemberRow({ member: m, myRole, access, isSelf, ownerCount, busy, onRole, onRemove, onResend }: MemberRowProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const manageable = canManage(myRole, m.role, access);
  const lastOwner = !m.pending && isLastOwner(m.role, ownerCount);
  // The current role stays listed even when it is above what one may grant.
  const options = ROLES.filter((r) => r.role === m.role || grantableRoles(myRole).includes(r.role));
  const who = m.name || m.email;
  const removable = !lastOwner && (manageable || (isSelf && !m.pending));
  const removeLabel = m.pending ? 'Cancel invitation' : isSelf ? 'Leave organization' : 'Remove';

  return (
    <tr>
      <td>
        <div>
          {who}
          {isSelf && <span className="faint"> (you)</span>}
        </div>
        {m.name && m.name !== m.email && <div className="faint">{m.email}</div>}
      </td>
      <td>
        {manageable && !m.pending && !lastOwner ? (
          <>
            <label htmlFor={`${id}-role`} className="sr-only">
              Role of {who}
            </label>
            <select id={`${id}-role`} value={m.role} disabled={busy} onChange={(e) => onRole(e.target.value as MemberRole)}>
              {options.map((r) => (
                <option key={r.role} value={r.role}>
                  {r.label}
                </option>
              ))}
            </select>
          </>
        ) : (
          <span className="badge">{m.role}</span>
        )}
        {lastOwner && <div className="field-hint">The only owner: make someone else owner first.</div>}
      </td>
      <td>
        {(m.teams ?? []).map((t) => (
          <span key={t} className="badge">
            #{t}
          </span>
        ))}
      </td>
      <td>
        {m.pending ? (
          <>
            <span className={`badge ${m.expired ? 'badge-warn' : ''}`}>{m.expired ? 'Invitation expired' : 'Invitation pending'}</span>
            {!m.expired && m.dateExpires && (
              <div className="faint">
                expires <RelativeTime value={m.dateExpires} />
              </div>
            )}
          </>
        ) : (
          <RelativeTime value={m.dateCreated} />
        )}
      </td>
      <td className="actions-cell">
        {m.pending && manageable && (
          <button type="button" className="btn btn-small" disabled={busy} onClick={onResend}>
            Resend
          </button>
        )}
        {removable &&
          (confirming ? (
            <>
              <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={onRemove}>
                {removeLabel}: {who}
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => setConfirming(true)}>
              {removeLabel}…
            </button>
          ))}
      </td>
    </tr>
  );
}
