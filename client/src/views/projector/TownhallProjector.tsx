import { formatJoinCode, type Attribution } from '@open-talks/shared';
import type { TownhallLive } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../components/PanelBoundary';
import { PollResults } from '../../components/townhall/PollResults';
import { AgendaNow } from '../participant/townhall/AgendaNow';
import { FloorCard } from '../participant/townhall/FloorCard';

/** The room's big screen in a Town Hall: agenda item, question being answered, speaker, poll, captions. */
export function TownhallProjector({ townhall, attribution, joinCode }: { townhall: TownhallLive; attribution: Attribution; joinCode: string }) {
  const { t } = useTranslation();
  const pinned = townhall.qa.questions.find((q) => q.pinned);
  const projected = townhall.polls.find((p) => p.poll.id === townhall.projectedPollId);
  const captions = townhall.captions.slice(-3);
  return (
    <div className="projector-townhall">
      <div className="projector-columns">
        <AgendaNow agenda={townhall.agenda} />
        <FloorCard floor={townhall.floor} attribution={attribution} className="countdown-big-floor" />
      </div>
      {pinned && (
        <section className="projector-pinned" aria-labelledby="pinned-heading">
          <h2 id="pinned-heading">{t('townhall.qa.nowAnswering')}</h2>
          <p className="projector-question" dir="auto">
            {pinned.text}
          </p>
          <p className="muted">{t('townhall.qa.votes', { count: pinned.votes })}</p>
        </section>
      )}
      {projected && (
        <PanelBoundary name="projected poll">
          <section aria-labelledby="projected-heading">
            <h2 id="projected-heading" dir="auto">
              {projected.poll.question}
            </h2>
            {projected.results ? <PollResults poll={projected.poll} results={projected.results} big /> : <p className="muted">{t('townhall.poll.resultsHidden')}</p>}
          </section>
        </PanelBoundary>
      )}
      {captions.length > 0 && (
        <section className="projector-captions" aria-label={t('townhall.captions.heading')}>
          {captions.map((c) => (
            <p key={c.id} lang={c.language} dir="auto">
              {c.text}
            </p>
          ))}
        </section>
      )}
      <p className="projector-small-join">{t('run.stillJoin', { host: `${location.host}/join`, code: formatJoinCode(joinCode) })}</p>
    </div>
  );
}
