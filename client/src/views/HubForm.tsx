import { HUB_MAX_HEADCOUNT, type ErrorCode, type ParticipantView } from '@open-talks/shared/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { command } from '../net/realtime';
import { useLive } from '../state/live-store';

/** A hub's coordinator sees the hub's registration and keeps its headcount current (`hub:update`, HUB4). */
export function HubForm({ me }: { me: ParticipantView }) {
  const { t } = useTranslation();
  const hub = me.hub;
  const [headcount, setHeadcount] = useState(String(hub?.headcount ?? ''));
  const [error, setError] = useState<{ code: ErrorCode | 'network' }>();
  const [saved, setSaved] = useState(false);
  if (!hub) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const value = Number(headcount);
    if (!Number.isInteger(value) || value < 1 || value > HUB_MAX_HEADCOUNT) {
      setError({ code: 'bad_request' });
      return;
    }
    const ack = await command('hub:update', { headcount: value });
    if (ack.ok) {
      setError(undefined);
      setSaved(true);
      useLive.getState().upsertParticipant(ack.participant);
    } else setError(ack.error);
  };

  return (
    <section className="card hub" aria-labelledby="hub-heading">
      <h2 id="hub-heading">{t('hubs.mine.heading')}</h2>
      <p data-testid="my-hub">{hub.place ? t('hubs.mine.where', { name: hub.name, place: hub.place }) : hub.name}</p>
      <p className="muted">
        {t('hubs.peopleCount', { count: hub.headcount })} · {hub.groups.map((g) => t(`words.group.${g}`)).join(', ')}
      </p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="hub-headcount">{t('hubs.mine.headcount')}</label>
        <input id="hub-headcount" type="number" inputMode="numeric" min={1} max={HUB_MAX_HEADCOUNT} value={headcount} onChange={(e) => setHeadcount(e.target.value)} />
        <FormError error={error} />
        <p role="status" className="saved">
          {saved ? t('hubs.mine.saved') : ''}
        </p>
        <button type="submit">{t('hubs.mine.save')}</button>
      </form>
    </section>
  );
}
