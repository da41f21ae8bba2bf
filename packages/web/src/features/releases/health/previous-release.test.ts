import { describe, expect, it } from 'vitest';
import type { Release } from '../release-types.js';
import { previousReleaseOf } from './previous-release.js';

const r = (version: string) => ({ version }) as Release;

describe('previousReleaseOf', () => {
  const list = [r('2.5.0'), r('2.4.0'), r('2.3.0')];
  it('is the next older release of the newest-first list', () => {
    expect(previousReleaseOf(list, '2.5.0', false)).toEqual({ kind: 'found', release: list[1] });
    expect(previousReleaseOf(list, '2.4.0', true)).toEqual({ kind: 'found', release: list[2] });
  });
  it('says "first" for the oldest release, "unknown" when the page does not reach it', () => {
    expect(previousReleaseOf(list, '2.3.0', false)).toEqual({ kind: 'first' });
    expect(previousReleaseOf(list, '2.3.0', true)).toEqual({ kind: 'unknown' });
    expect(previousReleaseOf(list, '1.0.0', true)).toEqual({ kind: 'unknown' });
  });
});
