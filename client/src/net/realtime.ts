import { can, estimateOffset, OUTDATED_CLIENT, PROTOCOL_VERSION, type ClockSample } from '@open-talks/shared';
import type { Ack, ApiError, ClientToServerEvents, ServerToClientEvents } from '@open-talks/shared/protocol';
import { io, type Socket } from 'socket.io-client';
import { useLive } from '../state/live-store';
import { markOutdated } from './outdated';
import { CLOCK_RESYNC_SPREAD, RECONNECT_OPTIONS } from './reconnect-options';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT = 10_000; // ms: past this a command is reported as a network failure
const REFUSALS: ReadonlySet<string> = new Set(['removed', 'unauthenticated']);

let socket: ClientSocket | undefined;

/**
 * Opens the one connection of this tab. socket.io-client reconnects by itself after a
 * network loss or a server restart, and the server answers every (re)connect with the full
 * state, so the screen is never stale. Returns a function that closes it.
 */
export function connectLive(token: string): () => void {
  disconnectLive();
  const store = useLive.getState();
  store.reset();
  store.setStatus('connecting');
  const s: ClientSocket = io({ auth: { token, version: PROTOCOL_VERSION }, ...RECONNECT_OPTIONS });
  socket = s;

  let connectedBefore = false;
  s.on('connect', () => {
    useLive.getState().setStatus('connected');
    if (!connectedBefore) void measureClock();
    else setTimeout(() => s.connected && void measureClock(), Math.random() * CLOCK_RESYNC_SPREAD);
    connectedBefore = true;
  });
  s.on('disconnect', (reason) => {
    const status = useLive.getState().status;
    // Replaced by a newer tab (LIMIT2): reconnecting would close that one, and so on for ever.
    if (status === 'refused' || status === 'replaced') return;
    useLive.getState().setStatus('reconnecting');
    // The server closed us on purpose (a new projector key, say): ask again; the handshake decides.
    if (reason === 'io server disconnect') s.connect();
  });
  s.on('connect_error', (error: Error & { data?: ApiError | { code: typeof OUTDATED_CLIENT } }) => {
    const code = error.data?.code;
    if (code === OUTDATED_CLIENT) {
      markOutdated(); // VERSION4: this page is from another build; retrying cannot help
      s.disconnect();
    } else if (code && REFUSALS.has(code)) {
      useLive.getState().setStatus('refused', code);
      s.disconnect();
    } else {
      useLive.getState().setStatus('reconnecting');
    }
  });

  s.on('session:state', (state) => useLive.getState().applyState(state));
  s.on('attendance:changed', (counts) => useLive.getState().applyAttendance(counts));
  s.on('participant:changed', (participant) => useLive.getState().upsertParticipant(participant));
  s.on('participant:removed', ({ participantId }) => useLive.getState().dropParticipant(participantId));
  s.on('me:changed', (me) => {
    const before = useLive.getState().live;
    useLive.getState().applyMe(me);
    const previousRole = before?.viewer.kind === 'participant' ? before.viewer.participant.role : undefined;
    // A new role can show more (or less) of the session: fetch what this role may see.
    if (previousRole && previousRole !== me.role && can(me.role, 'participants:list') !== can(previousRole, 'participants:list')) {
      void command('session:sync', {}).then((ack) => ack.ok && useLive.getState().applyState(ack.state));
    }
  });
  s.on('session:changed', (session) => useLive.getState().applySession(session));
  s.on('me:removed', () => useLive.getState().setStatus('refused', 'removed'));
  s.on('connection:replaced', ({ max }) => useLive.getState().setReplaced(max));
  s.on('cafe:changed', (cafe) => useLive.getState().applyCafe(cafe));
  s.on('cafe:live', (view) => useLive.getState().applyCafeLive(view));
  s.on('cafe:seat', ({ seat }) => useLive.getState().applySeat(seat));
  s.on('cafe:timer', (payload) => useLive.getState().applyRoundTimer(payload));
  s.on('cafe:prompt', (prompt) => useLive.getState().addPrompt(prompt));
  const th = () => useLive.getState();
  s.on('qa:question', (question) => th().thQuestion(question));
  s.on('qa:gone', ({ questionId }) => th().thQuestionGone(questionId));
  s.on('qa:votes', (counts) => th().thVotes(counts));
  s.on('qa:voted', ({ questionId, voted }) => th().thVoted(questionId, voted));
  s.on('hand:queue', (queue) => th().thQueue(queue));
  s.on('hand:you', (you) => th().thYou(you));
  s.on('floor:changed', (floor) => th().thFloor(floor));
  s.on('poll:changed', (poll) => th().thPoll(poll));
  s.on('poll:deleted', ({ pollId }) => th().thPollDeleted(pollId));
  s.on('poll:results', (results) => th().thPollResults(results));
  s.on('poll:ballot', ({ pollId, ballot }) => th().thBallot(pollId, ballot));
  s.on('poll:projected', ({ pollId }) => th().thProjected(pollId));
  s.on('caption:lines', (lines) => th().thCaptions(lines));
  s.on('agenda:changed', (agenda) => th().thAgenda(agenda));
  s.on('townhall:settings', (settings) => th().thSettings(settings));

  return disconnectLive;
}

const CLOCK_SAMPLES = 5;

/** Estimates this device's clock offset from a few pings (TIME9), so every countdown agrees. */
async function measureClock(): Promise<void> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < CLOCK_SAMPLES; i++) {
    const clientSentAt = Date.now();
    const ack = await command('clock:ping', {});
    if (!ack.ok) return;
    samples.push({ clientSentAt, serverTime: ack.serverTime, clientReceivedAt: Date.now() });
  }
  const offset = estimateOffset(samples);
  if (offset) useLive.getState().setClockOffset(offset.offsetMs);
}

/** The person chose this tab again after it was replaced: it connects, and the oldest other one yields. */
export function reconnectLive(): void {
  if (!socket || socket.connected) return;
  useLive.getState().setStatus('connecting');
  socket.connect();
}

export function disconnectLive(): void {
  socket?.removeAllListeners();
  socket?.disconnect();
  socket = undefined;
}

type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Sends a command and resolves with its ack; a lost connection or a time-out becomes a `network` error. */
export async function command<E extends keyof ClientToServerEvents>(
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<AckOf<E> | { ok: false; error: { code: 'network'; message: string } }> {
  if (!socket) return { ok: false, error: { code: 'network', message: 'not connected' } };
  try {
    const timed = socket.timeout(ACK_TIMEOUT) as unknown as { emitWithAck(event: E, payload: unknown): Promise<Ack> };
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: { code: 'network', message: 'no answer from the server' } };
  }
}
