import { can, mayAskAnonymously, type Attribution } from '@open-talks/shared';
import type { ParticipantView, QuestionItem, TownhallLive } from '@open-talks/shared/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../../components/PanelBoundary';
import { AgendaNow } from './AgendaNow';
import { AskForm } from './AskForm';
import { Captions } from './Captions';
import { FloorCard } from './FloorCard';
import { HandControl } from './HandControl';
import { PollCard } from './PollCard';
import { QuestionList } from './QuestionList';
import { VideoRoomCard } from './VideoRoomCard';

/**
 * A participant's Town Hall: the agenda item under way first, the floor, their hand, polls
 * (open ones whole, closed ones folded), Q&A and captions. Each panel has its own error
 * boundary, so one that breaks never blanks the page (CAPTION2).
 */
export function TownhallView({ townhall, me, attribution }: { townhall: TownhallLive; me: ParticipantView; attribution: Attribution }) {
  const { t } = useTranslation();
  const polls = townhall.polls.filter((p) => p.poll.status !== 'draft');
  const openPolls = polls.filter((p) => p.poll.status === 'open');
  const closedPolls = polls.filter((p) => p.poll.status !== 'open');
  const newQuestion = useNewQuestionAnnouncement(townhall.qa.questions);
  const videoRoom = me.mode === 'remote' ? townhall.settings.videoRoomUrl : null;
  return (
    <div className="townhall">
      <div className="console-grid">
        <PanelBoundary name="agenda">
          <AgendaNow agenda={townhall.agenda} className="card" />
        </PanelBoundary>
        <PanelBoundary name="floor">
          <FloorCard floor={townhall.floor} attribution={attribution} className="card" />
        </PanelBoundary>
      </div>
      {videoRoom && !townhall.you?.hasFloor && <VideoRoomCard url={videoRoom} />}
      {townhall.you && (
        <PanelBoundary name="hand">
          <HandControl you={townhall.you} canRaise={can(me.role, 'hand:raise')} videoRoom={videoRoom} />
        </PanelBoundary>
      )}
      {polls.length > 0 && (
        <section aria-labelledby="polls-heading">
          <h2 id="polls-heading">{t('townhall.poll.heading')}</h2>
          <PanelBoundary name="polls">
            {/* Open polls first: the one to answer now is never below a pile of finished ones. */}
            {openPolls.map((item) => (
              <PollCard key={item.poll.id} item={item} canVote={can(me.role, 'poll:vote')} />
            ))}
            {closedPolls.length > 0 && (
              <details className="closed-polls" open={openPolls.length === 0 && closedPolls.length === 1}>
                <summary>{t('thUi.poll.closed', { count: closedPolls.length })}</summary>
                {closedPolls.map((item) => (
                  <PollCard key={item.poll.id} item={item} canVote={false} />
                ))}
              </details>
            )}
          </PanelBoundary>
        </section>
      )}
      <PanelBoundary name="questions">
        <section className="card" aria-labelledby="qa-heading">
          <h2 id="qa-heading">{t('townhall.qa.heading')}</h2>
          {can(me.role, 'qa:ask') && <AskForm anonymousAllowed={mayAskAnonymously(townhall.settings.anonymousQuestions, attribution)} preModerated={townhall.settings.moderation === 'pre'} questions={townhall.qa.questions} />}
          <p className="visually-hidden" aria-live="polite">
            {newQuestion}
          </p>
          <QuestionList questions={townhall.qa.questions} myVotes={townhall.qa.myVotes} attribution={attribution} />
        </section>
      </PanelBoundary>
      <PanelBoundary name="captions">
        <Captions captions={townhall.captions} />
      </PanelBoundary>
    </div>
  );
}

/** "New question: …" for screen readers, once per question that appears after the page loaded. */
function useNewQuestionAnnouncement(questions: readonly QuestionItem[]): string {
  const { t } = useTranslation();
  const seen = useRef<Set<string> | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const visible = questions.filter((q) => q.status === 'visible' && !q.mine);
    if (seen.current === null) {
      seen.current = new Set(visible.map((q) => q.id));
      return;
    }
    const fresh = visible.filter((q) => !seen.current!.has(q.id));
    for (const q of fresh) seen.current.add(q.id);
    const last = fresh.at(-1);
    if (last) setText(t('townhall.qa.newQuestion', { text: last.text }));
  }, [questions, t]);
  return text;
}
