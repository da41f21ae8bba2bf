import { errorCatalogue } from './errors.js';

/**
 * docs/errors.md, rendered from the catalogue so the reference cannot drift
 * from the codes the server sends (`npm run docs` writes it; a test compares).
 */
export function renderErrorDoc(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const rows = Object.entries(errorCatalogue).map(([code, { status, message }]) => `| \`${code}\` | ${status} | ${cell(message)} |`);
  return [
    '# Errors',
    '',
    'Generated from `packages/server/src/kernel/errors.ts` by `npm run docs`; do not edit by hand.',
    '',
    'Every HTTP error answers with the status below and a JSON body `{"detail": "…"}`, the shape Sentry clients print.',
    'The detail is the message below unless the server names the problem more precisely (for example which field is invalid).',
    "The code is the stable name the server's source uses (`fail('not_found')`); clients see only the status and the detail.",
    '',
    '| code | status | message |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
