import { useState } from 'react';
import type { Frame } from '../../../api/index.js';
import { frameFunction, frameLocation } from './frames.js';

function ContextLines({ frame }: { frame: Frame }) {
  const lines = frame.context ?? [];
  if (lines.length === 0) return <p className="frame-nosource faint">No source context for this frame.</p>;
  return (
    <ol className="context-lines" aria-label={`Source around line ${frame.lineNo}`}>
      {lines.map(([n, text]) => {
        const hit = n === frame.lineNo;
        return (
          <li key={n} className={hit ? 'context-line is-error-line' : 'context-line'} aria-current={hit ? 'true' : undefined}>
            <span className="line-no" aria-hidden="true">
              {n}
            </span>
            <code className="line-code">
              {hit && <span className="sr-only">Error line {n}: </span>}
              {text === '' ? ' ' : text}
            </code>
          </li>
        );
      })}
    </ol>
  );
}

function Vars({ vars }: { vars: Record<string, unknown> }) {
  const entries = Object.entries(vars);
  if (entries.length === 0) return null;
  return (
    <dl className="kv frame-vars">
      {entries.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const RESOLVED_WITH: Readonly<Record<string, string>> = { 'debug-id': 'by debug ID', release: 'from the release’s uploaded files' };

/** Which source map turned this frame into original source, and where the minified frame pointed (docs/releases.md › Source maps). */
export function FrameSourceMap({ data }: { data: Frame['data'] }) {
  const map = text(data?.sourcemap);
  if (map === null) return null;
  const how = RESOLVED_WITH[text(data?.resolved_with) ?? ''] ?? '';
  const minified = [text(data?.orig_abs_path) ?? text(data?.orig_filename), data?.orig_lineno, data?.orig_colno]
    .filter((part) => part !== null && part !== undefined)
    .join(':');
  return (
    <p className="frame-sourcemap faint">
      Source map <code>{map}</code>
      {how !== '' ? ` (${how})` : ''}
      {minified !== '' ? (
        <>
          {' '}
          resolved <code>{minified}</code>
        </>
      ) : null}
    </p>
  );
}

/** One stack frame: function and file:line:col always; source lines, variables and the source map that resolved it when open. */
export function FrameRow({ frame, initiallyExpanded, crashed }: { frame: Frame; initiallyExpanded: boolean; crashed: boolean }) {
  const [open, setOpen] = useState(initiallyExpanded);
  const mapped = text(frame.data?.sourcemap) !== null;
  const expandable = (frame.context?.length ?? 0) > 0 || Object.keys(frame.vars ?? {}).length > 0 || mapped;
  const label = (
    <>
      <span className="frame-function">{frameFunction(frame)}</span>
      <span className="frame-at faint"> at </span>
      <span className="frame-location">{frameLocation(frame)}</span>
      {frame.inApp ? <span className="badge badge-app">in app</span> : null}
      {mapped ? <span className="badge">source map</span> : null}
      {crashed && <span className="badge badge-crash">crashed here</span>}
    </>
  );
  return (
    <li className={`frame${frame.inApp ? ' frame-app' : ' frame-system'}${open ? ' is-open' : ''}`} data-in-app={frame.inApp ? 'true' : 'false'}>
      {expandable ? (
        <button type="button" className="frame-head" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <span className="frame-toggle" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {label}
        </button>
      ) : (
        <div className="frame-head">
          <span className="frame-toggle" aria-hidden="true" />
          {label}
        </div>
      )}
      {open && expandable && (
        <div className="frame-body">
          <ContextLines frame={frame} />
          <FrameSourceMap data={frame.data} />
          {frame.vars && <Vars vars={frame.vars} />}
        </div>
      )}
    </li>
  );
}
