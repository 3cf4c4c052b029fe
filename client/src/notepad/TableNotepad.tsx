import { mayCurateIdeas, type Attribution } from '@open-talks/shared';
import type { ParticipantView, SeatView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import NotepadPanel from './NotepadPanel';
import { presenceName } from './presence-name';
import PreviousRounds from './PreviousRounds';

// Caret colours: dark enough for text contrast on white, told apart by the name beside them.
const COLORS = ['#1f6feb', '#8250df', '#bf3989', '#9a6700', '#1a7f37', '#cf222e', '#0550ae', '#6639ba'];

function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length]!;
}

/** A seated person's notepad for this round, with the table's earlier rounds read-only below. */
export default function TableNotepad({
  sessionId,
  token,
  seat,
  me,
  attribution,
}: {
  sessionId: string;
  token: string;
  seat: SeatView;
  me: ParticipantView;
  attribution: Attribution;
}) {
  const { t } = useTranslation();
  const userName = presenceName(t, attribution, me);
  const color = colorFor(me.id);
  return (
    <div className="table-notepad">
      <NotepadPanel
        key={`${seat.table.id}/${seat.round}`}
        sessionId={sessionId}
        tableId={seat.table.id}
        round={seat.round}
        token={token}
        userName={userName}
        userColor={color}
        canCurate={mayCurateIdeas({ canWrite: true, hasHost: seat.host !== null || seat.youHost, isHost: seat.youHost, isStaff: false })}
      />
      {seat.round > 1 && <PreviousRounds sessionId={sessionId} tableId={seat.table.id} currentRound={seat.round} token={token} userName={userName} userColor={color} />}
    </div>
  );
}
