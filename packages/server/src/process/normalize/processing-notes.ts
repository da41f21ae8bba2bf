import type { SourceMapNoteType } from '../symbolicate/source-maps/index.js';

/**
 * What normalization changed, stored with the event so the UI can explain it (Sentry keeps
 * the same information in `_meta`/`errors`). Notes never quote payload values — scrubbing
 * runs after normalization, so a quoted value could carry a secret past the scrubber.
 */
export interface ProcessingNote {
  /**
   * `trimmed`: cut to a limit; `invalid`: wrong type/value, removed; `replaced`: server value used;
   * `js_*`: why symbolication left a frame as it was (symbolicate/source-maps/artifact-source.ts).
   */
  readonly type: 'trimmed' | 'invalid' | 'replaced' | SourceMapNoteType;
  /** Dotted path in the event (`breadcrumbs`, `exception.values.0.stacktrace.frames`). */
  readonly path: string;
  readonly detail: string;
}

/** A hostile payload could produce one note per value; the first ones tell the story. */
export const MAX_NOTES = 50;

export class Notes {
  readonly list: ProcessingNote[] = [];
  private omitted = 0;

  add(type: ProcessingNote['type'], path: string, detail: string): void {
    if (this.list.length < MAX_NOTES) this.list.push({ type, path, detail });
    else this.omitted++;
  }

  /** Notes added so far, including omitted ones. */
  get total(): number {
    return this.list.length + this.omitted;
  }

  invalid(path: string, detail: string): void {
    this.add('invalid', path, detail);
  }

  trimmed(path: string, detail: string): void {
    this.add('trimmed', path, detail);
  }

  finish(): ProcessingNote[] {
    if (this.omitted > 0) this.list.push({ type: 'trimmed', path: '', detail: `${this.omitted} more notes omitted` });
    return this.list;
  }
}
