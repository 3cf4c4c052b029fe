import { outline, type SessionRecordDocument } from '@open-talks/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { RequestError } from '../net/api';
import { recordApi } from '../net/record';
import { RecordBlocks } from '../record/RecordBlocks';
import { useRecordLabels } from '../record/useRecordLabels';

/**
 * The public outcome page (REC10): no login, the same blocks as the exports under the same
 * attribution, headings in the reader's language (the picker is in the page header).
 */
export default function PublicRecord({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const labels = useRecordLabels();
  const [state, setState] = useState<{ record: SessionRecordDocument } | { error: 'not_found' | 'other' }>();

  useEffect(() => {
    let gone = false;
    recordApi
      .publicRecord(slug)
      .then(({ record }) => !gone && setState({ record }))
      .catch((e: unknown) => !gone && setState({ error: e instanceof RequestError && e.code === 'not_found' ? 'not_found' : 'other' }));
    return () => {
      gone = true;
    };
  }, [slug]);

  const blocks = useMemo(() => (state && 'record' in state ? outline(state.record, labels) : []), [state, labels]);
  useDocumentTitle(t('title.record'), state && 'record' in state ? state.record.session.title : null);

  if (!state) return <p role="status">{t('app.loading')}</p>;
  if ('error' in state) {
    return (
      <div className="narrow">
        <h1>{state.error === 'not_found' ? t('record.page.notFound') : t('errors.internal')}</h1>
      </div>
    );
  }
  return (
    <article className="record-page" aria-label={t('record.page.published')}>
      <p className="muted">{t('record.page.published')}</p>
      <RecordBlocks blocks={blocks} />
    </article>
  );
}
