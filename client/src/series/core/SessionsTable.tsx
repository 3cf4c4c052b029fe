// SER24, SER32: the series' sessions with their dates, formats, attendance and state; links to each
// session's console (when this browser facilitates it) and public record (when published).
import type { SeriesSessionSummary } from '@open-talks/shared/series';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { focusHeading } from '../../components/focus-heading';
import type { RequestError } from '../../net/api';
import { getCredential } from '../../state/credentials';
import { seriesApi } from './series-api';
import { SeriesError } from './SeriesError';

interface Props {
  seriesId: string;
  token: string;
  sessions: SeriesSessionSummary[];
  canEdit: boolean;
  onChanged: () => Promise<void>;
}

const LIVE_STATES = new Set(['not-started', 'running', 'ended']);

export function SessionsTable({ seriesId, token, sessions, canEdit, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<RequestError>();
  const [removed, setRemoved] = useState('');
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const state = (s: SeriesSessionSummary) => (LIVE_STATES.has(s.state) ? t(`seriesCore.state.${s.state}`) : t(`consultConsole.phase.${s.state}`));

  const remove = async (session: SeriesSessionSummary) => {
    setError(undefined);
    try {
      await seriesApi.removeSession(seriesId, token, session.sessionId);
      await onChanged();
      setRemoved(t('seriesCore.sessions.removed', { title: session.title }));
      // The row and its button are gone: focus goes to the section's heading.
      focusHeading('series-sessions-heading');
    } catch (e) {
      setError(e as RequestError);
    }
  };

  if (sessions.length === 0) {
    return (
      <>
        <p>{t('seriesCore.sessions.none')}</p>
        <p role="status">{removed}</p>
      </>
    );
  }
  return (
    <>
      <div className="series-table-wrap">
        <table className="series-table">
          <caption className="visually-hidden">{t('seriesCore.sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('seriesCore.sessions.title')}</th>
              <th scope="col">{t('seriesCore.sessions.format')}</th>
              <th scope="col">{t('seriesCore.sessions.date')}</th>
              <th scope="col">{t('seriesCore.sessions.attendance')}</th>
              <th scope="col">{t('seriesCore.sessions.state')}</th>
              <th scope="col">{t('seriesCore.sessions.links')}</th>
              {canEdit && <th scope="col">{t('seriesCore.sessions.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const mine = getCredential(s.sessionId)?.facilitator === true;
              return (
                <tr key={s.sessionId}>
                  <th scope="row" dir="auto">
                    {s.title}
                  </th>
                  <td>{t(`words.format.${s.format}`)}</td>
                  <td>
                    <time dateTime={new Date(s.createdAt).toISOString()}>{date.format(s.createdAt)}</time>
                  </td>
                  <td>
                    {t('seriesCore.sessions.people', {
                      total: s.attendance.total,
                      inRoom: s.attendance.byMode['in-room'],
                      remote: s.attendance.byMode.remote,
                    })}
                  </td>
                  <td>{state(s)}</td>
                  <td>
                    <ul className="plain-list">
                      {mine && (
                        <li>
                          <Link href={`/s/${s.sessionId}/console`}>{t('seriesCore.sessions.openConsole', { title: s.title })}</Link>
                        </li>
                      )}
                      {s.publicPath && (
                        <li>
                          <a href={s.publicPath}>{t('seriesCore.sessions.publicRecord', { title: s.title })}</a>
                        </li>
                      )}
                    </ul>
                  </td>
                  {canEdit && (
                    <td>
                      <button type="button" className="secondary" onClick={() => void remove(s)}>
                        {t('seriesCore.sessions.remove', { title: s.title })}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <SeriesError error={error} />
      <p role="status">{removed}</p>
    </>
  );
}
