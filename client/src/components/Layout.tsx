import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ConnectionBanner } from './ConnectionBanner';
import { LanguagePicker } from './LanguagePicker';

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
        <LanguagePicker />
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
