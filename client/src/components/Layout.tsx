import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { RouteFocus } from '../announce/RouteFocus';
import { ConnectionBanner } from './ConnectionBanner';
import { LanguagePicker } from './LanguagePicker';
import { PanelBoundary } from './PanelBoundary';
import { ThemePicker } from './ThemePicker';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link href="/" className="brand" aria-label={t('app.home')}>
          {t('app.name')}
        </Link>
        <div className="header-tools">
          <LanguagePicker />
          <ThemePicker />
        </div>
      </header>
      <ConnectionBanner />
      <RouteFocus />
      <main id="main" tabIndex={-1}>
        {/* The last line: a page that breaks keeps its header, language picker and a way to reload. */}
        <PanelBoundary name="page">{children}</PanelBoundary>
      </main>
    </>
  );
}
