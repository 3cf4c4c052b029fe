import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const SEPARATOR = ' — ';

/**
 * TITLE1 (WCAG 2.4.2): the tab says which view this is and of which session, e.g.
 * "Console — Town Hall on water — Open Talks". Parts not known yet (the session still loading)
 * are left out; leaving the view puts back the bare app name.
 */
export function useDocumentTitle(view: string | null | undefined, sessionTitle?: string | null): void {
  const { t } = useTranslation();
  const app = t('app.name');
  const title = [view, sessionTitle, app].filter(Boolean).join(SEPARATOR);
  useEffect(() => {
    document.title = title;
    return () => {
      document.title = app;
    };
  }, [title, app]);
}
