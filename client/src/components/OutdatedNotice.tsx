import { useTranslation } from 'react-i18next';

/** VERSION4: the page is from an older build; said once (an alert), with the one way forward next to it. */
export function OutdatedNotice() {
  const { t } = useTranslation();
  return (
    <div className="connection-banner" role="alert" data-status="outdated">
      <p>{t('version.outdated')}</p>
      <button type="button" onClick={() => location.reload()}>
        {t('version.reload')}
      </button>
    </div>
  );
}
