import { Button, Field, Radio, RadioGroup, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import type { MySettings, SettingsBody } from '@soestainable/shared/api/me';
import type { Language } from '@soestainable/shared/domain/types';
import { useApiCalls, useMutation } from '../../api/useApi';
import { ErrorState } from '../../components/states';
import { useT } from '../../texts/useT';
import { meTexts } from './texts';

/** The nudge window: `NUDGE_TIME_WINDOW` in shared/src/api/me.ts (a test keeps them equal; importing it would bring zod along). */
export const NUDGE_WINDOW = { min: '07:00', max: '11:00' } as const;

/** The times offered: every quarter of an hour in the window, plus the current one if it is off the grid. */
export function nudgeTimes(current: string): string[] {
  const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const times: string[] = [];
  for (let m = toMinutes(NUDGE_WINDOW.min); m <= toMinutes(NUDGE_WINDOW.max); m += 15) {
    times.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  if (!times.includes(current)) times.push(current);
  return times.sort();
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '28rem' },
});

/** Time, language and pause, saved together (only what changed is sent). */
export function Settings({ settings, onSaved }: { readonly settings: MySettings; readonly onSaved: () => void }): ReactElement {
  const t = useT();
  const styles = useStyles();
  const { apiSend } = useApiCalls();
  const [nudgeTime, setNudgeTime] = useState(settings.nudgeTime);
  const [language, setLanguage] = useState<Language>(settings.language);
  const [paused, setPaused] = useState(settings.status === 'paused');
  const [saved, setSaved] = useState(false);
  const save = useMutation(useCallback((body: SettingsBody) => apiSend('me.settings.put', { body }), [apiSend]));
  const changes: SettingsBody = {
    ...(nudgeTime === settings.nudgeTime ? {} : { nudgeTime }),
    ...(language === settings.language ? {} : { language }),
    ...(paused === (settings.status === 'paused') ? {} : { paused }),
  };
  const changed = Object.keys(changes).length > 0;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaved(false);
    if (!changed) return;
    if ((await save.run(changes)) !== undefined) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)}>
      <Field label={t(meTexts.nudgeTime)}>
        <Select value={nudgeTime} onChange={(_, d) => setNudgeTime(d.value)}>
          {nudgeTimes(settings.nudgeTime).map((time) => (
            <option key={time} value={time}>
              {time}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(meTexts.language)}>
        <RadioGroup layout="horizontal" value={language} onChange={(_, d) => setLanguage(d.value as Language)}>
          <Radio value="nl" label={t(meTexts.languageNl)} />
          <Radio value="en" label={t(meTexts.languageEn)} />
        </RadioGroup>
      </Field>
      <Switch checked={paused} onChange={(_, d) => setPaused(d.checked)} label={t(meTexts.paused)} />
      {save.error === null ? null : <ErrorState error={save.error} />}
      {saved ? <span role="status">{t(meTexts.saved)}</span> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={!changed || save.busy}>
          {t(meTexts.saveSettings)}
        </Button>
      </div>
    </form>
  );
}
