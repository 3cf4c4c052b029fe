import { useTranslation } from 'react-i18next';

/** For remote people: the Town Hall's audio/video room, where they speak when given the floor (HAND12). */
export function VideoRoomCard({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <section className="card video-room" aria-labelledby="video-room-heading">
      <h2 id="video-room-heading">{t('thUi.videoRoom.heading')}</h2>
      <p>{t('thUi.videoRoom.hint')}</p>
      <p className="button-row">
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t('thUi.videoRoom.join')}
        </a>
      </p>
    </section>
  );
}
