import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, type ReactElement, type ReactNode } from 'react';
import type { ApiClientError } from '../api/errors';
import type { ApiState } from '../api/useApi';
import { commonTexts, errorTexts } from '../texts/texts';
import { useT } from '../texts/useT';

const useStyles = makeStyles({
  centered: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalXXL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
  bar: { marginBlock: tokens.spacingVerticalM },
});

/** While a page's data loads: a labelled spinner (role progressbar). */
export function LoadingState({ label }: { readonly label?: string }): ReactElement {
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.centered}>
      <Spinner label={label ?? t(commonTexts.loading)} labelPosition="below" />
    </div>
  );
}

/** The text for a coded error in the user's language (never the server's English message). */
export function useErrorText(): (error: ApiClientError) => string {
  const t = useT();
  return (error) => t(errorTexts[error.code]);
}

/** A coded error (its text unless `message` says more), or only a message (a failure that is no API call). */
type ErrorStateProps = { readonly onRetry?: () => void; readonly title?: string } & (
  | { readonly error: ApiClientError; readonly message?: string }
  | { readonly error?: undefined; readonly message: string }
);

/**
 * A failed call: the coded error's text in the user's language (role alert) and, if given, a retry button. A page
 * that knows the rule the server named (`details.rule`) may pass its own `message` instead; a failure without a
 * coded error (a page that did not load, see boundary/ErrorBoundary.tsx) passes only its `message`.
 */
export function ErrorState({ error, onRetry, title, message }: ErrorStateProps): ReactElement {
  const t = useT();
  const styles = useStyles();
  return (
    <div role="alert" className={styles.bar}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title ?? t(commonTexts.errorTitle)}</MessageBarTitle>
          {message ?? (error === undefined ? null : t(errorTexts[error.code]))}
        </MessageBarBody>
      </MessageBar>
      {onRetry === undefined ? null : (
        <Button appearance="secondary" onClick={onRetry} style={{ marginTop: tokens.spacingVerticalS }}>
          {t(commonTexts.retry)}
        </Button>
      )}
    </div>
  );
}

/** Nothing to show yet: a titled note (role status) with an explanation. */
export function EmptyState({ title, children }: { readonly title?: string; readonly children?: ReactNode }): ReactElement {
  const t = useT();
  const styles = useStyles();
  return (
    <div role="status" className={styles.centered}>
      <Text weight="semibold" size={400}>
        {title ?? t(commonTexts.emptyTitle)}
      </Text>
      {children === undefined ? null : <Text>{children}</Text>}
    </div>
  );
}

/** Below the minimum group size: says why there are no numbers (a region named by its title). */
export function SuppressedNotice({ minimum }: { readonly minimum: number }): ReactElement {
  const t = useT();
  const styles = useStyles();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={styles.bar}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={titleId}>{t(commonTexts.suppressedTitle)}</MessageBarTitle>
          {t(commonTexts.suppressedBody, { minimum })}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}

/**
 * The usual loading → error → content sequence of a page that reads one API answer. While reloading, the old
 * content stays; an error after content replaces it (the figures may be stale).
 */
export function ApiView<T>({ state, children }: { readonly state: ApiState<T>; readonly children: (data: T) => ReactNode }): ReactElement {
  if (state.error !== null) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <LoadingState />;
  return <>{children(state.data)}</>;
}
