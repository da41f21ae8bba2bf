import { fail } from '../kernel/index.js';

/** Narrowing helpers for JSON request bodies: a wrong type is a 400 naming the field. */
export function jsonObject(body: unknown): Record<string, unknown> {
  if (body === null || body === undefined) return {};
  if (typeof body !== 'object' || Array.isArray(body)) fail('validation_failed', 'Expected a JSON object body');
  return body as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, field: string, maxLength = 200): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > maxLength) fail('validation_failed', `${field} must be a string of at most ${maxLength} characters`);
  return v;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') fail('validation_failed', `${field} must be true or false`);
  return v;
}
