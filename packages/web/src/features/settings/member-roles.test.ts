import { describe, expect, it } from 'vitest';
import { canManage, grantableRoles, isLastOwner } from './member-roles.js';

describe('member roles', () => {
  it('offers roles up to one’s own; only owners may grant owner', () => {
    expect(grantableRoles('owner')).toEqual(['member', 'admin', 'manager', 'owner']);
    expect(grantableRoles('manager')).toEqual(['member', 'admin', 'manager']);
    expect(grantableRoles('admin')).toEqual(['member', 'admin']);
    expect(grantableRoles('member')).toEqual(['member']);
    expect(grantableRoles('stranger')).toEqual([]);
  });

  it('manages only members at or below one’s role, and only with member:write', () => {
    expect(canManage('admin', 'member', ['member:write'])).toBe(true);
    expect(canManage('admin', 'manager', ['member:write'])).toBe(false);
    expect(canManage('owner', 'owner', ['member:write'])).toBe(true);
    expect(canManage('member', 'member', ['member:read'])).toBe(false);
  });

  it('knows the last owner', () => {
    expect(isLastOwner('owner', 1)).toBe(true);
    expect(isLastOwner('owner', 2)).toBe(false);
    expect(isLastOwner('admin', 1)).toBe(false);
  });
});
