export { computeExclusiveTimes } from './exclusive-time.js';
export { normalizeSpanDescription, normalizeSql, normalizeUrlName, spanGroup } from './normalize-names.js';
export type { Segment, SegmentUser, Span, SpanBatch, SpanItemResult, SpanNote } from './span.js';
export { MAX_SPANS_PER_ITEM } from './span-fields.js';
export { isFailureStatus, SPAN_STATUSES, spanStatusName, statusOfHttpCode } from './span-status.js';
export { spansFromSpanItem } from './spans-from-span-item.js';
export { spansFromTransaction } from './spans-from-transaction.js';
