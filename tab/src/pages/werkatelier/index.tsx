import { Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { WerkatelierResponse } from '@soestainable/shared/api/werkatelier';
import { ACTION_STATUS_LABELS, BARRIER_STATUS_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import { THEMES, type Theme } from '@soestainable/shared/domain/types';
import { isApiClientError } from '../../api/errors';
import { useApi } from '../../api/useApi';
import { useApiClient, useLang } from '../../app/context';
import { NoticeBar, type Notice } from '../../components/NoticeBar';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { ApiView, EmptyState } from '../../components/states';
import { amsterdamDay, formatDate, localized } from '../../texts/format';
import { errorTexts } from '../../texts/texts';
import { useT } from '../../texts/useT';
import { WerkatelierLastingSection } from './Lasting';
import { werkatelierTexts as T } from './texts';

/** On paper: no navigation (the shell hides it), no controls, every section on a new A4 page (as the Rapport page). */
const useStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM, '@media print': { display: 'none' } },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { overflowWrap: 'anywhere', '@media print': { breakInside: 'avoid' } },
  text: { fontWeight: tokens.fontWeightSemibold },
  meta: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  page: { minWidth: 0, '@media print': { breakBefore: 'page', pageBreakBefore: 'always' } },
});

function Sheet({ sheet }: { readonly sheet: WerkatelierResponse }): ReactElement {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  return (
    <>
      <Section title={t(T.barriers)}>
        {sheet.barriers.length === 0 ? (
          <EmptyState>{t(T.noBarriers)}</EmptyState>
        ) : (
          <ol className={styles.list} aria-label={t(T.barriers)}>
            {sheet.barriers.map((b) => (
              <li key={b.barrierId} className={styles.item}>
                <Text className={styles.text}>{b.text}</Text>
                <span className={styles.meta}>
                  {b.reference} · {t(THEME_LABELS[b.theme])} · {b.teamName} · {t(BARRIER_STATUS_LABELS[b.status])} · {t(T.recognitions, { n: b.recognitions })}
                </span>
                <span className={styles.meta}>
                  {b.action === null
                    ? t(T.noAction)
                    : `${t(T.action, { title: localized(b.action.title, lang), owner: b.action.owner })} · ${t(ACTION_STATUS_LABELS[b.action.status])}`}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>
      <div className={styles.page}>
        <Section title={t(T.ideas)}>
          {sheet.ideas.length === 0 ? (
            <EmptyState>{t(T.noIdeas)}</EmptyState>
          ) : (
            <ul className={styles.list} aria-label={t(T.ideas)}>
              {sheet.ideas.map((i) => (
                <li key={i.reference} className={styles.item}>
                  <Text>{i.text}</Text>
                  <span className={styles.meta}>
                    {i.reference} · {t(THEME_LABELS[i.theme])} · {i.teamName}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      {sheet.lasting === null ? null : (
        <div className={styles.page}>
          <WerkatelierLastingSection lasting={sheet.lasting} />
        </div>
      )}
      <Text className={styles.meta}>{t(T.generated, { date: formatDate(lang, amsterdamDay(sheet.generatedAt)) })}</Text>
    </>
  );
}

/**
 * The werkatelier sheet (`#/werkatelier`, coordinators; issue 16 item 4): per theme or all, the most recognised
 * open barriers with their actions (owner, status) and the ideas; printable on A4 like the Rapport page, and as CSV.
 */
export default function WerkatelierPage(): ReactElement {
  const t = useT();
  const styles = useStyles();
  const client = useApiClient();
  const [theme, setTheme] = useState<Theme | ''>('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const query = theme === '' ? {} : { query: { theme } };
  const state = useApi('werkatelier.get', query);
  const download = async (): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      // A plain link cannot carry the bearer token: the client downloads, the browser saves.
      const { blob, fileName } = await client.download('werkatelier.csv', query);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName ?? 'soestainable-werkatelier.csv';
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (err) {
      setNotice({ intent: 'error', text: t(isApiClientError(err) ? errorTexts[err.code] : errorTexts.BAD_RESPONSE) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <PageFrame title={t(T.title)} subtitle={t(T.intro)}>
      <div className={styles.controls}>
        <label className={styles.field}>
          <Text weight="semibold">{t(T.themeLabel)}</Text>
          <Select value={theme} onChange={(_, d) => setTheme(d.value as Theme | '')}>
            <option value="">{t(T.allThemes)}</option>
            {THEMES.map((th) => (
              <option key={th} value={th}>
                {t(THEME_LABELS[th])}
              </option>
            ))}
          </Select>
        </label>
        <Button appearance="primary" onClick={() => window.print()}>
          {t(T.print)}
        </Button>
        <Button onClick={() => void download()} disabled={busy}>
          {busy ? t(T.csvBusy) : t(T.csv)}
        </Button>
      </div>
      <NoticeBar notice={notice} />
      <ApiView state={state}>{(sheet) => <Sheet sheet={sheet} />}</ApiView>
    </PageFrame>
  );
}
