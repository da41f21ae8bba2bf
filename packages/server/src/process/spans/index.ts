/** process/spans — the span stage: transactions' and span items' spans into the performance store. */

export { heldBackProblems } from './held-back-problems.js';
export { performanceIssueEvents } from './performance-issues.js';
export { prepareSpans, processSpanItem, spansOfTransactions } from './span-stage.js';
