import { parseCommandArgs } from './args.js';
import { openContext } from './context.js';

/** `faultline user list [--json]`: every user, whether they are a superuser, and their organizations with roles. */
export async function userList(argv: string[], env: Record<string, string | undefined>): Promise<void> {
  const { values } = parseCommandArgs(argv, { json: { type: 'boolean' } });
  const ctx = await openContext(env);
  try {
    const users = await ctx.store.users.list();
    const rows = [];
    for (const user of users) {
      const orgs = await ctx.store.organizations.forUser(user.id);
      rows.push({
        id: user.id,
        email: user.email,
        name: user.name,
        superuser: user.isSuperuser,
        memberships: orgs.map((o) => ({ org: o.slug, role: o.role })),
      });
    }
    if (values.json) {
      ctx.out(JSON.stringify(rows));
      return;
    }
    const table = [
      ['ID', 'EMAIL', 'SUPERUSER', 'ORGANIZATIONS'],
      ...rows.map((r) => [String(r.id), r.email, r.superuser ? 'yes' : 'no', r.memberships.map((m) => `${m.org} (${m.role})`).join(', ') || '-']),
    ];
    const widths = [0, 1, 2].map((i) => Math.max(...table.map((cells) => (cells[i] ?? '').length)));
    for (const cells of table) ctx.out(cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c)).join('  '));
  } finally {
    await ctx.store.close();
  }
}
