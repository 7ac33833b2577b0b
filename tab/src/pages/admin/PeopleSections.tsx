import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CoordinatorsResponse, PersonView, TEAM_NAME_MAX as CONTRACT_TEAM_NAME_MAX, TeamsAdminResponse, TeamsBody } from '@soestainable/shared/api/admin';
import type { Language } from '@soestainable/shared/domain/types';
import { useApi, useApiCalls } from '../../api/useApi';
import { Section } from '../../components/Section';
import { ApiView } from '../../components/states';
import { NoticeBar, SaveButton, textProblem, useAdminStyles, useSave, validation } from './common';
import { at } from './texts';

/** The contract's team name limit (its type ties the number to the contract; a value import would bring zod). */
const TEAM_NAME_MAX: typeof CONTRACT_TEAM_NAME_MAX = 100;

function personLabel(p: PersonView | undefined, userId: string, lang: Language): string {
  return p === undefined ? userId : at('person', lang, { userId: p.userId, team: p.teamName });
}

/** A picker of people not yet in a list, with an Add button. */
function AddPerson({ label, people, exclude, lang, onAdd }: {
  readonly label: string;
  readonly people: readonly PersonView[];
  readonly exclude: readonly string[];
  readonly lang: Language;
  readonly onAdd: (userId: string) => void;
}): ReactElement {
  const styles = useAdminStyles();
  const [choice, setChoice] = useState('');
  const options = people.filter((p) => !exclude.includes(p.userId));
  return (
    <div className={styles.row}>
      <Field label={label}>
        <Select className={styles.select} select={{ className: styles.selectControl }} value={choice} onChange={(_, d) => setChoice(d.value)}>
          <option value="">{at('choosePerson', lang)}</option>
          {options.map((p) => (
            <option key={p.userId} value={p.userId}>
              {personLabel(p, p.userId, lang)}
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
          {at('add', lang)}
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

function TeamsForm({ data, people, lang, saver, onSaved }: {
  readonly data: TeamsAdminResponse;
  readonly people: readonly PersonView[];
  readonly lang: Language;
  readonly saver: ReturnType<typeof useSave>;
  readonly onSaved: () => void;
}): ReactElement {
  const styles = useAdminStyles();
  const { apiSend } = useApiCalls();
  const byId = new Map(people.map((p) => [p.userId, p]));
  const [teams, setTeams] = useState<readonly TeamDraft[]>(data.teams.map((t) => ({ key: t.teamId, teamId: t.teamId, name: t.name, managerIds: t.managerIds, members: t.members })));
  const [newName, setNewName] = useState('');
  const [counter, setCounter] = useState(0);
  const update = (key: string, change: (t: TeamDraft) => TeamDraft): void => setTeams((all) => all.map((t) => (t.key === key ? change(t) : t)));
  const problems = new Map(teams.map((t) => [t.key, textProblem(lang, t.name, TEAM_NAME_MAX)]));
  const invalid = [...problems.values()].some((p) => p !== undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (invalid) return;
    const body: TeamsBody = {
      teams: teams.map((t) => ({ ...(t.teamId === undefined ? {} : { teamId: t.teamId }), name: t.name.trim(), managerIds: [...t.managerIds] })),
    };
    const result = await saver.save(() => apiSend('admin.teams.put', { body }));
    if (result.ok) onSaved();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={at('teams', lang)} noValidate>
      {teams.length === 0 ? <Text>{at('noTeams', lang)}</Text> : null}
      <ul className={styles.list}>
        {teams.map((t) => (
          <li key={t.key} className={styles.item}>
            <div className={styles.row}>
              <Field label={at('teamName', lang)} required {...validation(problems.get(t.key))}>
                <Input value={t.name} onChange={(_, d) => update(t.key, (x) => ({ ...x, name: d.value }))} />
              </Field>
              <div className={styles.buttons}>
                <Text className={styles.muted}>{at('members', lang, { n: t.members })}</Text>
                <Button size="small" className={styles.wrapButton} onClick={() => setTeams((all) => all.filter((x) => x.key !== t.key))}>
                  {at('removeItem', lang, { name: t.name === '' ? at('newTeam', lang) : t.name })}
                </Button>
              </div>
            </div>
            <Text weight="semibold">{at('managers', lang)}</Text>
            {t.managerIds.length === 0 ? (
              <Text className={styles.muted}>{at('noManagers', lang)}</Text>
            ) : (
              <ul className={styles.list} aria-label={`${at('managers', lang)}: ${t.name}`}>
                {t.managerIds.map((id) => (
                  <li key={id} className={styles.inline}>
                    <span>{personLabel(byId.get(id), id, lang)}</span>
                    <Button size="small" appearance="subtle" className={styles.wrapButton} onClick={() => update(t.key, (x) => ({ ...x, managerIds: x.managerIds.filter((m) => m !== id) }))}>
                      {at('removeItem', lang, { name: id })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <AddPerson label={at('addManager', lang)} people={people} exclude={t.managerIds} lang={lang} onAdd={(id) => update(t.key, (x) => ({ ...x, managerIds: [...x.managerIds, id] }))} />
          </li>
        ))}
      </ul>
      <div className={styles.row}>
        <Field label={at('newTeam', lang)}>
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
            {at('addTeam', lang)}
          </Button>
        </div>
      </div>
      <SaveButton busy={saver.busy} disabled={invalid} lang={lang} />
    </form>
  );
}

function CoordinatorsForm({ data, lang, saver, onSaved }: {
  readonly data: CoordinatorsResponse;
  readonly lang: Language;
  readonly saver: ReturnType<typeof useSave>;
  readonly onSaved: () => void;
}): ReactElement {
  const styles = useAdminStyles();
  const { apiSend } = useApiCalls();
  const byId = new Map(data.people.map((p) => [p.userId, p]));
  const [ids, setIds] = useState<readonly string[]>(data.coordinators.map((c) => c.userId));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = await saver.save(() => apiSend('admin.coordinators.put', { body: { userIds: [...ids] } }));
    if (result.ok) onSaved();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={at('coordinators', lang)} noValidate>
      <ul className={styles.list} aria-label={at('coordinators', lang)}>
        {ids.map((id) => (
          <li key={id} className={styles.inline}>
            <span>{personLabel(byId.get(id), id, lang)}</span>
            <Button size="small" appearance="subtle" className={styles.wrapButton} onClick={() => setIds((all) => all.filter((x) => x !== id))}>
              {at('removeItem', lang, { name: id })}
            </Button>
          </li>
        ))}
      </ul>
      <AddPerson label={at('addCoordinator', lang)} people={data.people} exclude={ids} lang={lang} onAdd={(id) => setIds((all) => [...all, id])} />
      <SaveButton busy={saver.busy} lang={lang} />
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
  const reloadBoth = (): void => {
    teams.reload();
    people.reload();
  };
  return (
    <>
      <Section title={at('teams', lang)}>
        <ApiView state={teams}>
          {(data) => (
            <>
              <TeamsForm key={JSON.stringify(data.teams)} data={data} people={people.data?.people ?? []} lang={lang} saver={teamSaver} onSaved={reloadBoth} />
              <NoticeBar notice={teamSaver.notice} />
            </>
          )}
        </ApiView>
      </Section>
      <Section title={at('coordinators', lang)}>
        <ApiView state={people}>
          {(data) => (
            <>
              <CoordinatorsForm key={data.coordinators.map((c) => c.userId).join('|')} data={data} lang={lang} saver={coordinatorSaver} onSaved={reloadBoth} />
              <NoticeBar notice={coordinatorSaver.notice} />
            </>
          )}
        </ApiView>
      </Section>
    </>
  );
}
