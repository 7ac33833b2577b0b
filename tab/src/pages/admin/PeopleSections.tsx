import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CoordinatorsResponse, PersonView, TEAM_NAME_MAX as CONTRACT_TEAM_NAME_MAX, TeamsAdminResponse, TeamsBody } from '@soestainable/shared/api/admin';
import type { Language } from '@soestainable/shared/domain/types';
import type { TFunction } from '@soestainable/shared/text';
import { useApi, useApiCalls } from '../../api/useApi';
import { Section } from '../../components/Section';
import { ApiView } from '../../components/states';
import { useT } from '../../texts/useT';
import { NoticeBar, SaveButton, textProblem, useAdminStyles, useSave, validation } from './common';
import { adminTexts } from './texts';

/** The contract's team name limit (its type ties the number to the contract; a value import would bring zod). */
const TEAM_NAME_MAX: typeof CONTRACT_TEAM_NAME_MAX = 100;

function personLabel(p: PersonView | undefined, userId: string, t: TFunction): string {
  return p === undefined ? userId : t(adminTexts.person, { userId: p.userId, team: p.teamName });
}

/** A picker of people not yet in a list, with an Add button. */
function AddPerson({ label, people, exclude, onAdd }: {
  readonly label: string;
  readonly people: readonly PersonView[];
  readonly exclude: readonly string[];
  readonly onAdd: (userId: string) => void;
}): ReactElement {
  const styles = useAdminStyles();
  const t = useT();
  const [choice, setChoice] = useState('');
  const options = people.filter((p) => !exclude.includes(p.userId));
  return (
    <div className={styles.row}>
      <Field label={label}>
        <Select className={styles.select} select={{ className: styles.selectControl }} value={choice} onChange={(_, d) => setChoice(d.value)}>
          <option value="">{t(adminTexts.choosePerson)}</option>
          {options.map((p) => (
            <option key={p.userId} value={p.userId}>
              {personLabel(p, p.userId, t)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.buttons}>
        <Button
          disabled={choice === ''}
          onClick={() => {
            onAdd(choice);
            setChoice('');
          }}
        >
          {t(adminTexts.add)}
        </Button>
      </div>
    </div>
  );
}

interface TeamDraft {
  readonly key: string;
  readonly teamId?: string;
  readonly name: string;
  readonly managerIds: readonly string[];
  readonly members: number;
}

function TeamsForm({ data, people, saver, onSaved }: {
  readonly data: TeamsAdminResponse;
  readonly people: readonly PersonView[];
  readonly saver: ReturnType<typeof useSave>;
  readonly onSaved: () => void;
}): ReactElement {
  const styles = useAdminStyles();
  const t = useT();
  const { apiSend } = useApiCalls();
  const byId = new Map(people.map((p) => [p.userId, p]));
  const [teams, setTeams] = useState<readonly TeamDraft[]>(data.teams.map((team) => ({ key: team.teamId, teamId: team.teamId, name: team.name, managerIds: team.managerIds, members: team.members })));
  const [newName, setNewName] = useState('');
  const [counter, setCounter] = useState(0);
  const update = (key: string, change: (team: TeamDraft) => TeamDraft): void => setTeams((all) => all.map((team) => (team.key === key ? change(team) : team)));
  const problems = new Map(teams.map((team) => [team.key, textProblem(t, team.name, TEAM_NAME_MAX)]));
  const invalid = [...problems.values()].some((p) => p !== undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (invalid) return;
    const body: TeamsBody = {
      teams: teams.map((team) => ({ ...(team.teamId === undefined ? {} : { teamId: team.teamId }), name: team.name.trim(), managerIds: [...team.managerIds] })),
    };
    const result = await saver.save(() => apiSend('admin.teams.put', { body }));
    if (result.ok) onSaved();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={t(adminTexts.teams)} noValidate>
      {teams.length === 0 ? <Text>{t(adminTexts.noTeams)}</Text> : null}
      <ul className={styles.list}>
        {teams.map((team) => (
          <li key={team.key} className={styles.item}>
            <div className={styles.row}>
              <Field label={t(adminTexts.teamName)} required {...validation(problems.get(team.key))}>
                <Input value={team.name} onChange={(_, d) => update(team.key, (x) => ({ ...x, name: d.value }))} />
              </Field>
              <div className={styles.buttons}>
                <Text className={styles.muted}>{t(adminTexts.members, { count: team.members })}</Text>
                <Button size="small" className={styles.wrapButton} onClick={() => setTeams((all) => all.filter((x) => x.key !== team.key))}>
                  {t(adminTexts.removeItem, { name: team.name === '' ? t(adminTexts.newTeam) : team.name })}
                </Button>
              </div>
            </div>
            <Text weight="semibold">{t(adminTexts.managers)}</Text>
            {team.managerIds.length === 0 ? (
              <Text className={styles.muted}>{t(adminTexts.noManagers)}</Text>
            ) : (
              <ul className={styles.list} aria-label={`${t(adminTexts.managers)}: ${team.name}`}>
                {team.managerIds.map((id) => (
                  <li key={id} className={styles.inline}>
                    <span>{personLabel(byId.get(id), id, t)}</span>
                    <Button size="small" appearance="subtle" className={styles.wrapButton} onClick={() => update(team.key, (x) => ({ ...x, managerIds: x.managerIds.filter((m) => m !== id) }))}>
                      {t(adminTexts.removeItem, { name: id })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <AddPerson label={t(adminTexts.addManager)} people={people} exclude={team.managerIds} onAdd={(id) => update(team.key, (x) => ({ ...x, managerIds: [...x.managerIds, id] }))} />
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Field label={t(adminTexts.newTeam)}>
          <Input value={newName} onChange={(_, d) => setNewName(d.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button
            disabled={newName.trim() === ''}
            onClick={() => {
              setTeams((all) => [...all, { key: `new-${counter}`, name: newName.trim(), managerIds: [], members: 0 }]);
              setCounter((c) => c + 1);
              setNewName('');
            }}
          >
            {t(adminTexts.addTeam)}
          </Button>
        </div>
      </div>
      <SaveButton busy={saver.busy} disabled={invalid} />
    </form>
  );
}

function CoordinatorsForm({ data, saver, onSaved }: {
  readonly data: CoordinatorsResponse;
  readonly saver: ReturnType<typeof useSave>;
  readonly onSaved: () => void;
}): ReactElement {
  const styles = useAdminStyles();
  const t = useT();
  const { apiSend } = useApiCalls();
  const byId = new Map(data.people.map((p) => [p.userId, p]));
  const [ids, setIds] = useState<readonly string[]>(data.coordinators.map((c) => c.userId));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = await saver.save(() => apiSend('admin.coordinators.put', { body: { userIds: [...ids] } }));
    if (result.ok) onSaved();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={t(adminTexts.coordinators)} noValidate>
      <ul className={styles.list} aria-label={t(adminTexts.coordinators)}>
        {ids.map((id) => (
          <li key={id} className={styles.inline}>
            <span>{personLabel(byId.get(id), id, t)}</span>
            <Button size="small" appearance="subtle" className={styles.wrapButton} onClick={() => setIds((all) => all.filter((x) => x !== id))}>
              {t(adminTexts.removeItem, { name: id })}
            </Button>
          </li>
        ))}
      </ul>
      <AddPerson label={t(adminTexts.addCoordinator)} people={data.people} exclude={ids} onAdd={(id) => setIds((all) => [...all, id])} />
      <SaveButton busy={saver.busy} />
    </form>
  );
}

/**
 * The organisation's teams with their managers, and the coordinators list. Both pick people from the
 * participants the coordinators endpoint lists.
 */
export function PeopleSections({ lang }: { readonly lang: Language }): ReactElement {
  const teams = useApi('admin.teams.get');
  const people = useApi('admin.coordinators.get');
  const teamSaver = useSave(lang);
  const coordinatorSaver = useSave(lang);
  const t = useT();
  const reloadBoth = (): void => {
    teams.reload();
    people.reload();
  };
  return (
    <>
      <Section title={t(adminTexts.teams)}>
        <ApiView state={teams}>
          {(data) => (
            <>
              <TeamsForm key={JSON.stringify(data.teams)} data={data} people={people.data?.people ?? []} saver={teamSaver} onSaved={reloadBoth} />
              <NoticeBar notice={teamSaver.notice} />
            </>
          )}
        </ApiView>
      </Section>
      <Section title={t(adminTexts.coordinators)}>
        <ApiView state={people}>
          {(data) => (
            <>
              <CoordinatorsForm key={data.coordinators.map((c) => c.userId).join('|')} data={data} saver={coordinatorSaver} onSaved={reloadBoth} />
              <NoticeBar notice={coordinatorSaver.notice} />
            </>
          )}
        </ApiView>
      </Section>
    </>
  );
}
