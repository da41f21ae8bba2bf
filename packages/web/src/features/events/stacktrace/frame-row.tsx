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

/** One stack frame: function and file:line:col always; source lines and variables when open. */
export function FrameRow({ frame, initiallyExpanded, crashed }: { frame: Frame; initiallyExpanded: boolean; crashed: boolean }) {
  const [open, setOpen] = useState(initiallyExpanded);
  const expandable = (frame.context?.length ?? 0) > 0 || Object.keys(frame.vars ?? {}).length > 0;
  const label = (
    <>
      <span className="frame-function">{frameFunction(frame)}</span>
      <span className="frame-at faint"> at </span>
      <span className="frame-location">{frameLocation(frame)}</span>
      {frame.inApp ? <span className="badge badge-app">in app</span> : null}
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
          {frame.vars && <Vars vars={frame.vars} />}
        </div>
      )}
    </li>
  );
}
