import { useState } from 'react';
import type { ExceptionValue, Stacktrace } from '../../../api/index.js';
import { FrameRow } from './frame-row.js';
import { chainedOrder, framesForDisplay, hasRawView, stackFor } from './frames.js';

export function StackFrames({ stack, newestFirst, crashedIndex }: { stack: Stacktrace; newestFirst: boolean; crashedIndex: number | null }) {
  const rows = framesForDisplay(stack, newestFirst);
  if (rows.length === 0) return <p className="faint">No frames.</p>;
  return (
    <ol className="frames" aria-label={newestFirst ? 'Stack frames, most recent call first' : 'Stack frames, oldest call first'}>
      {rows.map(({ frame, index, expanded }) => (
        <FrameRow key={index} frame={frame} initiallyExpanded={expanded} crashed={index === crashedIndex} />
      ))}
    </ol>
  );
}

function ExceptionBlock({ value, raw, newestFirst, thrown }: { value: ExceptionValue; raw: boolean; newestFirst: boolean; thrown: boolean }) {
  const stack = stackFor(value, raw);
  const handled = value.mechanism?.handled;
  return (
    <article className="exception" aria-label={`${value.type ?? 'Exception'}${value.value ? `: ${value.value}` : ''}`}>
      <header className="exception-head">
        <h3 className="exception-type">{value.type ?? 'Error'}</h3>
        {handled === false && <span className="badge badge-crash">unhandled</span>}
        {value.mechanism?.type && <span className="badge">{value.mechanism.type}</span>}
        {value.value && <p className="exception-value">{value.value}</p>}
      </header>
      {stack ? (
        <StackFrames stack={stack} newestFirst={newestFirst} crashedIndex={thrown ? stack.frames.length - 1 : null} />
      ) : (
        <p className="faint">No stack trace.</p>
      )}
    </article>
  );
}

/**
 * The exception and its chained causes with their stack traces: the thrown exception first,
 * then "Caused by" each earlier one; frames most recent first (switchable); raw (minified)
 * versus resolved positions when source maps were applied.
 */
export function ExceptionSection({ values }: { values: readonly ExceptionValue[] }) {
  const [raw, setRaw] = useState(false);
  const [newestFirst, setNewestFirst] = useState(true);
  const ordered = chainedOrder(values);
  return (
    <section className="event-section" aria-labelledby="exception-title">
      <header className="section-head">
        <h2 id="exception-title">Exception</h2>
        <span className="spacer" />
        <fieldset className="btn-group fieldset-plain" aria-label="Frame order">
          <button type="button" className="btn btn-small" aria-pressed={newestFirst} onClick={() => setNewestFirst(true)}>
            Newest first
          </button>
          <button type="button" className="btn btn-small" aria-pressed={!newestFirst} onClick={() => setNewestFirst(false)}>
            Oldest first
          </button>
        </fieldset>
        {hasRawView(values) && (
          <fieldset className="btn-group fieldset-plain" aria-label="Stack trace view">
            <button type="button" className="btn btn-small" aria-pressed={!raw} onClick={() => setRaw(false)}>
              Resolved
            </button>
            <button type="button" className="btn btn-small" aria-pressed={raw} onClick={() => setRaw(true)}>
              Raw
            </button>
          </fieldset>
        )}
      </header>
      {ordered.map((value, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: exceptions have no identity but their place in the chain
        <div key={i} className="exception-chain-item">
          {i > 0 && <p className="caused-by">Caused by</p>}
          <ExceptionBlock value={value} raw={raw} newestFirst={newestFirst} thrown={i === 0} />
        </div>
      ))}
    </section>
  );
}
