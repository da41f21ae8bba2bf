import { describe, expect, it } from 'vitest';
import { errorFor, fieldOfDetail, namesShownField } from './field-errors.js';

describe('server detail → field', () => {
  it('finds the field the server names', () => {
    expect(fieldOfDetail('conditions[0]: interval must be one of 1m, 5m')).toBe('conditions.0');
    expect(fieldOfDetail('conditions must have at least one trigger')).toBe('conditions');
    expect(fieldOfDetail('config.url must be an http(s) URL')).toBe('config.url');
    expect(fieldOfDetail('config.recipients: "x" is not an e-mail address')).toBe('config.recipients');
    expect(fieldOfDetail('frequency must be a whole number between 5 and 43200')).toBe('frequency');
    expect(fieldOfDetail('query: an issue search is required')).toBe('query');
    expect(fieldOfDetail('Alert rule not found')).toBe('Alert');
    expect(fieldOfDetail('')).toBeNull();
  });

  it('gives the message to the field it names only', () => {
    const detail = 'filters[1]: key must be a tag name';
    expect(errorFor(detail, 'filters.1')).toBe(detail);
    expect(errorFor(detail, 'filters.0')).toBeUndefined();
    expect(errorFor(undefined, 'name')).toBeUndefined();
    expect(namesShownField(detail, ['filters'])).toBe(true);
    expect(namesShownField('unknown channel type "x"', ['name', 'config'])).toBe(false);
  });
});
