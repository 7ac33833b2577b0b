import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState, type ReactElement } from 'react';
import type { Language } from '@soestainable/shared/domain/types';
import { tFor, type TFunction } from '@soestainable/shared/text';
import { ApiClientError, isApiClientError } from '../../api/errors';
import { errorTexts } from '../../texts/texts';
import { useT } from '../../texts/useT';
import { adminTexts, type AdminTextKey } from './texts';
import type { Notice } from '../../components/NoticeBar';

export const useAdminStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // `min(12rem, 100%)` and `minWidth: 0`: a column never asks for more than the 320 px side panel has.
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(12rem, 100%), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end', '& > *': { minWidth: 0 } },
  /** A native select sizes itself to its longest option ("demo-bedrijfsvoering-manager (Demo · Bedrijfsvoering)"): keep it within its column. */
  select: { minWidth: 0, maxWidth: '100%' },
  selectControl: { minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' },
  /** A button that names a long id ("Verwijder demo-bedrijfsvoering-manager") wraps instead of widening the page. */
  wrapButton: { minWidth: 0, maxWidth: '100%', height: 'auto', overflowWrap: 'anywhere', textAlign: 'start' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    overflowWrap: 'anywhere',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  inline: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere', '& > *': { minWidth: 0, maxWidth: '100%' } },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

export { NoticeBar, validation, type Notice } from '../../components/NoticeBar';

/** The Save button of an admin form: disabled while saving or while the form has a problem. */
export function SaveButton({ busy, disabled = false }: { readonly busy: boolean; readonly disabled?: boolean }): ReactElement {
  const styles = useAdminStyles();
  const t = useT();
  return (
    <div className={styles.buttons}>
      <Button type="submit" appearance="primary" disabled={busy || disabled}>
        {busy ? t(adminTexts.saving) : t(adminTexts.save)}
      </Button>
    </div>
  );
}

const isRuleKey = (key: string): key is Extract<AdminTextKey, `rule_${string}`> => key.startsWith('rule_') && Object.prototype.hasOwnProperty.call(adminTexts, key);

/**
 * A failed admin change in the user's language: STALE gets its own explanation, VALIDATION_FAILED names the
 * rules the server listed (`details.issues: [{path, rule}]`), everything else the text for its code.
 */
export function adminErrorText(err: ApiClientError, t: TFunction): string {
  if (err.code === 'STALE') return t(adminTexts.stale);
  const issues = err.details?.['issues'];
  if (err.code === 'VALIDATION_FAILED' && Array.isArray(issues)) {
    const rules = [...new Set(issues.map((i: unknown) => (typeof i === 'object' && i !== null ? (i as Record<string, unknown>)['rule'] : undefined)))];
    const known = rules.map((r) => `rule_${String(r)}`).filter(isRuleKey);
    if (known.length > 0) return known.map((k) => t(adminTexts[k])).join(' ');
  }
  return t(errorTexts[err.code]);
}

/** One save at a time: `busy` while it runs; success and failure become a notice in the user's language. */
export function useSave(lang: Language): {
  readonly busy: boolean;
  readonly notice: Notice | null;
  readonly setNotice: (notice: Notice | null) => void;
  readonly save: <T>(call: () => Promise<T>) => Promise<{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiClientError }>;
} {
  const t = tFor(lang);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const save = useCallback(
    async <T,>(call: () => Promise<T>) => {
      setBusy(true);
      setNotice(null);
      try {
        const value = await call();
        setNotice({ intent: 'success', text: t(adminTexts.saved) });
        return { ok: true as const, value };
      } catch (err) {
        const error = isApiClientError(err) ? err : new ApiClientError('BAD_RESPONSE', 0, 'unexpected failure');
        setNotice({ intent: error.code === 'STALE' ? 'warning' : 'error', text: adminErrorText(error, t) });
        return { ok: false as const, error };
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, notice, setNotice, save };
}

/** Required and not longer than `max` characters (code points, as the server counts). */
export function textProblem(t: TFunction, value: string, max: number): string | undefined {
  if (value.trim() === '') return t(adminTexts.required);
  if ([...value.trim()].length > max) return t(adminTexts.tooLong, { max });
  return undefined;
}
