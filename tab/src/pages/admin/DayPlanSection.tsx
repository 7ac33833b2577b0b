import { Button, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import type { CatalogueEntryView, ChallengeTexts, DayPlanBody, DayPlanResponse } from '@soestainable/shared/api/admin';
import { THEME_LABELS, labelOf } from '@soestainable/shared/catalogue/labels';
import type { Language, Localized } from '@soestainable/shared/domain/types';
import { useApi, useApiCalls } from '../../api/useApi';
import { Section } from '../../components/Section';
import { ApiView, ErrorState } from '../../components/states';
import { formatDay, localized } from '../../texts/format';
import { NoticeBar, SaveButton, textProblem, useAdminStyles, useSave, validation } from './common';
import { at, type AdminTextKey } from './texts';

const FIELDS = ['title', 'action', 'tip', 'question'] as const;
type TextField = (typeof FIELDS)[number];
const FIELD_LABEL: Readonly<Record<TextField, AdminTextKey>> = { title: 'fieldTitle', action: 'fieldAction', tip: 'fieldTip', question: 'fieldQuestion' };
type Texts = Readonly<Record<TextField, Localized>>;

function textsOf(entry: CatalogueEntryView): Texts {
  return { title: entry.title, action: entry.action, tip: entry.tip, question: entry.question.text };
}

const sameTexts = (a: Texts, b: Texts): boolean => FIELDS.every((f) => a[f].nl === b[f].nl && a[f].en === b[f].en);

/** Every problem of one entry's edited texts, per field and language (the same rules the server applies). */
function textProblems(texts: Texts, limits: DayPlanResponse['limits'], lang: Language): Partial<Record<`${TextField}.${'nl' | 'en'}`, string>> {
  const out: Partial<Record<`${TextField}.${'nl' | 'en'}`, string>> = {};
  for (const f of FIELDS) {
    const nl = textProblem(lang, texts[f].nl, limits[f]);
    const en = textProblem(lang, texts[f].en, limits[f]) ?? (texts[f].nl.trim() === texts[f].en.trim() ? at('untranslated', lang) : undefined);
    if (nl !== undefined) out[`${f}.nl`] = nl;
    if (en !== undefined) out[`${f}.en`] = en;
  }
  return out;
}

function TextsEditor({ day, texts, limits, lang, onChange }: {
  readonly day: number;
  readonly texts: Texts;
  readonly limits: DayPlanResponse['limits'];
  readonly lang: Language;
  readonly onChange: (texts: Texts) => void;
}): ReactElement {
  const styles = useAdminStyles();
  const problems = textProblems(texts, limits, lang);
  return (
    <fieldset className={styles.form}>
      <legend>{at('editTexts', lang, { day })}</legend>
      {FIELDS.map((f) => (
        <div key={f} className={styles.row}>
          {(['nl', 'en'] as const).map((l) => {
            const label = at(l === 'nl' ? 'inNl' : 'inEn', lang, { field: at(FIELD_LABEL[f], lang) });
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
  const invalid = changed.some(([, texts]) => Object.keys(textProblems(texts, data.limits, lang)).length > 0);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (invalid) return;
    const texts: ChallengeTexts[] = changed.map(([id, t]) => ({
      id,
      title: { nl: t.title.nl.trim(), en: t.title.en.trim() },
      action: { nl: t.action.nl.trim(), en: t.action.en.trim() },
      tip: { nl: t.tip.nl.trim(), en: t.tip.en.trim() },
      question: { nl: t.question.nl.trim(), en: t.question.en.trim() },
    }));
    const body: DayPlanBody = { campaignId: data.campaignId, dayPlan: [...plan], texts };
    const result = await saver.save(() => apiSend('admin.dayplan.put', { body, etag: data.etag }));
    if (result.ok || result.error.code === 'STALE') onSaved();
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label={at('dayPlan', lang)} noValidate>
      <Text className={styles.muted}>{at('dayPlanIntro', lang)}</Text>
      <ol className={styles.list}>
        {plan.map((id, index) => {
          const entry = catalogue.get(id);
          const day = index + 1;
          const date = data.days[index];
          const texts = edits.get(id) ?? (entry === undefined ? undefined : textsOf(entry));
          return (
            <li key={id} className={styles.item}>
              <div className={styles.inline}>
                <Text weight="semibold">{date === undefined ? at('dayLabel', lang, { day }) : at('dayDate', lang, { day, date: formatDay(lang, date) })}</Text>
                <Text>{texts === undefined ? id : localized(texts.title, lang)}</Text>
                {entry === undefined ? null : <Text className={styles.muted}>{labelOf(THEME_LABELS, entry.theme, lang)}</Text>}
              </div>
              <div className={styles.buttons}>
                <Button size="small" disabled={index === 0} onClick={() => move(index, -1)}>
                  {at('moveUp', lang, { day })}
                </Button>
                <Button size="small" disabled={index === plan.length - 1} onClick={() => move(index, 1)}>
                  {at('moveDown', lang, { day })}
                </Button>
                {texts === undefined ? null : (
                  <Button size="small" appearance="subtle" aria-expanded={open === id} onClick={() => setOpen((o) => (o === id ? null : id))}>
                    {at('editTexts', lang, { day })}
                  </Button>
                )}
              </div>
              {open === id && texts !== undefined ? (
                <TextsEditor day={day} texts={texts} limits={data.limits} lang={lang} onChange={(t) => setEdits((m) => new Map(m).set(id, t))} />
              ) : null}
            </li>
          );
        })}
      </ol>
      <SaveButton busy={saver.busy} disabled={invalid} lang={lang} />
    </form>
  );
}

/** The day plan: reorder the campaign's challenges and edit their texts in both languages (If-Match). */
export function DayPlanSection({ lang }: { readonly lang: Language }): ReactElement {
  const state = useApi('admin.dayplan.get');
  const saver = useSave(lang);
  const styles = useAdminStyles();
  return (
    <Section title={at('dayPlan', lang)}>
      {state.error?.code === 'NOT_FOUND' ? (
        <Text className={styles.muted}>{at('noDayPlan', lang)}</Text>
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
