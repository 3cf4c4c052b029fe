// The series' console (SER31–SER35): the series, its sessions, its rapporteurs and its document.
// The organiser changes things; a rapporteur sees the same page without those controls.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { takeFromFragment } from '../../state/credentials';
import { getSeriesCredential } from '../credentials';
import { DocumentPanel } from '../publish/DocumentPanel';
import { PublicationPanel } from '../public/PublicationPanel';
import { AddSession } from './AddSession';
import { DraftLinks } from './DraftLinks';
import { Rapporteurs } from './Rapporteurs';
import { SeriesError } from './SeriesError';
import { SeriesSettingsSection } from './SeriesSettingsSection';
import { SessionsTable } from './SessionsTable';
import { useSeries } from './useSeries';
import './series-console.css';

export default function SeriesConsole({ seriesId }: { seriesId: string }) {
  const { t } = useTranslation();
  // The personal link's token wins over one kept from before (a new link replaces an old one).
  const [token] = useState(() => takeFromFragment('token') ?? getSeriesCredential(seriesId)?.token);
  const { load, reload } = useSeries(seriesId, token);
  useDocumentTitle(t('seriesCore.title'), load.kind === 'ready' ? load.state.series.title : null);

  if (!token) return <NoAccess text={t('seriesCore.noToken')} />;
  if (load.kind === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (load.kind === 'error') {
    return (
      <NoAccess text={load.error.code === 'unauthenticated' ? t('seriesCore.badToken') : ''}>
        <SeriesError error={load.error} />
      </NoAccess>
    );
  }

  const { series, member, sessions, members } = load.state;
  const organiser = member.role === 'facilitator';
  return (
    <div className="series-console">
      <h1 dir="auto">
        {series.title} <span className="muted heading-sub">— {t(organiser ? 'seriesCore.asOrganiser' : 'seriesCore.asRapporteur')}</span>
      </h1>
      <SeriesSettingsSection seriesId={seriesId} token={token} series={series} canEdit={organiser} onChanged={reload} />
      <section aria-labelledby="series-sessions-heading" className="card">
        <h2 id="series-sessions-heading">{t('seriesCore.sessions.heading')}</h2>
        <SessionsTable seriesId={seriesId} token={token} sessions={sessions} canEdit={organiser} onChanged={reload} />
        {organiser && <AddSession seriesId={seriesId} token={token} series={series} sessions={sessions} onChanged={reload} />}
      </section>
      {organiser && members && <Rapporteurs seriesId={seriesId} token={token} members={members} selfId={member.id} onChanged={reload} />}
      <section aria-labelledby="series-document-heading" className="card">
        <h2 id="series-document-heading">{t('seriesCore.document.heading')}</h2>
        <DraftLinks seriesId={seriesId} languages={series.languages} originalLanguage={series.originalLanguage} />
        <DocumentPanel seriesId={seriesId} token={token} role={member.role} languages={series.languages} originalLanguage={series.originalLanguage} />
      </section>
      <PublicationPanel seriesId={seriesId} token={token} role={member.role} />
    </div>
  );
}

function NoAccess({ text, children }: { text: string; children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t('seriesCore.noAccessHeading')}</h1>
      {text && <p>{text}</p>}
      {children}
      <p>
        <Link href="/">{t('seriesCore.backHome')}</Link>
      </p>
    </div>
  );
}
