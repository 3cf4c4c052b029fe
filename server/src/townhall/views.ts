// Town Hall views for each audience, from the room's copy (pure mapping; who gets what is in
// the notifier). People follow the session's attribution (`attribute`, ATTR1–ATTR4), as the
// café's tablemates and the record do.
import {
  agendaItemStatus,
  attribute,
  type PersonFacts,
  effectiveOrder,
  questionView,
  type Agenda,
  type Attribution,
  type Ballot,
  type Floor,
  type Poll,
  type Question,
  type SpeakerQueue,
} from '@open-talks/shared';
import type { AgendaView, FloorView, HandStatus, MyBallot, PersonRef, QuestionItem, QueueView } from '@open-talks/shared/protocol';
import type { ParticipantRecord } from '../store/index.js';
import { floorHandle, handHandle } from './queue/hand-handles.js';
import type { TownhallRoom } from './room.js';

export type Lookup = (participantId: string) => ParticipantRecord | undefined;

/** Who looks: a participant (or null for the projector), and whether they are staff. */
export interface TownhallViewer {
  participantId: string | null;
  staff: boolean;
}

export const PUBLIC_VIEWER: TownhallViewer = { participantId: null, staff: false };

/** Someone as the session's attribution allows, for everyone alike, staff included (ATTR1–ATTR3). */
export function personRef(person: PersonFacts | undefined, attribution: Attribution, self = false): PersonRef {
  return attribute(attribution, person, { self });
}

export function questionItem(room: TownhallRoom, question: Question, viewer: TownhallViewer, lookup: Lookup): QuestionItem {
  const { voted: _voted, authorId, ...view } = questionView(room.board, question, { participantId: viewer.participantId ?? '', moderator: viewer.staff });
  const self = viewer.participantId !== null && viewer.participantId === question.authorId;
  return {
    ...view,
    author: question.anonymous ? null : personRef(lookup(question.authorId), room.attribution, self),
    // With the staff's participant list an id names its person: only where names may show (ATTR1).
    authorId: viewer.staff && room.attribution === 'named' ? authorId : null,
  };
}

export function floorView(floor: Floor | null, attribution: Attribution, lookup: Lookup): FloorView | null {
  if (!floor) return null;
  // The turn's own group and mode (as it was given), the name from the people cache.
  const person = lookup(floor.participantId);
  const facts = { displayName: person?.displayName ?? null, stakeholderGroup: floor.stakeholderGroup, mode: floor.mode, hub: person?.hub };
  return { speaker: personRef(facts, attribution), topic: floor.topic, since: floor.since, timer: floor.timer };
}

/** Everyone's own status, from one pass over the effective order (HAND7). */
export function handStatuses(queue: SpeakerQueue): Map<string, HandStatus> {
  const statuses = new Map<string, HandStatus>();
  effectiveOrder(queue).forEach((hand, position) => {
    statuses.set(hand.participantId, { raised: true, topic: hand.topic, position, hasFloor: false });
  });
  if (queue.floor) statuses.set(queue.floor.participantId, { raised: false, topic: queue.floor.topic, position: null, hasFloor: true });
  return statuses;
}

export const NO_HAND: HandStatus = { raised: false, topic: null, position: null, hasFloor: false };

export function handStatus(queue: SpeakerQueue, participantId: string): HandStatus {
  if (queue.floor?.participantId === participantId) return { raised: false, topic: queue.floor.topic, position: null, hasFloor: true };
  if (!queue.hands.some((h) => h.participantId === participantId)) return NO_HAND;
  return handStatuses(queue).get(participantId) ?? NO_HAND;
}

/**
 * The queue as staff see it. People show as the attribution allows, as on every other screen
 * (ATTR4): under `anonymous` a hand is a place in the queue and a topic, and alternation between
 * the room and remote is the server's decision (HAND6), so no mode needs to leave it. No
 * participant id leaves either (staff's people list would name it): a hand and the floor carry
 * an opaque handle, what `hand:move`, `hand:dismiss` and `hand:give-floor` take (HAND11).
 */
export function queueView(room: TownhallRoom, lookup: Lookup): QueueView {
  const { queue, attribution, handKey } = room;
  const baseIndex = new Map(queue.hands.map((hand, i) => [hand.participantId, i]));
  const floor = floorView(queue.floor, attribution, lookup);
  return {
    hands: effectiveOrder(queue).map((hand, position) => ({
      handle: handHandle(handKey, hand),
      person: personRef(
        { displayName: lookup(hand.participantId)?.displayName ?? null, stakeholderGroup: hand.stakeholderGroup, mode: hand.mode, hub: lookup(hand.participantId)?.hub },
        attribution,
      ),
      topic: hand.topic,
      raisedAt: hand.raisedAt,
      position,
      baseIndex: baseIndex.get(hand.participantId) ?? position,
    })),
    alternate: queue.alternate,
    floor: floor && queue.floor ? { ...floor, handle: floorHandle(handKey, queue.floor) } : null,
    lastFloorMode: attribution === 'anonymous' ? null : queue.lastFloorMode,
  };
}

/** One's ballot as one could send it again. */
export function myBallot(poll: Poll, ballot: Ballot): MyBallot {
  const choice =
    poll.kind === 'single' ? (ballot.keys[0] ?? '') : poll.kind === 'rating' ? Number(ballot.keys[0]) : poll.kind === 'text' ? (ballot.spellings ?? ballot.keys) : ballot.keys;
  return { pollId: poll.id, choice, castAt: ballot.castAt };
}

export function agendaView(agenda: Agenda): AgendaView {
  return {
    items: agenda.items.map((item) => ({ ...item, status: agendaItemStatus(agenda, item) })),
    currentId: agenda.currentId,
    timer: agenda.timer,
  };
}
