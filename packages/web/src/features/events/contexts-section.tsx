import type { EventUser } from '../../api/index.js';
import { display, KeyValues, Section } from './key-values.js';

const KNOWN: readonly [string, string][] = [
  ['browser', 'Browser'],
  ['os', 'Operating system'],
  ['device', 'Device'],
  ['runtime', 'Runtime'],
  ['app', 'App'],
  ['trace', 'Trace'],
  ['culture', 'Culture'],
  ['cloud_resource', 'Cloud'],
  ['response', 'Response'],
];

/** "Chrome 120", "Debian 12.11", "node v20.20.2": the line people read first. */
function summary(ctx: Record<string, unknown>): string {
  const name = display(ctx.name ?? ctx.model ?? ctx.op ?? '').trim();
  const version = display(ctx.version ?? '').trim();
  return [name, version].filter(Boolean).join(' ');
}

export function ContextsSection({ contexts }: { contexts: Record<string, Record<string, unknown>> }) {
  // An SDK may send a context with nothing in it (`cloud_resource: {}`): nothing to show.
  const keys = Object.keys(contexts).filter((k) => Object.keys(contexts[k] ?? {}).some((f) => f !== 'type'));
  if (keys.length === 0) return null;
  const order = [...KNOWN.map(([k]) => k).filter((k) => keys.includes(k)), ...keys.filter((k) => !KNOWN.some(([n]) => n === k)).sort()];
  return (
    <Section title="Contexts" id="contexts-title">
      <div className="context-grid">
        {order.map((key) => {
          const ctx = contexts[key] ?? {};
          const title = KNOWN.find(([k]) => k === key)?.[1] ?? key;
          const pairs = Object.entries(ctx).filter(([k]) => k !== 'type');
          return (
            <div key={key} className="context-card">
              <h3>
                {title} {summary(ctx) && <span className="context-summary">{summary(ctx)}</span>}
              </h3>
              <KeyValues pairs={pairs} />
            </div>
          );
        })}
      </div>
    </Section>
  );
}

export function UserSection({ user }: { user: EventUser }) {
  const pairs = (
    [
      ['ID', user.id],
      ['Username', user.username],
      ['E-mail', user.email],
      ['Name', user.name],
      ['IP address', user.ip_address],
      ['Location', user.geo ? [user.geo.city, user.geo.region, user.geo.country_code].filter(Boolean).join(', ') : null],
    ] as [string, unknown][]
  ).filter(([, v]) => v !== null && v !== undefined && v !== '');
  const data = Object.entries(user.data ?? {});
  if (pairs.length === 0 && data.length === 0) return null;
  return (
    <Section title="User" id="user-title">
      <KeyValues pairs={[...pairs, ...data]} />
    </Section>
  );
}
