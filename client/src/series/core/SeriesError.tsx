import { useTranslation } from 'react-i18next';
import type { RequestError } from '../../net/api';

/** An error from a series call, in the person's language: the series' own reason when the server gave one. */
export function SeriesError({ error, id }: { error: RequestError | undefined; id?: string }) {
  const { t } = useTranslation();
  let text = '';
  if (error) {
    const reason = error.reason ? t(`seriesCore.reasons.${error.reason}`, { defaultValue: '' }) : '';
    text = reason || (error.code === 'removed' ? t('seriesCore.reasons.removed') : t(`errors.${error.code}`));
  }
  return (
    <p id={id} className="form-error" role="alert">
      {text}
    </p>
  );
}
