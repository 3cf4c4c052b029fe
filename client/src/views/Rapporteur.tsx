import { can } from '@open-talks/shared';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { tableName } from '../components/cafe/table-name';
import { canWriteHarvest } from '../notepad/harvest/access';
import { Captions } from './participant/townhall/Captions';
import { PollCard } from './participant/townhall/PollCard';
import { QuestionList } from './participant/townhall/QuestionList';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { MemberStatus, useMember } from '../hooks/useMember';
import { presenceName } from '../notepad/presence-name';

const NotepadPanel = lazy(() => import('../notepad/NotepadPanel'));
const SynthesisPanel = lazy(() => import('../notepad/SynthesisPanel'));
const HarvestBoard = lazy(() => import('../notepad/harvest/HarvestBoard'));
const RecordPanel = lazy(() => import('../record/RecordPanel'));
const SpeakerLog = lazy(() => import('../record/SpeakerLog'));

const COLOR = '#0550ae';

/**
 * The rapporteur's desk: their synthesis, and read-only access to everything the session
 * produced, live: every table's notes by round, the harvest, the Q&A, polls, the speaker log and
 * captions; and the record's exports.
 */
export default function Rapporteur({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const member = useMember(sessionId);
  useDocumentTitle(t('title.rapporteur'), member.kind === 'ready' ? member.live.session.title : null);
  if (member.kind !== 'ready') return <MemberStatus member={member} />;
  const { live, me, token } = member;
  if (!can(me.role, 'record:export')) {
    return (
      <div className="narrow">
        <h1>{t('rapporteur.notRapporteur')}</h1>
        <Link href={`/s/${sessionId}`}>{live.session.title}</Link>
      </div>
    );
  }
  const userName = presenceName(t, live.session.attribution, me);
  return (
    <div className="rapporteur">
      <h1>
        {live.session.title} <span className="muted heading-sub">— {t('rapporteur.heading')}</span>
      </h1>
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <SynthesisPanel sessionId={sessionId} token={token} userName={userName} userColor={COLOR} />
        <RecordPanel sessionId={sessionId} token={token} canPublish={can(me.role, 'record:publish')} />
      </Suspense>
      {live.cafe && (
        <section aria-labelledby="tables-heading">
          <h2 id="tables-heading">{t('rapporteur.tablesHeading')}</h2>
          <p className="hint">{t('rapporteur.tablesHint')}</p>
          {live.cafe.live.rounds.map((round) => (
            <section key={round.number} aria-labelledby={`round-${round.number}`}>
              <h3 id={`round-${round.number}`} dir="auto">
                {t('run.question', { round: round.number })}: {round.question}
              </h3>
              <ul className="plain-list">
                {live.cafe!.live.tables.map((table) => (
                  <li key={table.id}>
                    <TableNotes sessionId={sessionId} token={token} tableId={table.id} round={round.number} label={tableName(t, table)} userName={userName} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <HarvestBoard
              sessionId={sessionId}
              token={token}
              canWrite={canWriteHarvest(sessionId, me)}
              userName={userName}
              userColor={COLOR}
              rounds={live.cafe.live.rounds}
              tables={live.cafe.live.tables}
            />
          </Suspense>
        </section>
      )}
      {live.townhall && (
        <>
          <section className="card" aria-labelledby="rq-heading">
            <h2 id="rq-heading">{t('townhall.qa.heading')}</h2>
            <QuestionList questions={live.townhall.qa.questions} myVotes={live.townhall.qa.myVotes} attribution={live.session.attribution} />
          </section>
          {live.townhall.polls.length > 0 && (
            <section aria-labelledby="rp-heading">
              <h2 id="rp-heading">{t('townhall.poll.heading')}</h2>
              {live.townhall.polls.map((item) => (
                <PollCard key={item.poll.id} item={item} canVote={false} />
              ))}
            </section>
          )}
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <SpeakerLog floorKey={`${live.townhall.floor?.since ?? 'none'}`} />
          </Suspense>
          <Captions streams={live.townhall.captionStreams ?? []} language={me.language} />
        </>
      )}
    </div>
  );
}

/** One table's notes in one round, connected only while opened (a café can have hundreds). */
function TableNotes({ sessionId, token, tableId, round, label, userName }: { sessionId: string; token: string; tableId: string; round: number; label: string; userName: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('rapporteur.tableRound', { table: label, round })}</summary>
      {open && (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <NotepadPanel
            sessionId={sessionId}
            tableId={tableId}
            round={round}
            token={token}
            readOnly
            userName={userName}
            userColor={COLOR}
            title={t('rapporteur.tableRound', { table: label, round })}
          />
        </Suspense>
      )}
    </details>
  );
}
