import { Component, type ReactElement, type ReactNode } from 'react';
import type { Localized } from '@soestainable/shared/domain/types';
import { useEnvironment } from '../../app/context';
import { useT } from '../../texts/useT';
import { ErrorState } from '../states';
import { boundaryTexts } from './texts';

interface BoundaryProps {
  /** Shown instead of `children` once something below threw. */
  readonly fallback: ReactNode;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly failed: boolean;
}

/**
 * Catches what a lazy part below throws: a chunk that failed to download (a network blip, or a redeploy while the
 * tab is open, so the old chunk is gone) or an error while rendering. Without it React removes the whole tab.
 * A class because React offers error boundaries only as one. It logs nothing itself (the error may carry what a
 * page was showing); give it a `key` that changes with what it wraps, so that another page starts afresh.
 */
export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The failure as the usual error state, with a retry that reloads the whole app: React remembers a lazy import
 * that failed, so only a fresh load fetches the (possibly new) chunk again.
 */
function Failed({ text }: { readonly text: Localized }): ReactElement {
  const t = useT();
  const { reload } = useEnvironment();
  return <ErrorState message={t(text)} onRetry={reload} />;
}

/** Around a page (inside the shell, so the navigation stays usable when the page fails). */
export function PageBoundary({ children }: { readonly children: ReactNode }): ReactElement {
  return <ErrorBoundary fallback={<Failed text={boundaryTexts.pageFailed} />}>{children}</ErrorBoundary>;
}

/** Around a chart: the rest of the page, and the chart's table, stay. `hidden` while the table is shown instead. */
export function ChartBoundary({ hidden, children }: { readonly hidden: boolean; readonly children: ReactNode }): ReactElement {
  const fallback = (
    <div hidden={hidden}>
      <Failed text={boundaryTexts.chartFailed} />
    </div>
  );
  return <ErrorBoundary fallback={fallback}>{children}</ErrorBoundary>;
}
