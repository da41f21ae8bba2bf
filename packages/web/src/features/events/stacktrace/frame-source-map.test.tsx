import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Frame } from '../../../api/index.js';
import { FrameRow } from './frame-row.js';

afterEach(cleanup);

const mapped = (resolvedWith: string): Frame => ({
  filename: 'src/cart.ts',
  function: 'total',
  lineNo: 12,
  colNo: 7,
  inApp: true,
  data: {
    sourcemap: 'https://shop.example.com/assets/app.min.js.map',
    resolved_with: resolvedWith,
    orig_abs_path: 'https://shop.example.com/assets/app.min.js',
    orig_lineno: 1,
    orig_colno: 4821,
    symbolicated: true,
  },
});

describe('a source-mapped frame', () => {
  it('says which map resolved it, how it was found and where the minified frame pointed', () => {
    render(<FrameRow frame={mapped('debug-id')} initiallyExpanded={false} crashed={false} />);
    expect(screen.getByText('source map')).toBeTruthy();
    fireEvent.click(screen.getByRole('button'));
    const note = document.querySelector('.frame-sourcemap');
    expect(note?.textContent).toBe(
      'Source map https://shop.example.com/assets/app.min.js.map (by debug ID) resolved https://shop.example.com/assets/app.min.js:1:4821',
    );
  });

  it('names a map found among the release’s files, and says nothing for a frame no map resolved', () => {
    render(<FrameRow frame={mapped('release')} initiallyExpanded crashed={false} />);
    expect(document.querySelector('.frame-sourcemap')?.textContent).toMatch(/from the release’s uploaded files/);
    cleanup();
    render(<FrameRow frame={{ ...mapped('release'), data: null, context: [[12, 'x']] }} initiallyExpanded crashed={false} />);
    expect(document.querySelector('.frame-sourcemap')).toBeNull();
    expect(screen.queryByText('source map')).toBeNull();
  });
});
