import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
  /** Where the boundary sits, for the console log (not shown). */
  name: string;
}

/**
 * Keeps one broken panel from blanking the whole page (CAPTION2): React unmounts everything
 * under the nearest boundary when a render or an effect throws, so each panel gets its own.
 * The rest of the page keeps working; the person can reload to try the panel again.
 */
export class PanelBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel stopped working`, error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <BrokenPanel /> : this.props.children;
  }
}

function BrokenPanel() {
  const { t } = useTranslation();
  return (
    <section className="card panel-broken" role="alert">
      <p>{t('thUi.broken.message')}</p>
      <button type="button" onClick={() => location.reload()}>
        {t('thUi.broken.reload')}
      </button>
    </section>
  );
}
