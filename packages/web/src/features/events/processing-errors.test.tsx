import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessingErrors } from './processing-errors.js';

afterEach(cleanup);

describe('ProcessingErrors', () => {
  it('lists each note with its type and message', () => {
    render(
      <ProcessingErrors
        errors={[
          {
            type: 'js_no_source',
            message: 'no file was uploaded for https://shop.test/assets/app.min.js (release shop@1.0)',
            data: { name: 'exception.values.0.stacktrace.frames.0' },
          },
        ]}
      />,
    );
    const section = screen.getByRole('region', { name: 'Processing notes' });
    expect(section.textContent).toContain('js_no_source');
    expect(section.textContent).toContain('https://shop.test/assets/app.min.js');
  });

  it('renders nothing without notes', () => {
    render(<ProcessingErrors errors={[]} />);
    expect(screen.queryByRole('region', { name: 'Processing notes' })).toBeNull();
  });
});
