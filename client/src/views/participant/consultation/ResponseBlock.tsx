import type { ResponseView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';

/** The organiser's official response: its status in words, and its text (CONS42, CONS47). */
export function ResponseBlock({ response }: { response: ResponseView }) {
  const { t } = useTranslation();
  return (
    <div className="consult-response">
      <p className="consult-response-status">
        <strong>{t('consult.response.heading')}</strong> {t(`consult.response.status.${response.status}`)}
      </p>
      <p className="consult-response-text" dir="auto">
        {response.text}
      </p>
    </div>
  );
}
