import type { Attribution } from '@open-talks/shared';
import type { TownhallLive } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { FloorCard } from '../participant/townhall/FloorCard';
import { ProjectorAgenda } from './ProjectorAgenda';

/** A Town Hall under way with nothing else chosen: the agenda item, the speaker, the question being answered. */
export function TownhallProjector({ townhall, attribution }: { townhall: TownhallLive; attribution: Attribution }) {
  const { t } = useTranslation();
  const pinned = townhall.qa.questions.find((q) => q.pinned);
  return (
    <div className="projector-townhall pj-townhall">
      <div className="projector-columns">
        <ProjectorAgenda agenda={townhall.agenda} />
        <FloorCard floor={townhall.floor} attribution={attribution} className="countdown-big-floor" />
      </div>
      {pinned && (
        <section className="projector-pinned pj-pinned" aria-labelledby="pinned-heading">
          <h2 id="pinned-heading" className="pj-kicker">
            {t('townhall.qa.nowAnswering')}
          </h2>
          <p className="projector-question">
            <bdi>{pinned.text}</bdi>
          </p>
          <p className="pj-votes">{t('townhall.qa.votes', { count: pinned.votes })}</p>
        </section>
      )}
    </div>
  );
}
