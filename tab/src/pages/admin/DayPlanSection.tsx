import { Button, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CatalogueEntryView, ChallengeTexts, DayPlanBody, DayPlanResponse } from '@soestainable/shared/api/admin';
import { THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Language, Localized } from '@soestainable/shared/domain/types';
import type { TFunction } from '@soestainable/shared/text';
import { useApi, useApiCalls } from '../../api/useApi';
import { Section } from '../../components/Section';
import { ApiView, ErrorState } from '../../components/states';
import { formatDay, localized } from '../../texts/format';
import { useT } from '../../texts/useT';
import { NoticeBar, SaveButton, textProblem, useAdminStyles, useSave, validation } from './common';
import { adminTexts } from './texts';

const FIELDS = ['title', 'action', 'tip', 'question'] as const;
type TextField = (typeof FIELDS)[number];
const FIELD_LABEL = { title: adminTexts.fieldTitle, action: adminTexts.fieldAction, tip: adminTexts.fieldTip, question: adminTexts.fieldQuestion } as const satisfies Record<TextField, Localized>;
type Texts = Readonly<Record<TextField, Localized>>;

function textsOf(entry: CatalogueEntryView): Texts {
  return { title: entry.title, action: entry.action, tip: entry.tip, question: entry.question.text };
}

const sameTexts = (a: Texts, b: Texts): boolean => FIELDS.every((f) => a[f].nl === b[f].nl && a[f].en === b[f].en);

/** Every problem of one entry's edited texts, per field and language (the same rules the server applies). */
function textProblems(texts: Texts, limits: DayPlanResponse['limits'], t: TFunction): Partial<Record<`${TextField}.${'nl' | 'en'}`, string>> {
  const out: Partial<Record<`${TextField}.${'nl' | 'en'}`, string>> = {};
  for (const f of FIELDS) {
    const nl = textProblem(t, texts[f].nl, limits[f]);
    const en = textProblem(t, texts[f].en, limits[f]) ?? (texts[f].nl.trim() === texts[f].en.trim() ? t(adminTexts.untranslated) : undefined);
    if (nl !== undefined) out[`${f}.nl`] = nl;
    if (en !== undefined) out[`${f}.en`] = en;
  }
  return out;
}

function TextsEditor({ day, texts, limits, onChange }: {
  readonly day: number;
  readonly texts: Texts;
  readonly limits: DayPlanResponse['limits'];
  readonly onChange: (texts: Texts) => void;
}): ReactElement {
  const styles = useAdminStyles();
  const t = useT();
  const problems = textProblems(texts, limits, t);
  return (
    <fieldset className={styles.form}>
      <legend>{t(adminTexts.editTexts, { day })}</legend>
      {FIELDS.map((f) => (
        <div key={f} className={styles.row}>
          {(['nl', 'en'] as const).map((l) => {
            const label = t(adminTexts[l === 'nl' ? 'inNl' : 'inEn'], { field: t(FIELD_LABEL[f]) });
            const set = (value: string): void => onChange({ ...texts, [f]: { ...texts[f], [l]: value } });
            return (
              <Field key={l} label={label} required {...validation(problems[`${f}.${l}`])}>
                {f === 'title' ? (
                  <Input value={texts[f][l]} onChange={(_, d) => set(d.value)} />
                ) : (
                  <Textarea value={texts[f][l]} resize="vertical" onChange={(_, d) => set(d.value)} />
                )}
              </Field>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}

function DayPlanForm({ data, lang, saver, onSaved }: { readonly data: DayPlanResponse; readonly lang: Language; readonly saver: ReturnType<typeof useSave>; readonly onSaved: () => void }): ReactElement {
  const styles = useAdminStyles();
  const t = useT();
  const { apiSend } = useApiCalls();
  const catalogue = new Map(data.catalogue.map((c) => [c.id, c]));
  const [plan, setPlan] = useState<readonly string[]>(data.dayPlan);
  const [edits, setEdits] = useState<ReadonlyMap<string, Texts>>(new Map());
  const [open, setOpen] = useState<string | null>(null);

  const move = (index: number, by: -1 | 1): void =>
    setPlan((p) => {
      const next = [...p];
      const [item] = next.splice(index, 1);
      if (item !== undefined) next.splice(index + by, 0, item);
      return next;
    });

  const changed = [...edits].filter(([id, texts]) => {
    const entry = catalogue.get(id);
    return entry !== undefined && !sameTexts(texts, textsOf(entry));
  });
  const invalid = changed.some(([, texts]) => Object.keys(textProblems(texts, data.limits, t)).length > 0);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (invalid) return;
    const texts: ChallengeTexts[] = changed.map(([id, edited]) => ({
      id,
      title: { nl: edited.title.nl.trim(), en: edited.title.en.trim() },
      action: { nl: edited.action.nl.trim(), en: edited.action.en.trim() },
      tip: { nl: edited.tip.nl.trim(), en: edited.tip.en.trim() },
      question: { nl: edited.question.nl.trim(), en: edited.question.en.trim() },
    }));
    const body: DayPlanBody = { campaignId: data.campaignId, dayPlan: [...plan], texts };
    const result = await saver.save(() => apiSend('admin.dayplan.put', { body, etag: data.etag }));
    if (result.ok || result.error.code === 'STALE') onSaved();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={t(adminTexts.dayPlan)} noValidate>
      <Text className={styles.muted}>{t(adminTexts.dayPlanIntro)}</Text>
      <ol className={styles.list}>
        {plan.map((id, index) => {
          const entry = catalogue.get(id);
          const day = index + 1;
          const date = data.days[index];
          const texts = edits.get(id) ?? (entry === undefined ? undefined : textsOf(entry));
          return (
            <li key={id} className={styles.item}>
              <div className={styles.inline}>
                <Text weight="semibold">{date === undefined ? t(adminTexts.dayLabel, { day }) : t(adminTexts.dayDate, { day, date: formatDay(lang, date) })}</Text>
                <Text>{texts === undefined ? id : localized(texts.title, lang)}</Text>
                {entry === undefined ? null : <Text className={styles.muted}>{t(THEME_LABELS[entry.theme])}</Text>}
              </div>
              <div className={styles.buttons}>
                <Button size="small" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t(adminTexts.moveUp, { day })}
                </Button>
                <Button size="small" disabled={index === plan.length - 1} onClick={() => move(index, 1)}>
                  {t(adminTexts.moveDown, { day })}
                </Button>
                {texts === undefined ? null : (
                  <Button size="small" appearance="subtle" aria-expanded={open === id} onClick={() => setOpen((o) => (o === id ? null : id))}>
                    {t(adminTexts.editTexts, { day })}
                  </Button>
                )}
              </div>
              {open === id && texts !== undefined ? (
                <TextsEditor day={day} texts={texts} limits={data.limits} onChange={(edited) => setEdits((m) => new Map(m).set(id, edited))} />
              ) : null}
            </li>
          );
        })}
      </ol>
      <SaveButton busy={saver.busy} disabled={invalid} />
    </form>
  );
}

/** The day plan: reorder the campaign's challenges and edit their texts in both languages (If-Match). */
export function DayPlanSection({ lang }: { readonly lang: Language }): ReactElement {
  const state = useApi('admin.dayplan.get');
  const saver = useSave(lang);
  const styles = useAdminStyles();
  const t = useT();
  return (
    <Section title={t(adminTexts.dayPlan)}>
      {state.error?.code === 'NOT_FOUND' ? (
        <Text className={styles.muted}>{t(adminTexts.noDayPlan)}</Text>
      ) : state.error !== null ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <ApiView state={state}>
          {(data) => (
            <>
              <DayPlanForm key={data.etag} data={data} lang={lang} saver={saver} onSaved={state.reload} />
              <NoticeBar notice={saver.notice} />
            </>
          )}
        </ApiView>
      )}
    </Section>
  );
}
