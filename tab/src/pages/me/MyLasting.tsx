import { Button, Checkbox, Field, Text, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import type { MyEndSurvey, MyLastingResponse, MyPledge, MyWaveAnswers, SurveyQuestion } from '@soestainable/shared/api/lasting';
import type { PledgesBody } from '@soestainable/shared/api/lastingBody';
import { DISTANCE_BAND_LABELS, FREQUENCY_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Language, Localized } from '@soestainable/shared/domain/types';
import { useApi, useApiCalls, useMutation } from '../../api/useApi';
import { useLang } from '../../app/context';
import { KEPT_LABELS, QUESTION_LABELS, YES_NO_LABELS } from '../../components/lasting/texts';
import { ScrollRegion } from '../../components/ScrollRegion';
import { Section, useSectionStyles } from '../../components/Section';
import { ErrorState } from '../../components/states';
import { amsterdamDay, formatDate, localized } from '../../texts/format';
import { commonTexts } from '../../texts/texts';
import { useT } from '../../texts/useT';
import { myLastingTexts as T } from './lastingTexts';

/**
 * The pledge rules the server checks (MIN_PLEDGES, MAX_PLEDGES, MAX_FOLLOW_UP_TEXT in shared/src/domain/followUp.ts;
 * a test keeps them equal; importing that module would bring zod along).
 */
export const PLEDGE_LIMITS = { min: 1, max: 3, helpMax: 500 } as const;

const SURVEY_ORDER: readonly SurveyQuestion[] = ['commuteMode', 'distanceBand', 'disposablePackaging', 'screensOffAtNight', 'lightsOffWhenLeaving'];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem' },
  choices: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

function answerLabel(question: SurveyQuestion, value: string, lang: Language): string {
  const labels: Readonly<Record<string, Localized>> =
    question === 'commuteMode' ? TRAVEL_MODE_LABELS : question === 'distanceBand' ? DISTANCE_BAND_LABELS : question === 'disposablePackaging' ? FREQUENCY_LABELS : YES_NO_LABELS;
  const label = labels[value];
  return label ? localized(label, lang) : value;
}

function PledgeForm({ pledge, onSaved, onCancel }: { readonly pledge: MyPledge; readonly onSaved: () => void; readonly onCancel: () => void }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const { apiSend } = useApiCalls();
  const [chosen, setChosen] = useState<readonly string[]>(pledge.challengeIds);
  const [help, setHelp] = useState(pledge.help ?? '');
  const save = useMutation(useCallback((body: PledgesBody) => apiSend('me.pledges.put', { params: { campaignId: pledge.campaign.campaignId }, body }), [apiSend, pledge.campaign.campaignId]));
  const countOk = chosen.length >= PLEDGE_LIMITS.min && chosen.length <= PLEDGE_LIMITS.max;
  const helpOk = [...help].length <= PLEDGE_LIMITS.helpMax;
  const toggle = (id: string, on: boolean): void => setChosen((now) => (on ? [...now.filter((x) => x !== id), id] : now.filter((x) => x !== id)));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!countOk || !helpOk) return;
    const body: PledgesBody = help.trim() === '' ? { challengeIds: [...chosen] } : { challengeIds: [...chosen], help: help.trim() };
    if ((await save.run(body)) !== undefined) onSaved();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)}>
      <fieldset className={styles.choices}>
        <legend>{t(T.choose, { max: PLEDGE_LIMITS.max })}</legend>
        {pledge.choices.map((c) => (
          <Checkbox key={c.challengeId} label={localized(c.phrase, lang)} checked={chosen.includes(c.challengeId)} onChange={(_e, d) => toggle(c.challengeId, d.checked === true)} />
        ))}
        {countOk ? null : <Text className={styles.error}>{t(T.chooseError, { max: PLEDGE_LIMITS.max })}</Text>}
      </fieldset>
      <Field label={t(T.helpLabel)} {...(helpOk ? {} : { validationMessage: t(commonTexts.tooLong, { max: PLEDGE_LIMITS.helpMax }) })}>
        <Textarea value={help} onChange={(_e, d) => setHelp(d.value)} resize="vertical" />
      </Field>
      {save.error === null ? null : <ErrorState error={save.error} />}
      <div>
        <Button type="submit" appearance="primary" disabled={!countOk || !helpOk || save.busy}>
          {t(commonTexts.save)}
        </Button>{' '}
        <Button onClick={onCancel}>{t(commonTexts.cancel)}</Button>
      </div>
    </form>
  );
}

function Pledges({ pledges, reload }: { readonly pledges: readonly MyPledge[]; readonly reload: () => void }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <Section title={t(T.pledgesTitle)}>
      {saved ? <Text role="status">{t(T.saved)}</Text> : null}
      {pledges.map((p) => {
        const phrase = (id: string): string => localized(p.choices.find((c) => c.challengeId === id)?.phrase ?? { nl: id, en: id }, lang);
        return (
          <div key={p.campaign.campaignId} className={styles.item}>
            <Text weight="semibold">{t(T.pledgeCampaign, { name: localized(p.campaign.name, lang), date: formatDate(lang, amsterdamDay(p.updatedAt)) })}</Text>
            {editing === p.campaign.campaignId ? (
              <PledgeForm
                pledge={p}
                onCancel={() => setEditing(null)}
                onSaved={() => {
                  setEditing(null);
                  setSaved(true);
                  reload();
                }}
              />
            ) : (
              <>
                <ul className={styles.list}>
                  {p.challengeIds.map((id) => (
                    <li key={id}>{phrase(id)}</li>
                  ))}
                </ul>
                {p.help === null ? null : <Text size={200} className={styles.muted}>{`${t(T.help)}: ${p.help}`}</Text>}
                {p.editable ? (
                  <div>
                    <Button
                      onClick={() => {
                        setSaved(false);
                        setEditing(p.campaign.campaignId);
                      }}
                    >
                      {t(T.change)}
                    </Button>
                  </div>
                ) : null}
              </>
            )}
          </div>
        );
      })}
    </Section>
  );
}

function EndSurvey({ survey }: { readonly survey: MyEndSurvey }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  return (
    <ScrollRegion label={t(T.endTitle)}>
      <table className={styles.table} aria-label={t(T.endTitle)}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(T.question)}</th>
            <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(T.baseline)}</th>
            <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(T.end)}</th>
          </tr>
        </thead>
        <tbody>
          {SURVEY_ORDER.map((q) => (
            <tr key={q}>
              <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{t(QUESTION_LABELS[q])}</th>
              <td className={styles.cell}>{survey.baseline === null ? t(T.noBaseline) : answerLabel(q, survey.baseline[q], lang)}</td>
              <td className={styles.cell}>{answerLabel(q, survey.answers[q], lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Waves({ waves }: { readonly waves: readonly MyWaveAnswers[] }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useSectionStyles();
  const habits = [...new Map(waves.flatMap((w) => w.answers.map((a) => [a.challengeId, a.phrase] as const))).entries()];
  return (
    <ScrollRegion label={t(T.wavesTitle)}>
      <table className={styles.table} aria-label={t(T.wavesTitle)}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.head)}>{t(T.habit)}</th>
            {waves.map((w) => (
              <th key={w.wave} scope="col" className={mergeClasses(styles.cell, styles.head)}>
                {t(T.waveColumn, { wave: w.wave, date: formatDate(lang, w.sendOn ?? amsterdamDay(w.answeredAt)) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {habits.map(([id, phrase]) => (
            <tr key={id}>
              <th scope="row" className={mergeClasses(styles.cell, styles.head)}>{localized(phrase, lang)}</th>
              {waves.map((w) => {
                const answer = w.answers.find((a) => a.challengeId === id);
                return (
                  <td key={w.wave} className={styles.cell}>
                    {answer ? t(KEPT_LABELS[answer.kept]) : t(T.notAnswered)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** My pledges (changeable), my end survey beside my baseline, and my answers per wave, for my latest campaign. */
function MyLastingView({ data, reload }: { readonly data: MyLastingResponse; readonly reload: () => void }): ReactElement | null {
  const t = useT();
  const latest = data.pledges[0]?.campaign.campaignId ?? data.endSurveys.at(-1)?.campaignId ?? data.waves.at(-1)?.campaignId;
  if (!data.enrolled || latest === undefined) return null;
  const survey = data.endSurveys.find((s) => s.campaignId === latest);
  const waves = data.waves.filter((w) => w.campaignId === latest);
  return (
    <>
      {data.pledges.length === 0 ? null : <Pledges pledges={data.pledges} reload={reload} />}
      {survey === undefined ? null : (
        <Section title={t(T.endTitle)}>
          <EndSurvey survey={survey} />
        </Section>
      )}
      {waves.length === 0 ? null : (
        <Section title={t(T.wavesTitle)}>
          <Waves waves={waves} />
        </Section>
      )}
    </>
  );
}

/** Loads on its own: "Mijn voortgang" shows its figures first; this part appears once the person has anything. */
export function MyLasting(): ReactElement | null {
  const state = useApi('me.lasting.get');
  if (state.error !== null) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return null;
  return <MyLastingView data={state.data} reload={state.reload} />;
}
