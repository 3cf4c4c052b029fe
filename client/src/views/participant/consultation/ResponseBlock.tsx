import type { ResponseView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { keys, Translated } from '../../../components/translated';

/** The organiser's official response: its status in words, and its text (CONS42, CONS47). */
export function ResponseBlock({ response }: { response: ResponseView }) {
  const { t } = useTranslation();
  return (
    <div className="consult-response">
      <p className="consult-response-status">
        <strong>{t('consult.response.heading')}</strong> {t(`consult.response.status.${response.status}`)}
      </p>
      {/* LANG67: the official response in the reader's language when a version exists. */}
      <Translated k={keys.officialResponse(response.id)} text={response.text} as="p" className="consult-response-text" />
    </div>
  );
}
