import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient } from './client.js';

function answering(status: number, body: unknown) {
  return createApiClient(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

async function failure(status: number, body: unknown): Promise<ApiError> {
  try {
    await answering(status, body).get('organizations/acme/monitors/');
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('the request did not fail');
}

describe('createApiClient errors', () => {
  it('shows the server’s detail as is', async () => {
    const err = await failure(404, { detail: 'The requested resource does not exist' });
    expect(err.detail).toBe('The requested resource does not exist');
    expect(err.status).toBe(404);
  });

  it('turns Sentry’s per-field validation errors into a readable detail and field errors', async () => {
    const err = await failure(400, { config: { schedule: ['Only 5 field crontab syntax is supported'] }, slug: ['The slug "x" is already in use.'] });
    expect(err.detail).toBe('config.schedule: Only 5 field crontab syntax is supported; slug: The slug "x" is already in use.');
    expect(err.fieldErrors['config.schedule']).toEqual([{ message: 'Only 5 field crontab syntax is supported' }]);
    expect(err.fieldErrors.slug).toEqual([{ message: 'The slug "x" is already in use.' }]);
  });
});
