import { can, mayAskAnonymously, type Attribution } from '@open-talks/shared';
import type { ParticipantView, PollItem, QuestionItem, TownhallSettings } from '@open-talks/shared/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../../announce/store';
import { PanelBoundary } from '../../../components/PanelBoundary';
import { useTownhall } from '../../../state/selectors';
import { AskForm } from './AskForm';
import { Captions } from './Captions';
import { FloorCard } from './FloorCard';
import { HandControl } from './HandControl';
import { NowCard } from './NowCard';
import { PollCard } from './PollCard';
import { QuestionList } from './QuestionList';
import { VideoRoomCard } from './VideoRoomCard';

/**
 * A participant's Town Hall: what is happening and what to do now first (THUI8), the floor, their hand, polls
 * (open ones whole, closed ones folded), Q&A and captions. Each panel has its own error
 * boundary, so one that breaks never blanks the page (CAPTION2).
 */
export function TownhallView({ me, attribution }: { me: ParticipantView; attribution: Attribution }) {
  const { t } = useTranslation();
  // Not `qa` or `captions`: their panels select them, so a vote count re-renders only Q&A.
  const townhall = useTownhall(({ agenda, floor, you, polls, settings }) => ({ agenda, floor, you, polls, settings }));
  usePollOpenedAnnouncement(townhall?.polls);
  if (!townhall) return null;
  const polls = townhall.polls.filter((p) => p.poll.status !== 'draft');
  const openPolls = polls.filter((p) => p.poll.status === 'open');
  const closedPolls = polls.filter((p) => p.poll.status !== 'open');
  const videoRoom = me.mode === 'remote' ? townhall.settings.videoRoomUrl : null;
  return (
    <div className="townhall">
      <div className="console-grid">
        <PanelBoundary name="agenda">
          <NowCard agenda={townhall.agenda} you={townhall.you} polls={polls} may={{ vote: can(me.role, 'poll:vote'), ask: can(me.role, 'qa:ask') }} videoRoom={videoRoom} />
        </PanelBoundary>
        <PanelBoundary name="floor">
          <FloorCard floor={townhall.floor} attribution={attribution} mine={townhall.you?.hasFloor ?? false} className="card" />
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
        <QaSection me={me} attribution={attribution} settings={townhall.settings} />
      </PanelBoundary>
      <PanelBoundary name="captions">
        <LiveCaptions />
      </PanelBoundary>
    </div>
  );
}

function QaSection({ me, attribution, settings }: { me: ParticipantView; attribution: Attribution; settings: TownhallSettings }) {
  const { t } = useTranslation();
  const qa = useTownhall((th) => th.qa);
  useNewQuestionAnnouncement(qa?.questions);
  if (!qa) return null;
  return (
    <section className="card" id="qa-section" aria-labelledby="qa-heading">
      <h2 id="qa-heading">{t('townhall.qa.heading')}</h2>
      {can(me.role, 'qa:ask') && (
        <AskForm anonymousAllowed={mayAskAnonymously(settings.anonymousQuestions, attribution)} preModerated={settings.moderation === 'pre'} questions={qa.questions} />
      )}
      <QuestionList questions={qa.questions} myVotes={qa.myVotes} attribution={attribution} />
    </section>
  );
}

function LiveCaptions() {
  const captions = useTownhall((th) => th.captions);
  return captions ? <Captions captions={captions} /> : null;
}

/**
 * "New question: …" for screen readers, once per question that appears after the page loaded,
 * in the view's announcer: said only to those who chose to hear everything (A11Y13).
 */
function useNewQuestionAnnouncement(questions: readonly QuestionItem[] | undefined): void {
  const { t } = useTranslation();
  const say = useAnnounce((s) => s.say);
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!questions) return;
    const visible = questions.filter((q) => q.status === 'visible' && !q.mine);
    if (seen.current === null) {
      seen.current = new Set(visible.map((q) => q.id));
      return;
    }
    const fresh = visible.filter((q) => !seen.current!.has(q.id));
    for (const q of fresh) seen.current.add(q.id);
    const last = fresh.at(-1);
    if (last) say(t('townhall.qa.newQuestion', { text: last.text }), { kind: 'new-question' });
  }, [questions, t, say]);
}

/** "A poll is open: …" when a poll opens after the page loaded (A11Y11); not the ones open at load. */
function usePollOpenedAnnouncement(polls: readonly PollItem[] | undefined): void {
  const { t } = useTranslation();
  const say = useAnnounce((s) => s.say);
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!polls) return;
    const open = polls.filter((p) => p.poll.status === 'open');
    if (seen.current === null) {
      seen.current = new Set(open.map((p) => p.poll.id));
      return;
    }
    const fresh = open.filter((p) => !seen.current!.has(p.poll.id));
    for (const p of fresh) seen.current.add(p.poll.id);
    const last = fresh.at(-1);
    if (last) say(t('thPhase.now.pollOpen', { question: last.poll.question }), { kind: 'poll-opened' });
  }, [polls, t, say]);
}
