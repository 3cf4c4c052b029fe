import { creditText, formatDuration, formatRecordTime, type RecordSpeakerTurn } from '@open-talks/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { command } from '../net/realtime';
import { refusalText } from '../net/refusal';

/**
 * Who had the floor, when and for how long, as the record has it (attribution applied by the
 * server). Read again whenever the floor changes hands (`floorKey`).
 */
export default function SpeakerLog({ floorKey }: { floorKey: string }) {
  const { t } = useTranslation();
  const [speakers, setSpeakers] = useState<RecordSpeakerTurn[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let gone = false;
    void command('record:get', {}).then((ack) => {
      if (gone) return;
      if (ack.ok) setSpeakers(ack.record.townhall?.speakers ?? []);
      setError(ack.ok ? undefined : refusalText(t, ack.error));
    });
    return () => {
      gone = true;
    };
  }, [floorKey, t]);

  return (
    <section className="card" aria-labelledby="speaker-log-heading">
      <h2 id="speaker-log-heading">{t('record.page.speakerLog')}</h2>
      {error && speakers === undefined ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : speakers === undefined ? (
        <p role="status">{t('app.loading')}</p>
      ) : speakers.length === 0 ? (
        <p className="muted">{t('record.page.noSpeakers')}</p>
      ) : (
        // A11Y57: a table of four columns scrolls in its own box on a narrow screen, not the page.
        <div className="record-table-wrap" tabIndex={0} role="region" aria-labelledby="speaker-log-heading">
          <table className="record-table">
            <thead>
              <tr>
                <th scope="col">{t('record.doc.time')}</th>
                <th scope="col">{t('record.doc.speaker')}</th>
                <th scope="col">{t('record.doc.topic')}</th>
                <th scope="col">{t('record.doc.duration')}</th>
              </tr>
            </thead>
            <tbody>
              {speakers.map((s) => (
                <tr key={`${s.startedAt}`}>
                  <td>{formatRecordTime(s.startedAt)}</td>
                  <td dir="auto">
                    {[
                      creditText(
                        s.credit,
                        (g) => t(`words.group.${g}`),
                        // A hub's turn as the record credits it (HUB41).
                        (hub) =>
                          hub.name !== null
                            ? t('record.doc.hubCredit', { name: hub.name, place: hub.place ?? '', headcount: hub.headcount })
                            : t('record.doc.hubCreditCount', { headcount: hub.headcount }),
                      ),
                      s.mode && t(`words.mode.${s.mode}`),
                    ]
                      .filter(Boolean)
                      .join(', ') || t('credit.aParticipantCapital')}
                  </td>
                  <td dir="auto">{s.topic ?? ''}</td>
                  <td>{s.durationMs === null ? t('record.doc.speaking') : formatDuration(s.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
