import { can, type Attribution } from '@open-talks/shared';
import type { ParticipantView, QuestionItem, TownhallLive } from '@open-talks/shared/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaNow } from './AgendaNow';
import { AskForm } from './AskForm';
import { Captions } from './Captions';
import { FloorCard } from './FloorCard';
import { HandControl } from './HandControl';
import { PollCard } from './PollCard';
import { QuestionList } from './QuestionList';

/** A participant's Town Hall: the agenda, the floor, their hand, Q&A, polls and captions. */
export function TownhallView({ townhall, me, attribution }: { townhall: TownhallLive; me: ParticipantView; attribution: Attribution }) {
  const { t } = useTranslation();
  const polls = townhall.polls.filter((p) => p.poll.status !== 'draft');
  const newQuestion = useNewQuestionAnnouncement(townhall.qa.questions);
  return (
    <div className="townhall">
      <div className="console-grid">
        <AgendaNow agenda={townhall.agenda} className="card" />
        <FloorCard floor={townhall.floor} attribution={attribution} className="card" />
      </div>
      {townhall.you && <HandControl you={townhall.you} canRaise={can(me.role, 'hand:raise')} />}
      {polls.length > 0 && (
        <section aria-labelledby="polls-heading">
          <h2 id="polls-heading">{t('townhall.poll.heading')}</h2>
          {polls.map((item) => (
            <PollCard key={item.poll.id} item={item} canVote={can(me.role, 'poll:vote')} />
          ))}
        </section>
      )}
      <section className="card" aria-labelledby="qa-heading">
        <h2 id="qa-heading">{t('townhall.qa.heading')}</h2>
        {can(me.role, 'qa:ask') && <AskForm anonymousAllowed={townhall.settings.anonymousQuestions} preModerated={townhall.settings.moderation === 'pre'} />}
        <p className="visually-hidden" aria-live="polite">
          {newQuestion}
        </p>
        <QuestionList questions={townhall.qa.questions} myVotes={townhall.qa.myVotes} attribution={attribution} />
      </section>
      <Captions captions={townhall.captions} />
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
