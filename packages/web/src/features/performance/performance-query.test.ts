import { describe, expect, it } from 'vitest';
import { periodOf, previousWindow, quoteValue, searchOf, sortOf, summaryHref } from './performance-query.js';

describe('performance queries', () => {
  it('asks for the previous window of equal length', () => {
    expect(previousWindow('24h')).toEqual({ statsPeriodStart: '48h', statsPeriodEnd: '24h' });
    expect(previousWindow('14d')).toEqual({ statsPeriodStart: '28d', statsPeriodEnd: '14d' });
  });

  it('quotes route names so spaces, quotes and backslashes stay one value', () => {
    expect(quoteValue('GET /users/:id')).toBe('"GET /users/:id"');
    expect(quoteValue('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(searchOf({ release: 'shop@1.0.0' }, 'transaction:"GET /ok"')).toBe('release:"shop@1.0.0" transaction:"GET /ok"');
    expect(searchOf({ release: '' })).toBe('');
  });

  it('accepts only the table fields as a sort, and unknown periods fall back to 24 hours', () => {
    expect(sortOf('p95(transaction.duration)')).toEqual({ field: 'p95(transaction.duration)', descending: false });
    expect(sortOf('-count_unique(user)')).toEqual({ field: 'count_unique(user)', descending: true });
    expect(sortOf('-title')).toEqual({ field: 'tpm()', descending: true });
    expect(periodOf('7d')).toBe('7d');
    expect(periodOf('1y')).toBe('24h');
  });

  it('links a route to its summary with the filters', () => {
    expect(summaryHref('acme', { projectId: '2', period: '7d', environment: 'production', release: '' }, 'GET /users/:id')).toBe(
      '/organizations/acme/performance/summary/?project=2&transaction=GET+%2Fusers%2F%3Aid&statsPeriod=7d&environment=production',
    );
  });
});
