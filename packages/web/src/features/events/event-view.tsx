import type { Breadcrumb, ExceptionValue, IssueEvent, RequestData, Stacktrace } from '../../api/index.js';
import { BreadcrumbsSection } from './breadcrumbs/breadcrumbs-section.js';
import { ContextsSection, UserSection } from './contexts-section.js';
import { EventTags, ExtraSection, RawJson } from './event-details.js';
import { KeyValues, Section } from './key-values.js';
import { ProcessingErrors } from './processing-errors.js';
import { RequestSection } from './request-section.js';
import { ExceptionSection, StackFrames } from './stacktrace/exception-section.js';

function entry<T>(event: IssueEvent, type: string): T | undefined {
  return event.entries.find((e) => e.type === type)?.data as T | undefined;
}

/**
 * One event, in the order people read it at 2 a.m.: the exception and the line of code, then
 * what led there (breadcrumbs), the request, user, tags, contexts, extra data, raw JSON.
 */
export function EventView({ event, listHref }: { event: IssueEvent; listHref: (query: string) => string }) {
  const exception = entry<{ values: ExceptionValue[] }>(event, 'exception');
  const stacktrace = entry<Stacktrace>(event, 'stacktrace');
  const message = entry<{ formatted?: string | null; message?: string | null }>(event, 'message');
  const breadcrumbs = entry<{ values: Breadcrumb[] }>(event, 'breadcrumbs');
  const request = entry<RequestData>(event, 'request');
  const occurrence = event.occurrence;
  return (
    <div className="event-view">
      {occurrence && (
        <Section title={`${occurrence.issueTitle}: what was found`} id="occurrence-title">
          {occurrence.subtitle && <pre className="code message">{occurrence.subtitle}</pre>}
          <KeyValues pairs={(occurrence.evidenceDisplay ?? []).map((e) => [e.name, e.value])} />
          <p className="faint">The blamed spans are marked in the trace (View trace, above).</p>
        </Section>
      )}
      {message && (message.formatted || message.message) && (
        <Section title="Message" id="message-title">
          <pre className="code message">{message.formatted || message.message}</pre>
        </Section>
      )}
      {exception && exception.values.length > 0 && <ExceptionSection values={exception.values} />}
      {event.errors && <ProcessingErrors errors={event.errors} />}
      {!exception && stacktrace && (
        <Section title="Stack trace" id="stacktrace-title">
          <StackFrames stack={stacktrace} newestFirst crashedIndex={null} />
        </Section>
      )}
      {breadcrumbs && <BreadcrumbsSection crumbs={breadcrumbs.values} eventTime={event.dateCreated} />}
      {request && <RequestSection request={request} />}
      {event.user && <UserSection user={event.user} />}
      <EventTags event={event} listHref={listHref} />
      {event.contexts && <ContextsSection contexts={event.contexts} />}
      {event.context && <ExtraSection extra={event.context} />}
      {event.sdk?.name && (
        <p className="faint sdk-line">
          Sent by {event.sdk.name} {event.sdk.version}
          {event.platform ? ` · platform ${event.platform}` : ''}
        </p>
      )}
      <RawJson event={event} />
    </div>
  );
}
