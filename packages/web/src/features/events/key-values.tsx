import type { ReactNode } from 'react';

export type Pairs = readonly (readonly [string, unknown])[];

/** Header, query and cookie lists arrive as pairs, objects or (query) a string: one list of pairs. */
export function toPairs(v: unknown): [string, string][] {
  if (v === null || v === undefined) return [];
  if (typeof v === 'string') return [...new URLSearchParams(v.replace(/^\?/, ''))];
  if (Array.isArray(v)) return v.filter((p): p is [unknown, unknown] => Array.isArray(p) && p.length >= 2).map(([k, val]) => [String(k), display(val)]);
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, val]) => [k, display(val)]);
  return [];
}

export function display(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v, null, 2);
  } catch {
    return String(v);
  }
}

/** A definition list; scrubbed values (`[Filtered]`) are dimmed so they read as removed. */
export function KeyValues({ pairs, empty = 'Nothing recorded.' }: { pairs: Pairs; empty?: ReactNode }) {
  if (pairs.length === 0) return <p className="faint">{empty}</p>;
  return (
    <dl className="kv">
      {pairs.map(([k, v], i) => {
        const text = display(v);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: keys may repeat (headers)
          <div key={`${k}-${i}`} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd className={text === '[Filtered]' ? 'filtered' : undefined}>{text.includes('\n') ? <pre className="kv-pre">{text}</pre> : text}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function Section({ title, id, children, aside }: { title: string; id: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="event-section" aria-labelledby={id}>
      <header className="section-head">
        <h2 id={id}>{title}</h2>
        <span className="spacer" />
        {aside}
      </header>
      {children}
    </section>
  );
}
