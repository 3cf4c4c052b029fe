import { RECORD_FORMATS, type RecordFormat } from '@open-talks/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { RequestError } from '../net/api';
import { downloadRecord } from '../net/record';
import { Message } from '../views/console/cafe/Message';
import { PublicationControls } from './PublicationControls';

type Outcome = { text: string; error: boolean } | undefined;

/**
 * The record's export buttons (console and rapporteur's desk), and for the facilitator the
 * public outcome page. Headings of a download follow the UI language (REC11).
 */
export default function RecordPanel({ sessionId, token, canPublish }: { sessionId: string; token: string; canPublish: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<RecordFormat>();
  const [message, setMessage] = useState<Outcome>();

  const download = async (format: RecordFormat) => {
    const name = t(`record.panel.formats.${format}`);
    setBusy(format);
    setMessage({ text: t('record.panel.downloading', { format: name }), error: false });
    try {
      await downloadRecord(sessionId, token, format, currentLanguage());
      setMessage({ text: t('record.panel.downloaded', { format: name }), error: false });
    } catch (error) {
      const code = error instanceof RequestError ? error.code : 'internal';
      setMessage({ text: t('record.panel.failed', { message: t(`errors.${code}`) }), error: true });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="card record-panel" aria-labelledby="record-heading">
      <h2 id="record-heading">{t('record.panel.heading')}</h2>
      <p className="hint">{t('record.panel.hint')}</p>
      <div className="record-formats">
        {RECORD_FORMATS.map((format) => (
          <button key={format} type="button" onClick={() => void download(format)} disabled={busy !== undefined} data-format={format}>
            {t(`record.panel.formats.${format}`)}
          </button>
        ))}
      </div>
      <Message message={message} />
      {canPublish && <PublicationControls sessionId={sessionId} token={token} />}
    </section>
  );
}
