import { teamCardTexts as T } from '@soestainable/bot/features/teamCard/texts';
import { t } from '@soestainable/shared/text';
import { useBotHarness } from '../../../helpers/botHarness';
import { exchange } from '../../../helpers/botTurns';
import { participant } from '../../../helpers/orgFixture';

/*
 * `teamkaart aan` / `team card on` in a team channel (issue 16, item 3) through the real dispatcher and repositories:
 * who may switch the weekly team card, where, and that every refusal changes nothing.
 */

const TEAMS_TEAM = '19:publiekszaken-team@thread.tacv2';
const CHANNEL = '19:publiekszaken-general@thread.tacv2';

describe('the team card switch in a team channel', () => {
  const h = useBotHarness();

  /** Everyone's chosen language (it wins over the Teams locale). */
  async function speak(language: 'nl' | 'en'): Promise<void> {
    await h.repos.participants.save(participant({ userId: 'aad-manager-1', roles: ['manager'], language }));
    await h.repos.participants.save(participant({ userId: 'aad-pz-employee', language }));
    await h.repos.participants.save(participant({ userId: 'aad-coordinator', teamId: 'buitendienst', roles: ['coordinator'], language }));
    await h.repos.participants.save(participant({ userId: 'aad-manager-2', teamId: 'buitendienst', roles: ['manager'], language }));
  }

  beforeAll(async () => {
    // The app was added to the team: its install stored the team's reference (features/welcome).
    await h.repos.conversationRefs.save({ kind: 'team', teamId: TEAMS_TEAM }, 'channel', {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      conversation: { id: CHANNEL, conversationType: 'channel', tenantId: 'tenant-soest' },
    });
  });
  beforeEach(async () => {
    await speak('nl');
    await h.repos.teamCards.remove('soest', TEAMS_TEAM);
    await h.repos.conversationRefs.remove({ kind: 'team', teamId: TEAMS_TEAM }, 'teamcard');
  });

  const inChannel = (userId: string, locale = 'nl-NL', team = TEAMS_TEAM) =>
    h.adapter({ userId, locale, conversationType: 'channel', conversationId: `${CHANNEL};messageid=1733130000000`, channelData: { team: { id: team } } });
  const say = async (adapter: ReturnType<typeof inChannel>, text: string): Promise<string> => {
    const replies = await exchange(adapter, text);
    expect(replies).toHaveLength(1);
    return String(replies[0]?.text ?? '');
  };
  /** What a refusal must leave untouched: no channel row, no card reference. */
  const nothingStored = async () => {
    expect(await h.repos.teamCards.get('soest', TEAMS_TEAM)).toBeUndefined();
    expect(await h.repos.conversationRefs.get({ kind: 'team', teamId: TEAMS_TEAM }, 'teamcard')).toBeUndefined();
  };

  it('a manager of the team switches it on for this channel (the channel, not the thread), and off again', async () => {
    expect(await say(inChannel('aad-manager-1'), 'teamkaart aan')).toBe(t(T.switchedOn, 'nl', { team: 'Publiekszaken' }));
    expect(await h.repos.teamCards.get('soest', TEAMS_TEAM)).toMatchObject({ orgTeamId: 'publiekszaken', enabled: true, changedBy: 'aad-manager-1' });
    const ref = await h.repos.conversationRefs.get({ kind: 'team', teamId: TEAMS_TEAM }, 'teamcard');
    expect(ref).toMatchObject({ active: true, reference: { conversation: { id: CHANNEL } } });

    expect(await say(inChannel('aad-manager-1'), 'teamkaart uit')).toBe(t(T.switchedOff, 'nl', { team: 'Publiekszaken' }));
    expect(await h.repos.teamCards.get('soest', TEAMS_TEAM)).toMatchObject({ enabled: false });
  });

  it('in English too; a coordinator names the team', async () => {
    await speak('en');
    expect(await say(inChannel('aad-coordinator', 'en-US'), 'team card on Publiekszaken')).toBe(t(T.switchedOn, 'en', { team: 'Publiekszaken' }));
    expect(await h.repos.teamCards.get('soest', TEAMS_TEAM)).toMatchObject({ orgTeamId: 'publiekszaken', enabled: true });
  });

  it.each([
    ['nl', 'nl-NL', 'teamkaart aan'],
    ['en', 'en-US', 'team card on'],
  ] as const)('in %s: anyone else gets a polite no, and nothing changes', async (lang, locale, command) => {
    await speak(lang);
    expect(await say(inChannel('aad-pz-employee', locale), command)).toBe(t(T.politeNo, lang, { team: 'Publiekszaken' }));
    // The manager of another team may not switch this team's card either.
    expect(await say(inChannel('aad-manager-2', locale), `${command} Publiekszaken`)).toBe(t(T.politeNo, lang, { team: 'Publiekszaken' }));
    await nothingStored();
  });

  it.each([
    ['nl', 'nl-NL', 'teamkaart aan'],
    ['en', 'en-US', 'team card on'],
  ] as const)('in %s: a 1:1 chat, a group chat or a team the app does not know: a clear answer, nothing changes', async (lang, locale, command) => {
    await speak(lang);
    expect(await say(h.adapter({ userId: 'aad-manager-1', locale }), command)).toBe(t(T.notInChannel, lang));
    expect(await say(h.adapter({ userId: 'aad-manager-1', locale, conversationType: 'groupChat' }), command)).toBe(t(T.notInChannel, lang));
    expect(await say(inChannel('aad-manager-1', locale, '19:unknown-team@thread.tacv2'), command)).toBe(t(T.unknownTeam, lang));
    expect(await say(inChannel('aad-coordinator', locale), `${command} Bestaat Niet`)).toBe(t(T.unknownOrgTeam, lang, { team: 'Bestaat Niet' }));
    expect(await say(inChannel('aad-manager-1', locale), lang === 'nl' ? 'teamkaart misschien' : 'team card maybe')).toBe(t(T.usage, lang));
    await nothingStored();
  });

  it('a channel that carries another team’s card: only someone allowed there may switch it over', async () => {
    expect(await say(inChannel('aad-manager-1'), 'teamkaart aan')).toBe(t(T.switchedOn, 'nl', { team: 'Publiekszaken' }));
    expect(await say(inChannel('aad-manager-2'), 'teamkaart aan Buitendienst')).toBe(t(T.politeNo, 'nl', { team: 'Publiekszaken' }));
    expect(await h.repos.teamCards.get('soest', TEAMS_TEAM)).toMatchObject({ orgTeamId: 'publiekszaken', enabled: true });
    // Switching off a card that is not on here changes nothing (and the channel is still Publiekszaken's).
    expect(await say(inChannel('aad-manager-1'), 'teamkaart uit Buitendienst')).toBe(t(T.politeNo, 'nl', { team: 'Buitendienst' }));
    expect(await say(inChannel('aad-coordinator'), 'teamkaart uit Buitendienst')).toBe(t(T.alreadyOff, 'nl'));
    expect(await h.repos.teamCards.get('soest', TEAMS_TEAM)).toMatchObject({ orgTeamId: 'publiekszaken', enabled: true });
  });
});
