import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState, type FormEvent, type ReactElement } from 'react';
import type { CheckInBody, CheckInSaved, MyCheckIn, OpenDay } from '@soestainable/shared/api/me';
import { YES_NO_LABELS, checkInQuestion } from '@soestainable/shared/catalogue/checkInQuestions';
import { THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { THEMES, type CheckInOutcome, type DistanceBand, type Theme, type TravelMode } from '@soestainable/shared/domain/types';
import type { TFunction } from '@soestainable/shared/text';
import type { ApiClientError } from '../../api/errors';
import { useApiCalls, useMutation } from '../../api/useApi';
import { useLang } from '../../app/context';
import { ErrorState } from '../../components/states';
import { formatDay } from '../../texts/format';
import { useT } from '../../texts/useT';
import { meTexts } from './texts';

/** Most cups one day can count: `CUPS_MAX` in shared/src/api/me.ts (a test keeps the two equal; importing it would bring zod along). */
export const CUPS_MAX = 50;
/** Longest barrier or idea text: `CHECKIN_TEXT_MAX` in shared/src/api/me.ts (a test keeps the two equal). */
export const CHECKIN_TEXT_MAX = 500;

/** The questions every check-in asks, worded as the bot's card asks them (shared/src/catalogue/checkInQuestions.ts). */
const OUTCOME = checkInQuestion('outcome');
const TRAVEL_MODE = checkInQuestion('travelMode');
const DISTANCE_BAND = checkInQuestion('distanceBand');
const WASTE_FREE = checkInQuestion('wasteFree');

/** Characters as people (and the server) count them: code points, so an emoji is one. */
const charCount = (text: string): number => [...text.trim()].length;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  reports: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The day's limit of barriers and ideas when the server refused a save for it (`details.rule` `daily_report_limit`). */
function dailyLimitOf(error: ApiClientError | null): number | undefined {
  const max = error?.details?.['rule'] === 'daily_report_limit' ? error.details['max'] : undefined;
  return typeof max === 'number' ? max : undefined;
}

/** Field props for an optional text of at most CHECKIN_TEXT_MAX characters: a counter, or the problem. */
function lengthProps(count: number, tooLong: string, counter: string): { hint?: string; validationMessage?: string; validationState?: 'error' } {
  return count > CHECKIN_TEXT_MAX ? { validationMessage: tooLong, validationState: 'error' } : { hint: counter };
}

/**
 * Check in (or change a check-in) for today or yesterday, the days the bot also accepts. A change sends the
 * version shown (`etag`), so an edit made meanwhile elsewhere (the bot's card) is refused as STALE, not lost.
 */
export function CheckInForm({ openDay, last, onSaved }: { readonly openDay: OpenDay; readonly last: MyCheckIn | undefined; readonly onSaved: () => void }): ReactElement {
  const lang = useLang();
  const t = useT();
  const styles = useStyles();
  const headingId = useId();
  const current = openDay.checkIn;
  const { apiSend } = useApiCalls();
  const [outcome, setOutcome] = useState<CheckInOutcome>(current?.outcome ?? 'done');
  const [travelMode, setTravelMode] = useState<TravelMode>(current?.travelMode ?? last?.travelMode ?? 'fiets');
  const [distanceBand, setDistanceBand] = useState<DistanceBand>(current?.distanceBand ?? last?.distanceBand ?? '0-5');
  const [wasteFree, setWasteFree] = useState(current?.wasteFree ?? false);
  const [answer, setAnswer] = useState<boolean>(current?.challengeAnswer ?? false);
  const [cups, setCups] = useState(String(current?.cupsAvoided ?? 0));
  const [theme, setTheme] = useState<Theme>(openDay.challenge.theme);
  const [barrierText, setBarrierText] = useState('');
  const [barrierContact, setBarrierContact] = useState(false);
  const [ideaText, setIdeaText] = useState('');
  const [saved, setSaved] = useState<CheckInSaved | null>(null);
  const save = useMutation(
    useCallback((body: CheckInBody) => apiSend('me.checkin.put', { params: { date: openDay.date }, body }), [apiSend, openDay.date]),
  );
  const count = openDay.challenge.question.kind === 'count';
  const cupsNumber = Number(cups);
  const cupsValid = Number.isInteger(cupsNumber) && cupsNumber >= 0 && cupsNumber <= CUPS_MAX;
  const barrierCount = charCount(barrierText);
  const ideaCount = charCount(ideaText);
  const textsValid = barrierCount <= CHECKIN_TEXT_MAX && ideaCount <= CHECKIN_TEXT_MAX;
  const valid = (!count || cupsValid) && textsValid;
  const limit = dailyLimitOf(save.error);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(null);
    if (!valid) return;
    // A barrier or an idea is optional: its fields (and its theme) are sent only when there is a text.
    const body: CheckInBody = {
      outcome,
      travelMode,
      distanceBand,
      wasteFree,
      challenge: count ? cupsNumber : answer,
      ...(barrierCount > 0 || ideaCount > 0 ? { theme } : {}),
      ...(barrierCount > 0 ? { barrierText: barrierText.trim(), barrierContact } : {}),
      ...(ideaCount > 0 ? { ideaText: ideaText.trim() } : {}),
      etag: current?.etag ?? null,
    };
    const result = await save.run(body);
    if (result !== undefined) {
      setSaved(result);
      // Filed once: the texts are gone from the form, so saving a correction later does not file them again.
      setBarrierText('');
      setBarrierContact(false);
      setIdeaText('');
      onSaved();
    }
  };

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
      <h3 id={headingId} className={styles.heading}>
        {t(meTexts.dayHeading, { day: openDay.day, date: formatDay(lang, openDay.date), title: openDay.challenge.title[lang] })}
      </h3>
      <span>{openDay.challenge.action[lang]}</span>
      <Field label={t(OUTCOME.text)}>
        <RadioGroup layout="horizontal" value={outcome} onChange={(_, d) => setOutcome(d.value as CheckInOutcome)}>
          {OUTCOME.options.map((o) => (
            <Radio key={o.value} value={o.value} label={t(o.label)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label={t(TRAVEL_MODE.text)}>
          <Select value={travelMode} onChange={(_, d) => setTravelMode(d.value as TravelMode)}>
            {TRAVEL_MODE.options.map((m) => (
              <option key={m.value} value={m.value}>
                {t(m.label)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t(DISTANCE_BAND.text)}>
          <Select value={distanceBand} onChange={(_, d) => setDistanceBand(d.value as DistanceBand)}>
            {DISTANCE_BAND.options.map((b) => (
              <option key={b.value} value={b.value}>
                {t(b.label)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Checkbox checked={wasteFree} onChange={(_, d) => setWasteFree(d.checked === true)} label={t(WASTE_FREE.text)} />
      {count ? (
        <Field label={openDay.challenge.question.text[lang]} hint={t(meTexts.cupsHelp, { max: CUPS_MAX })} validationState={cupsValid ? 'none' : 'error'}>
          <Input type="number" min={0} max={CUPS_MAX} step={1} value={cups} onChange={(_, d) => setCups(d.value)} />
        </Field>
      ) : (
        <Field label={openDay.challenge.question.text[lang]}>
          <Checkbox checked={answer} onChange={(_, d) => setAnswer(d.checked === true)} label={t(YES_NO_LABELS.yes)} />
        </Field>
      )}
      <div className={styles.reports}>
        <Field label={t(meTexts.barrierText)} {...lengthProps(barrierCount, t(meTexts.textTooLong, { max: CHECKIN_TEXT_MAX, count: barrierCount }), t(meTexts.textCounter, { max: CHECKIN_TEXT_MAX, count: barrierCount }))}>
          <Textarea resize="vertical" value={barrierText} onChange={(_, d) => setBarrierText(d.value)} />
        </Field>
        {barrierCount > 0 ? <Checkbox checked={barrierContact} onChange={(_, d) => setBarrierContact(d.checked === true)} label={t(meTexts.barrierContact)} /> : null}
        <Field label={t(meTexts.ideaText)} {...lengthProps(ideaCount, t(meTexts.textTooLong, { max: CHECKIN_TEXT_MAX, count: ideaCount }), t(meTexts.textCounter, { max: CHECKIN_TEXT_MAX, count: ideaCount }))}>
          <Textarea resize="vertical" value={ideaText} onChange={(_, d) => setIdeaText(d.value)} />
        </Field>
        {barrierCount > 0 || ideaCount > 0 ? (
          <Field label={t(meTexts.reportTheme)}>
            <Select value={theme} onChange={(_, d) => setTheme(d.value as Theme)}>
              {THEMES.map((th) => (
                <option key={th} value={th}>
                  {t(THEME_LABELS[th])}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      {save.error === null ? null : <ErrorState error={save.error} {...(limit === undefined ? {} : { message: t(meTexts.dailyReportLimit, { max: limit }) })} />}
      {saved === null ? null : <span role="status">{savedText(saved, t)}</span>}
      <div>
        <Button type="submit" appearance="primary" disabled={save.busy || !valid}>
          {current === null ? t(meTexts.save) : t(meTexts.change)}
        </Button>
      </div>
    </form>
  );
}

/** "Saved.", with the reference of a barrier or idea filed with it (so one can ask about it later). */
function savedText(saved: CheckInSaved, t: TFunction): string {
  return [
    t(meTexts.saved),
    ...(saved.barrierReference === null ? [] : [t(meTexts.savedBarrier, { reference: saved.barrierReference })]),
    ...(saved.ideaReference === null ? [] : [t(meTexts.savedIdea, { reference: saved.ideaReference })]),
  ].join(' ');
}
