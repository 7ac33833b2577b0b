import { FakeConnector } from '../helpers/fakeConnector';
import { BOT_TENANT, channelToken, messageActivity, startBotApp, startBotKeys, type BotApp, type BotKeys } from './support/botAuth';

/**
 * /api/messages with MicrosoftAppTenantId set: an activity from another tenant is refused at the edge, with a
 * correctly signed Bot Framework token, before any feature runs — nothing stored, nothing sent. A single-tenant bot
 * registration already keeps other tenants out in Azure; this holds even when it does not.
 */
describe('bot endpoint with a tenant configured', () => {
  const OTHER_TENANT = '0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f';
  let keys: BotKeys;
  let bot: BotApp;
  const connector = new FakeConnector();

  beforeAll(async () => {
    await connector.start();
    keys = await startBotKeys();
    bot = await startBotApp(keys);
  });
  afterAll(async () => {
    await bot.close();
    await keys.close();
    await connector.stop();
  });

  const post = async (body: Record<string, unknown>) =>
    fetch(`${bot.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + (await channelToken(keys, connector.url)) },
      body: JSON.stringify(body),
    });

  /** A card click: the bot answers it in the HTTP response, so no connector call (and no Entra token) is needed. */
  const invoke = (tenants: { conversation?: string; channelData?: string }) =>
    messageActivity(connector.url, '', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb: 'security.probe', data: {} } },
      conversation: { id: 'conv-tenant-1', conversationType: 'personal', ...(tenants.conversation === undefined ? {} : { tenantId: tenants.conversation }) },
      ...(tenants.channelData === undefined ? {} : { channelData: { tenant: { id: tenants.channelData } } }),
    });

  /** An install from another tenant: a bot that ran it would store the conversation reference. */
  const install = (tenant: string) =>
    messageActivity(connector.url, '', {
      type: 'installationUpdate',
      action: 'add',
      text: undefined,
      conversation: { id: 'conv-tenant-2', conversationType: 'personal', tenantId: tenant },
      channelData: { tenant: { id: tenant } },
    });

  async function expectRefused(body: Record<string, unknown>): Promise<void> {
    const callsBefore = connector.calls.length;
    const res = await post(body);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('application/vnd.microsoft.card.adaptive');
    expect(connector.calls.length).toBe(callsBefore);
    expect(await bot.storedRows()).toBe(0);
  }

  it('refuses an activity whose channelData.tenant.id is another tenant with 403: nothing stored, nothing sent', async () => {
    await expectRefused(invoke({ channelData: OTHER_TENANT }));
    await expectRefused(invoke({ channelData: OTHER_TENANT, conversation: BOT_TENANT }));
  });

  it('refuses an activity whose conversation.tenantId is another tenant with 403', async () => {
    await expectRefused(invoke({ conversation: OTHER_TENANT }));
    await expectRefused(invoke({ conversation: OTHER_TENANT, channelData: BOT_TENANT }));
  });

  it('refuses an install from another tenant without storing its conversation reference', async () => {
    await expectRefused(install(OTHER_TENANT));
    expect(bot.logs.join('\n')).toContain('other_tenant');
  });

  it('refuses an activity that names no tenant at all, once a tenant is configured', async () => {
    await expectRefused(invoke({}));
  });

  it('accepts its own tenant, in either place and in any letter case (positive control)', async () => {
    for (const tenants of [{ channelData: BOT_TENANT }, { conversation: BOT_TENANT }, { conversation: BOT_TENANT.toUpperCase(), channelData: BOT_TENANT }]) {
      const res = await post(invoke(tenants));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    }
  });
});
