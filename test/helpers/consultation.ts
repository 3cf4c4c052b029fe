import type { CommandAck, CommandName } from '../../shared/src/protocol/index.js';
import { createSession, join, type Created } from './api.js';
import { command, connect, type ClientSocket } from './socket.js';

export interface Member {
  id: string;
  token: string;
  socket: ClientSocket;
}

export interface OpenConsultation {
  created: Created;
  facilitator: ClientSocket;
  questionId: string;
}

/** Unwraps an ack that must be ok: its fields. */
export async function ok<K extends CommandName>(socket: ClientSocket, name: K, payload: unknown): Promise<CommandAck<K>> {
  const ack = (await command(socket, name as never, payload as never)) as { ok: boolean };
  if (!ack.ok) throw new Error(`${name} refused: ${JSON.stringify(ack)}`);
  return ack as unknown as CommandAck<K>;
}

/** A consultation with one question, in the given phase. */
export async function openConsultation(url: string, options: { attribution?: 'named' | 'group' | 'anonymous'; phase?: string; settings?: object } = {}): Promise<OpenConsultation> {
  const created = await createSession(url, { format: 'consultation', title: 'Digital cooperation', attribution: options.attribution ?? 'named', facilitatorName: 'Org' });
  const { socket: facilitator } = await connect(url, created.facilitatorToken);
  const added = await ok(facilitator, 'consultation:add-question', { text: 'What should change?' });
  if (options.settings) await ok(facilitator, 'consultation:configure', options.settings);
  if (options.phase !== 'draft') await ok(facilitator, 'consultation:set-phase', { phase: options.phase ?? 'contributions' });
  return { created, facilitator, questionId: added.consultation.questions[0]!.id };
}

export async function member(url: string, c: OpenConsultation, displayName: string, extra: Record<string, unknown> = {}): Promise<Member> {
  const joined = await join(url, c.created.session.joinCode, { displayName, ...extra });
  const { socket } = await connect(url, joined.token);
  return { id: joined.participant.id, token: joined.token, socket };
}
