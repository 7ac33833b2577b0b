import { Button, Text, mergeClasses } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { SendRunView } from '@soestainable/shared/api/admin';
import { SEND_KINDS, type SendKind } from '@soestainable/shared/domain/sending';
import type { Language, Localized } from '@soestainable/shared/domain/types';
import { isApiClientError } from '../../api/errors';
import { useApi } from '../../api/useApi';
import { useApiClient } from '../../app/context';
import { Section, useSectionStyles } from '../../components/Section';
import { ApiView } from '../../components/states';
import { formatInstant, formatNumber } from '../../texts/format';
import { errorTexts } from '../../texts/texts';
import { useT } from '../../texts/useT';
import { ScrollRegion } from '../../components/ScrollRegion';
import { NoticeBar, useAdminStyles, type Notice } from './common';
import { adminTexts } from './texts';

const COUNTERS = ['queued', 'sent', 'retried', 'throttled', 'failed', 'skipped', 'uncertain'] as const;
const KIND_TEXT = { nudge: adminTexts.kind_nudge, digest: adminTexts.kind_digest, yousaid: adminTexts.kind_yousaid, end: adminTexts.kind_end, followup: adminTexts.kind_followup, owner: adminTexts.kind_owner, teamcard: adminTexts.kind_teamcard } as const satisfies Record<SendKind, Localized>;

function RunsTable({ kind, runs, lang }: { readonly kind: SendKind; readonly runs: readonly SendRunView[]; readonly lang: Language }): ReactElement {
  const s = useSectionStyles();
  const styles = useAdminStyles();
  const t = useT();
  const caption = t(KIND_TEXT[kind]);
  if (runs.length === 0) {
    return (
      <div>
        <h3 className={styles.h3}>{caption}</h3>
        <Text className={styles.muted}>{t(adminTexts.noRuns)}</Text>
      </div>
    );
  }
  return (
    <div>
      <h3 id={`runs-${kind}`} className={styles.h3}>
        {caption}
      </h3>
      <ScrollRegion label={caption}>
        <table className={s.table} aria-labelledby={`runs-${kind}`}>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(s.cell, s.head)}>{t(adminTexts.started)}</th>
              <th scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{t(adminTexts.duration)}</th>
              {COUNTERS.map((c) => (
                <th key={c} scope="col" className={mergeClasses(s.cell, s.number, s.head)}>{t(adminTexts[c])}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.runId}>
                <th scope="row" className={mergeClasses(s.cell, s.head)}>
                  <time dateTime={r.startedAt}>{formatInstant(lang, r.startedAt, 'short')}</time>
                </th>
                <td className={`${s.cell} ${s.number}`}>
                  {r.finishedAt === undefined ? t(adminTexts.running) : t(adminTexts.seconds, { s: formatNumber(lang, r.durationMs / 1000, 1) })}
                </td>
                {COUNTERS.map((c) => (
                  <td key={c} className={`${s.cell} ${s.number}`}>{formatNumber(lang, r[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

/** The latest runs of the sending jobs with their figures (route `admin.sendRuns.get`). */
export function RunsSection({ lang }: { readonly lang: Language }): ReactElement {
  const t = useT();
  const state = useApi('admin.sendRuns.get');
  return (
    <Section title={t(adminTexts.sendRuns)}>
      <ApiView state={state}>{(data) => <>{SEND_KINDS.map((k) => <RunsTable key={k} kind={k} runs={data.runs[k] ?? []} lang={lang} />)}</>}</ApiView>
    </Section>
  );
}

/**
 * The CSV export of the aggregates. A plain link cannot carry the bearer token, so the button downloads through
 * the API client and hands the file to the browser.
 */
export function ExportSection(): ReactElement {
  const client = useApiClient();
  const styles = useAdminStyles();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const download = async (): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      const { blob, fileName } = await client.download('admin.exportCsv');
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName ?? 'soestainable-export.csv';
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
    <Section title={t(adminTexts.export)}>
      <Text className={styles.muted}>{t(adminTexts.exportIntro)}</Text>
      <div className={styles.buttons}>
        <Button onClick={() => void download()} disabled={busy}>
          {busy ? t(adminTexts.exporting) : t(adminTexts.exportCsv)}
        </Button>
      </div>
      <NoticeBar notice={notice} />
    </Section>
  );
}
