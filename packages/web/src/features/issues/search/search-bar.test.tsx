import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchBar } from './search-bar.js';

afterEach(cleanup);

const tags = [{ key: 'browser', topValues: ['Chrome 120'] }];

function type(input: HTMLInputElement, value: string) {
  fireEvent.change(input, { target: { value, selectionStart: value.length } });
  input.setSelectionRange(value.length, value.length);
  fireEvent.select(input);
}

describe('SearchBar', () => {
  it('suggests keys as you type and completes the chosen one with the keyboard', () => {
    const onSearch = vi.fn();
    render(<SearchBar value="" onSearch={onSearch} tags={tags} />);
    const input = screen.getByRole('combobox', { name: 'Search issues' }) as HTMLInputElement;
    fireEvent.focus(input);
    type(input, 'is:unresolved bro');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['browser:Tag']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option').id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('is:unresolved browser:');
    expect(onSearch).not.toHaveBeenCalled();
    expect(screen.getAllByRole('option').map((o) => o.querySelector('.suggestion-label')?.textContent)).toEqual(['Chrome 120']);
  });

  it('takes a value with the mouse, quoting it', () => {
    render(<SearchBar value="" onSearch={() => {}} tags={tags} />);
    const input = screen.getByRole('combobox') as HTMLInputElement;
    fireEvent.focus(input);
    type(input, 'browser:');
    fireEvent.mouseDown(screen.getByRole('option', { name: /Chrome 120/ }));
    expect(input.value).toBe('browser:"Chrome 120" ');
  });

  it('searches on Enter when no suggestion is chosen, and closes on Escape', () => {
    const onSearch = vi.fn();
    render(<SearchBar value="is:unresolved" onSearch={onSearch} tags={tags} />);
    const input = screen.getByRole('combobox') as HTMLInputElement;
    fireEvent.focus(input);
    type(input, 'is:unresolved level:');
    expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(onSearch).toHaveBeenCalledWith('is:unresolved level:');
  });

  it('shows the server’s parse error next to the input', () => {
    render(<SearchBar value="is:foo" onSearch={() => {}} tags={[]} error={'unknown is: value "foo"'} />);
    expect(screen.getByRole('alert').textContent).toContain('unknown is: value');
    expect(screen.getByRole('combobox').getAttribute('aria-invalid')).toBe('true');
  });
});
