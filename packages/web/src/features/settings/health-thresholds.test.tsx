import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider, createApiClient } from '../../api/index.js';
import { ProjectSettingsSection } from './project-sections.js';

afterEach(cleanup);

/** A project endpoint that keeps what is PUT and refuses a warning above the target, as the server does. */
function renderSection() {
  const puts: unknown[] = [];
  let thresholds = { healthy: 99, warning: 97 };
  const client = createApiClient(async (_input, init) => {
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { healthThresholds: typeof thresholds };
      puts.push(body);
      if (body.healthThresholds.warning > body.healthThresholds.healthy)
        return Response.json(
          { detail: 'Invalid project settings: healthThresholds', errors: { healthThresholds: ['healthThresholds: warning must not be above healthy'] } },
          { status: 400 },
        );
      thresholds = body.healthThresholds;
    }
    return Response.json({ slug: 'shop', healthThresholds: thresholds });
  });
  render(
    <ApiProvider client={client}>
      <ProjectSettingsSection org="acme" project="shop" section="health" />
    </ApiProvider>,
  );
  return puts;
}

describe('Release health settings', () => {
  it('shows the project thresholds, saves the edited ones and shows the server’s refusal', async () => {
    const puts = renderSection();
    const target = (await screen.findByLabelText('Target (%)')) as HTMLInputElement;
    const warning = screen.getByLabelText('Warning threshold (%)') as HTMLInputElement;
    expect([target.value, warning.value]).toEqual(['99', '97']);
    fireEvent.change(target, { target: { value: '99.5' } });
    fireEvent.submit(target.closest('form') as HTMLFormElement);
    await screen.findByText('Saved');
    expect(puts).toEqual([{ healthThresholds: { healthy: 99.5, warning: 97 } }]);
    fireEvent.change(warning, { target: { value: '99.9' } });
    fireEvent.submit(target.closest('form') as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toBe('Invalid project settings: healthThresholds');
    expect(screen.getByText('healthThresholds: warning must not be above healthy')).toBeTruthy();
  });
});
