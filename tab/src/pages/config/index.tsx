import { Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { TeamRef } from '@soestainable/shared/api/session';
import { useApi } from '../../api/useApi';
import { useEnvironment, useOptionalSession } from '../../app/context';
import type { TabInstanceConfig, TeamsHost } from '../../app/host';
import { hrefFor } from '../../app/router';
import { PageFrame } from '../../components/PageFrame';
import { ApiView, EmptyState } from '../../components/states';
import { useT } from '../../texts/useT';
import { configTexts } from './texts';

/**
 * The configurable tab's settings for a team: the address Teams opens (`{locale}` is filled in by Teams) and the
 * names it shows. Exported for the tests.
 */
export function instanceConfig(origin: string, team: TeamRef, displayName: string): TabInstanceConfig {
  return {
    contentUrl: `${origin}/tab/?lang={locale}${hrefFor('team', team.teamId)}`,
    websiteUrl: `${origin}/tab/${hrefFor('team', team.teamId)}`,
    entityId: `team-${team.teamId}`,
    suggestedDisplayName: displayName,
  };
}

/**
 * `#/config`: the configuration page of the team tab. In Teams it lets the channel pick its organisation team and
 * saves the tab's address (`pages.config`); outside Teams it explains what it is for.
 */
export default function ConfigPage(): ReactElement {
  const env = useEnvironment();
  const t = useT();
  return (
    <PageFrame title={t(configTexts.title)}>
      {env.teams === null ? <EmptyState title={t(configTexts.outsideTeams)} /> : <TeamPicker teams={env.teams} origin={env.origin} />}
    </PageFrame>
  );
}

function TeamPicker({ teams, origin }: { readonly teams: TeamsHost; readonly origin: string }): ReactElement {
  const t = useT();
  const session = useOptionalSession();
  const state = useApi('teams.get');
  const [teamId, setTeamId] = useState('');
  const chosen = useRef<TeamRef | null>(null);

  const list = state.data?.teams;
  // Preselect the user's own team once the list is there.
  useEffect(() => {
    if (list === undefined || teamId !== '') return;
    const own = list.find((team) => team.teamId === session?.teamId);
    if (own !== undefined) setTeamId(own.teamId);
  }, [list, session, teamId]);

  // Teams asks for the settings when the user chooses Save; Save is enabled once a team is chosen.
  useEffect(() => {
    const team = list?.find((x) => x.teamId === teamId) ?? null;
    chosen.current = team;
    teams.setConfigValid(team !== null);
  }, [list, teamId, teams]);
  useEffect(() => {
    teams.onConfigSave(() => {
      const team = chosen.current;
      if (team === null) return Promise.reject(new Error('no team chosen'));
      return Promise.resolve(instanceConfig(origin, team, t(configTexts.displayName, { team: team.name })));
    });
  }, [teams, origin, t]);

  const current = list?.find((x) => x.teamId === teamId);
  return (
    <ApiView state={state}>
      {(data) =>
        data.teams.length === 0 ? (
          <EmptyState title={t(configTexts.noTeams)} />
        ) : (
          <>
            <Text>{t(configTexts.intro)}</Text>
            <Field label={t(configTexts.team)}>
              <Select value={teamId} onChange={(_, d) => setTeamId(d.value)}>
                <option value="" disabled>
                  {t(configTexts.choose)}
                </option>
                {data.teams.map((team) => (
                  <option key={team.teamId} value={team.teamId}>
                    {team.name}
                  </option>
                ))}
              </Select>
            </Field>
            {current === undefined ? null : <Text role="status">{t(configTexts.chosen, { team: current.name })}</Text>}
          </>
        )
      }
    </ApiView>
  );
}
