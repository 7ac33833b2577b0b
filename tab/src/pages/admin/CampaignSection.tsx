import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CAMPAIGN_NAME_MAX, CampaignBody, CampaignView } from '@soestainable/shared/api/admin';
import type { CampaignStatus } from '@soestainable/shared/domain/campaign';
import type { Language } from '@soestainable/shared/domain/types';
import { useApi, useApiCalls } from '../../api/useApi';
import { useLang } from '../../app/context';
import { Section } from '../../components/Section';
import { ApiView } from '../../components/states';
import { formatDate } from '../../texts/format';
import { useT } from '../../texts/useT';
import { NoticeBar, SaveButton, textProblem, useAdminStyles, useSave, validation } from './common';
import { commonTexts } from '../../texts/texts';
import { adminTexts } from './texts';

/**
 * The contract's campaignId slug and name limit, so the form explains a problem before sending. Repeated because a
 * value import from the contract would bring zod into this chunk; the limit's type ties it to the contract (a
 * changed number stops this line compiling), the slug is checked by the server again.
 */
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const NAME_MAX: typeof CAMPAIGN_NAME_MAX = 100;
const STATUS_TEXT = { draft: 'statusDraft', active: 'statusActive', ended: 'statusEnded' } as const;

type Saver = ReturnType<typeof useSave>;

/** "2, 6, 12" → [2, 6, 12]; `undefined` when a part is not a whole number (the server checks the rest: count, range, rising). */
function parseWeeks(text: string): number[] | undefined {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  return parts.every((p) => /^\+?\d{1,3}$/.test(p)) ? parts.map((p) => Number(p.replace('+', ''))) : undefined;
}
const sameWeeks = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);

function CampaignForm({ campaign, saver, onSaved }: { readonly campaign: CampaignView | null; readonly saver: Saver; readonly onSaved: () => void }): ReactElement {
  const lang = useLang();
  const t = useT();
  const styles = useAdminStyles();
  const { apiSend } = useApiCalls();
  const { busy, save } = saver;
  const [campaignId, setCampaignId] = useState(campaign?.campaignId ?? '');
  const [nameNl, setNameNl] = useState(campaign?.name.nl ?? '');
  const [nameEn, setNameEn] = useState(campaign?.name.en ?? '');
  const [startDate, setStart] = useState(campaign?.startDate ?? '');
  const [endDate, setEnd] = useState(campaign?.endDate ?? '');
  const [status, setStatus] = useState<CampaignStatus>(campaign?.status ?? 'draft');
  const [closingDays, setClosingDays] = useState<readonly string[]>(campaign?.closingDays ?? []);
  const [newDay, setNewDay] = useState('');
  const [weeksText, setWeeksText] = useState((campaign?.followUpWeeks ?? [2, 6, 12]).join(', '));
  const [touched, setTouched] = useState(false);
  const weeks = parseWeeks(weeksText);

  const problems = {
    campaignId: campaignId === '' ? t(adminTexts.required) : SLUG.test(campaignId) ? undefined : t(adminTexts.campaignIdInvalid),
    nameNl: textProblem(t, nameNl, NAME_MAX),
    nameEn: textProblem(t, nameEn, NAME_MAX),
    startDate: startDate === '' ? t(adminTexts.required) : undefined,
    endDate: endDate === '' ? t(adminTexts.required) : startDate !== '' && endDate < startDate ? t(adminTexts.endBeforeStart) : undefined,
    followUpWeeks: weeks === undefined || weeks.length === 0 ? t(adminTexts.rule_follow_up_not_numbers) : undefined,
  };
  const shown = (p: string | undefined): ReturnType<typeof validation> => validation(touched ? p : undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setTouched(true);
    if (Object.values(problems).some((p) => p !== undefined)) return;
    // The waves are sent only when changed: absent means "as they are" (and, for a new campaign, +2/+6/+12).
    const changedWeeks = weeks !== undefined && !sameWeeks(weeks, campaign?.followUpWeeks ?? [2, 6, 12]) ? { followUpWeeks: weeks } : {};
    const body: CampaignBody = { campaignId, name: { nl: nameNl.trim(), en: nameEn.trim() }, startDate, endDate, closingDays: [...closingDays], status, ...changedWeeks };
    const result = await save(() => apiSend('admin.campaign.put', { body, etag: campaign?.etag }));
    if (result.ok || result.error.code === 'STALE') onSaved();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={t(adminTexts.campaign)} noValidate>
      <div className={styles.row}>
        <Field label={t(adminTexts.campaignId)} required {...shown(problems.campaignId)}>
          <Input value={campaignId} disabled={campaign !== null} onChange={(_, d) => setCampaignId(d.value)} />
        </Field>
        <Field label={t(adminTexts.status)}>
          <Select value={status} onChange={(_, d) => setStatus(d.value as CampaignStatus)}>
            {(Object.keys(STATUS_TEXT) as CampaignStatus[]).map((s) => (
              <option key={s} value={s}>
                {t(adminTexts[STATUS_TEXT[s]])}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t(adminTexts.nameNl)} required {...shown(problems.nameNl)}>
          <Input value={nameNl} onChange={(_, d) => setNameNl(d.value)} />
        </Field>
        <Field label={t(adminTexts.nameEn)} required {...shown(problems.nameEn)}>
          <Input value={nameEn} onChange={(_, d) => setNameEn(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t(adminTexts.startDate)} required {...shown(problems.startDate)}>
          <Input type="date" value={startDate} onChange={(_, d) => setStart(d.value)} />
        </Field>
        <Field label={t(adminTexts.endDate)} required {...shown(problems.endDate)}>
          <Input type="date" value={endDate} onChange={(_, d) => setEnd(d.value)} />
        </Field>
      </div>
      <fieldset className={styles.form}>
        <legend>{t(adminTexts.closingDays)}</legend>
        <Text size={200} className={styles.muted}>
          {t(adminTexts.closingDaysHint)}
        </Text>
        {closingDays.length === 0 ? (
          <Text>{t(adminTexts.noClosingDays)}</Text>
        ) : (
          <ul className={styles.list} aria-label={t(adminTexts.closingDays)}>
            {closingDays.map((day) => (
              <li key={day} className={styles.inline}>
                <span>{formatDate(lang, day)}</span>
                <Button size="small" onClick={() => setClosingDays((days) => days.filter((d) => d !== day))}>
                  {t(adminTexts.removeItem, { name: formatDate(lang, day) })}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className={styles.row}>
          <Field label={t(adminTexts.closingDay)}>
            <Input type="date" value={newDay} onChange={(_, d) => setNewDay(d.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button
              disabled={newDay === '' || closingDays.includes(newDay)}
              onClick={() => {
                setClosingDays((days) => [...days, newDay].sort());
                setNewDay('');
              }}
            >
              {t(adminTexts.add)}
            </Button>
          </div>
        </div>
      </fieldset>
      <Field label={t(adminTexts.followUpWeeks)} hint={t(adminTexts.followUpWeeksHint)} {...shown(problems.followUpWeeks)}>
        <Input value={weeksText} onChange={(_, d) => setWeeksText(d.value)} />
      </Field>
      {campaign === null || campaign.followUpDates.length === 0 ? null : (
        <Text className={styles.muted}>{t(adminTexts.followUpDates, { dates: campaign.followUpDates.map((d) => formatDate(lang, d)).join(', ') })}</Text>
      )}
      {campaign === null || campaign.days.length === 0 ? null : (
        <Text className={styles.muted}>
          {t(adminTexts.challengeDays, { count: campaign.days.length, first: formatDate(lang, campaign.days[0] ?? ''), last: formatDate(lang, campaign.days[campaign.days.length - 1] ?? '') })}
        </Text>
      )}
      <SaveButton busy={busy} />
    </form>
  );
}

/** Campaign dates, name, status and local closing days (routes `admin.campaign.get` and `.put`, If-Match). */
export function CampaignSection({ lang, onChanged }: { readonly lang: Language; readonly onChanged: () => void }): ReactElement {
  const state = useApi('admin.campaign.get');
  const styles = useAdminStyles();
  const t = useT();
  // The notice lives outside the form: a saved campaign has a new etag, which gives a fresh form.
  const saver = useSave(lang);
  // "Nieuwe campagne": an empty form beside the current campaign (next year's, say), until saved or cancelled.
  const [creating, setCreating] = useState(false);
  const reload = (): void => {
    setCreating(false);
    state.reload();
    onChanged();
  };
  return (
    <Section title={t(adminTexts.campaign)}>
      <ApiView state={state}>
        {(data) =>
          creating && data.current !== null ? (
            <>
              <Text className={styles.muted}>{t(adminTexts.newCampaignIntro)}</Text>
              <CampaignForm key="new" campaign={null} saver={saver} onSaved={reload} />
              <div>
                <Button appearance="subtle" onClick={() => setCreating(false)}>
                  {t(commonTexts.cancel)}
                </Button>
              </div>
              <NoticeBar notice={saver.notice} />
            </>
          ) : (
            <>
              {data.current === null ? <Text className={styles.muted}>{t(adminTexts.noCampaign)}</Text> : null}
              <CampaignForm key={data.current?.etag ?? 'new'} campaign={data.current} saver={saver} onSaved={reload} />
              <NoticeBar notice={saver.notice} />
              {data.current === null ? null : (
                <div>
                  <Button onClick={() => setCreating(true)}>{t(adminTexts.newCampaign)}</Button>
                </div>
              )}
            </>
          )
        }
      </ApiView>
    </Section>
  );
}
