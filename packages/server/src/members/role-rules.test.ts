import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkGrant, checkMemberChange, grantableRoles } from './role-rules.js';

describe('member role rules', () => {
  it('grants up to one’s own role; only owners make owners', () => {
    assert.deepEqual(grantableRoles('owner'), ['member', 'admin', 'manager', 'owner']);
    assert.deepEqual(grantableRoles('manager'), ['member', 'admin', 'manager']);
    assert.deepEqual(grantableRoles('admin'), ['member', 'admin']);
    assert.deepEqual(grantableRoles('member'), ['member']);
    assert.deepEqual(checkGrant('manager', 'owner'), { ok: false, reason: 'Only an owner can make someone an owner' });
    assert.equal(checkGrant('owner', 'owner').ok, true);
  });

  it('never demotes or removes the last owner, even by themselves', () => {
    const owner = { memberId: 1, role: 'owner' as const };
    const r1 = checkMemberChange({ actor: owner, target: owner, newRole: 'admin', ownerCount: 1 });
    assert.equal(r1.ok, false);
    const r2 = checkMemberChange({ actor: owner, target: owner, newRole: null, ownerCount: 1 });
    assert.deepEqual(r2, { ok: false, reason: 'Cannot remove the last owner of the organization' });
    assert.equal(checkMemberChange({ actor: owner, target: owner, newRole: 'admin', ownerCount: 2 }).ok, true);
  });

  it('does not let anyone change someone who outranks them, but anyone may leave', () => {
    const admin = { memberId: 2, role: 'admin' as const };
    const manager = { memberId: 3, role: 'manager' as const };
    assert.equal(checkMemberChange({ actor: admin, target: manager, newRole: 'member', ownerCount: 1 }).ok, false);
    assert.equal(checkMemberChange({ actor: admin, target: manager, newRole: null, ownerCount: 1 }).ok, false);
    assert.equal(checkMemberChange({ actor: manager, target: admin, newRole: 'manager', ownerCount: 1 }).ok, true);
    assert.equal(checkMemberChange({ actor: admin, target: admin, newRole: null, ownerCount: 1 }).ok, true);
  });
});
