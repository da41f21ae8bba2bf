import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../../api/index.js';
import { IssueActivity } from './issue-activity.js';

afterEach(cleanup);

const note = (text: string): Activity =>
  ({ id: '7', type: 'note', data: { text }, dateCreated: '2026-12-07T10:00:00Z', user: { id: '1', name: 'Jane', email: 'jane@example.com' } }) as Activity;

describe('IssueActivity', () => {
  it('shows a note with its author, and markup in it as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const { container } = render(<IssueActivity activity={[note(hostile)]} />);
    expect(screen.getByText(`Note by Jane: ${hostile}`)).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
});
