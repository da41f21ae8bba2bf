import { describe, expect, it } from 'vitest';
import { CHANNEL_TYPES, channelBody, channelFormFromJson, emptyChannelForm } from './channel-form.js';

describe('channel form ↔ API body', () => {
  it('has the right fields for each of the six types', () => {
    expect(Object.fromEntries(CHANNEL_TYPES.map((t) => [t.type, t.fields.map((f) => f.key)]))).toEqual({
      slack: ['webhookUrl'],
      email: ['recipients'],
      webhook: ['url', 'secret'],
      discord: ['webhookUrl'],
      teams: ['webhookUrl'],
      pagerduty: ['routingKey'],
    });
  });

  it('e-mail recipients are one per line (or comma separated)', () => {
    const form = { ...emptyChannelForm('email'), name: ' Ops ', values: { recipients: 'a@example.com\n b@example.com, c@example.com\n\n' } };
    expect(channelBody(form, false)).toEqual({ name: 'Ops', type: 'email', config: { recipients: ['a@example.com', 'b@example.com', 'c@example.com'] } });
  });

  it('a webhook without a secret lets the server generate one', () => {
    const form = { ...emptyChannelForm('webhook'), name: 'Hook', values: { url: 'http://127.0.0.1:9/hook', secret: '' } };
    expect(channelBody(form, false)).toEqual({ name: 'Hook', type: 'webhook', config: { url: 'http://127.0.0.1:9/hook' } });
  });

  it('editing: masked credentials are not put in the form, and empty ones are left out so the server keeps them', () => {
    const form = channelFormFromJson({
      id: '1',
      name: 'Slack',
      type: 'slack',
      config: { webhookUrl: 'https://hooks.slack.com/********abcd' },
      dateCreated: '',
      dateModified: '',
    });
    expect(form.values).toEqual({});
    expect(channelBody({ ...form, name: 'Slack #ops' }, true)).toEqual({ name: 'Slack #ops', type: 'slack', config: {} });
    const hook = channelFormFromJson({
      id: '2',
      name: 'H',
      type: 'webhook',
      config: { url: 'https://x.test/h', secret: '********beef' },
      dateCreated: '',
      dateModified: '',
    });
    expect(hook.values).toEqual({ url: 'https://x.test/h' });
  });
});
