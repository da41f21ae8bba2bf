import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExceptionValue, Frame } from '../../../api/index.js';
import { ExceptionSection } from './exception-section.js';

afterEach(cleanup);

const systemFrame: Frame = {
  filename: 'node:internal/process/task_queues',
  function: 'process.processTicksAndRejections',
  lineNo: 95,
  colNo: 5,
  inApp: false,
  context: [
    [94, '  // internal'],
    [95, '  runMicrotasks();'],
  ],
};
const appCaller: Frame = {
  filename: '/app/routes/checkout.js',
  function: 'handleCheckout',
  lineNo: 20,
  colNo: 3,
  inApp: true,
  context: [
    [19, 'async function handleCheckout(req) {'],
    [20, '  chargeCreditCard(req.body.amount);'],
    [21, '}'],
  ],
};
const thrower: Frame = {
  filename: '/app/billing.js',
  function: 'chargeCreditCard',
  lineNo: 12,
  colNo: 11,
  inApp: true,
  context: [
    [10, 'function chargeCreditCard(amount) {'],
    [11, '  const card = undefined;'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a line of JavaScript source, shown as text
    [12, '  if (card === undefined) throw new TypeError(`cannot charge ${amount}`);'],
    [13, '}'],
  ],
};

const thrown: ExceptionValue = {
  type: 'TypeError',
  value: 'cannot charge 42',
  mechanism: { type: 'generic', handled: false },
  stacktrace: { frames: [systemFrame, appCaller, thrower] },
};
const cause: ExceptionValue = {
  type: 'ConnectionError',
  value: 'card vault unreachable',
  stacktrace: { frames: [{ filename: '/app/vault.js', function: 'fetchCard', lineNo: 3, inApp: true, context: [[3, 'throw new ConnectionError()']] }] },
};

describe('ExceptionSection', () => {
  it('opens in-app frames with their source and keeps library frames closed', () => {
    render(<ExceptionSection values={[thrown]} />);
    const frames = screen.getAllByRole('listitem').filter((li) => li.classList.contains('frame'));
    expect(frames.map((f) => f.getAttribute('data-in-app'))).toEqual(['true', 'true', 'false']);
    const [crashing, caller, system] = frames as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(crashing).getByRole('button', { expanded: true })).toBeTruthy();
    expect(crashing.textContent).toContain('const card = undefined;');
    expect(caller.textContent).toContain('chargeCreditCard(req.body.amount);');
    const systemToggle = within(system).getByRole('button');
    expect(systemToggle.getAttribute('aria-expanded')).toBe('false');
    expect(system.textContent).not.toContain('runMicrotasks');
    fireEvent.click(systemToggle);
    expect(system.textContent).toContain('runMicrotasks');
  });

  it('shows function and file:line:col, newest frame first, and marks the error line', () => {
    render(<ExceptionSection values={[thrown]} />);
    const heads = screen.getAllByRole('button', { expanded: true }).map((b) => b.textContent);
    expect(heads[0]).toContain('chargeCreditCard at /app/billing.js:12:11');
    expect(heads[0]).toContain('crashed here');
    const marked = document.querySelectorAll('[aria-current="true"]');
    expect(marked.length).toBe(2);
    expect(marked[0]?.textContent).toContain('12');
    expect(marked[0]?.textContent).toContain('throw new TypeError');
    expect(marked[0]?.classList.contains('is-error-line')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Oldest first' }));
    const firstFrame = document.querySelector('.frame');
    expect(firstFrame?.textContent).toContain('process.processTicksAndRejections');
  });

  it('puts the thrown exception first and its cause after "Caused by"', () => {
    render(<ExceptionSection values={[cause, thrown]} />);
    const blocks = screen.getAllByRole('article');
    expect(blocks.map((b) => within(b).getByRole('heading').textContent)).toEqual(['TypeError', 'ConnectionError']);
    expect(blocks[0]?.textContent).toContain('unhandled');
    const chain = document.querySelectorAll('.exception-chain-item');
    expect(chain[0]?.querySelector('.caused-by')).toBeNull();
    expect(chain[1]?.querySelector('.caused-by')?.textContent).toBe('Caused by');
    // Only the thrown exception's top frame is where it crashed.
    expect(screen.getAllByText('crashed here')).toHaveLength(1);
  });

  it('switches between resolved and raw positions for source-mapped frames', () => {
    const mapped: ExceptionValue = {
      type: 'Error',
      value: 'boom',
      stacktrace: {
        frames: [
          {
            filename: './src/cart.ts',
            function: 'addItem',
            lineNo: 41,
            colNo: 7,
            inApp: true,
            context: [[41, 'throw new Error("boom")']],
            data: { symbolicated: true, orig_abs_path: 'https://shop.test/assets/index-3f2a.js', orig_lineno: 1, orig_colno: 20931, orig_function: 'a' },
          },
        ],
      },
    };
    render(<ExceptionSection values={[mapped]} />);
    expect(document.querySelector('.frame-head')?.textContent).toContain('addItem at ./src/cart.ts:41:7');
    fireEvent.click(screen.getByRole('button', { name: 'Raw' }));
    expect(document.querySelector('.frame-head')?.textContent).toContain('a at https://shop.test/assets/index-3f2a.js:1:20931');
    expect(screen.queryByRole('button', { name: 'Raw' })?.getAttribute('aria-pressed')).toBe('true');
  });

  it('shows the server rawStacktrace as the raw view when the event has one', () => {
    const mapped: ExceptionValue = {
      type: 'Error',
      value: 'boom',
      stacktrace: { frames: [{ filename: './src/cart.ts', function: 'addItem', lineNo: 41, colNo: 7, inApp: true }] },
      rawStacktrace: {
        frames: [
          {
            absPath: 'https://shop.test/assets/app.min.js',
            filename: 'https://shop.test/assets/app.min.js',
            function: 'n',
            lineNo: 1,
            colNo: 512,
            inApp: true,
          },
        ],
      },
    };
    render(<ExceptionSection values={[mapped]} />);
    expect(document.querySelector('.frame-head')?.textContent).toContain('addItem at ./src/cart.ts:41:7');
    fireEvent.click(screen.getByRole('button', { name: 'Raw' }));
    expect(document.querySelector('.frame-head')?.textContent).toContain('n at https://shop.test/assets/app.min.js:1:512');
    fireEvent.click(screen.getByRole('button', { name: 'Resolved' }));
    expect(document.querySelector('.frame-head')?.textContent).toContain('addItem at ./src/cart.ts:41:7');
  });

  it('offers no raw view when nothing was resolved', () => {
    render(<ExceptionSection values={[thrown]} />);
    expect(screen.queryByRole('button', { name: 'Raw' })).toBeNull();
  });
});
