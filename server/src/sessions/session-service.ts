import { countAttendance, can, type AttendanceCounts, type Role, type SessionFormat } from '@open-talks/shared';
import type {
  ParticipantView,
  ProfileUpdate,
  SessionPreview,
  SessionState,
  SessionView,
} from '@open-talks/shared/protocol';
import type { z } from 'zod';
import type { createSessionBody, joinBody } from '@open-talks/shared/protocol';
import { hashToken, isProjectorToken, newId, newJoinCode, newToken } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { ParticipantRecord, SessionRecord, SessionSettings, Store } from '../store/index.js';
import type { Principal } from './principal.js';
import { participantView, sessionView } from './views.js';

/** Tells connected clients what changed; implemented by the realtime layer. */
export interface Notifier {
  participantChanged(participant: ParticipantRecord): void;
  participantRemoved(participant: ParticipantRecord): void;
  projectorKeyRotated(sessionId: string): void;
  sessionChanged(session: SessionRecord): void;
}

/** What the formats add to a session: the café seats people as they come and go, and adds its state. */
export interface SessionFormatHooks {
  /** After someone joined, changed or was removed, before the call returns; never throws (the change itself stands). */
  personChanged(person: ParticipantRecord, format: SessionFormat): Promise<void>;
  cafeFor(sessionId: string, participantId: string | null): Promise<SessionState['cafe']>;
  townhallFor(principal: Principal): Promise<SessionState['townhall']>;
}

/** Which participants of a session have a live connection (across all server nodes). */
export interface Presence {
  onlineIds(sessionId: string): Promise<Set<string>>;
  /** Whether one participant has a live connection: cheap, unlike onlineIds. */
  isOnline(participantId: string): Promise<boolean>;
}

export interface CreatedSession {
  session: SessionView;
  participant: ParticipantView;
  facilitatorToken: string;
  projectorKey: string;
}

const JOIN_CODE_ATTEMPTS = 8;
// Counts may be this stale for someone (re)connecting: after a restart 2,000 people reconnect
// at once, and each would otherwise read the whole participant list. The notifier refreshes it.
const ATTENDANCE_CACHE_TTL = 1_000; // ms

/**
 * Sessions and the people in them. Every method persists before it returns, and only then
 * notifies, so an ack or a 2xx always means the change is on disk.
 */
export class SessionService {
  // A cache only (never the source of truth), so several server nodes stay correct.
  private readonly attendanceCache = new Map<string, { counts: AttendanceCounts; expires: number }>();
  private hooks: SessionFormatHooks | undefined;

  constructor(
    private readonly store: Store,
    private readonly presence: Presence,
    private readonly notifier: Notifier,
    private readonly now: () => number = Date.now,
  ) {}

  /** The formats and the service need each other; the hooks are handed over once built. */
  useHooks(hooks: SessionFormatHooks): void {
    this.hooks = hooks;
  }

  private async afterPersonChanged(person: ParticipantRecord, format: SessionFormat): Promise<void> {
    await this.hooks?.personChanged(person, format);
  }

  async createSession(body: z.output<typeof createSessionBody>): Promise<CreatedSession> {
    const facilitatorToken = newToken('participant');
    const projectorKey = newToken('projector');
    for (let attempt = 1; ; attempt++) {
      const createdAt = this.now();
      const session: SessionRecord = {
        id: newId(),
        title: body.title,
        format: body.format,
        attribution: body.attribution,
        languages: body.languages,
        joinCode: newJoinCode(),
        createdAt,
        endedAt: null,
        observerNotes: body.observerNotes,
      };
      const facilitator: ParticipantRecord = {
        id: newId(),
        sessionId: session.id,
        displayName: body.facilitatorName ?? null,
        role: 'facilitator',
        mode: 'in-room',
        stakeholderGroup: 'other',
        language: body.language ?? body.languages[0] ?? 'en',
        joinedAt: createdAt,
        removedAt: null,
      };
      try {
        await this.store.transaction(async (repos) => {
          await repos.sessions.insert(session, hashToken(projectorKey));
          await repos.participants.insert(facilitator, hashToken(facilitatorToken));
        });
        return {
          session: sessionView(session),
          participant: participantView(facilitator, false),
          facilitatorToken,
          projectorKey,
        };
      } catch (error) {
        // Two sessions drew the same live code at once: the unique index refused one. Draw again.
        if (attempt < JOIN_CODE_ATTEMPTS && (await this.store.sessions.isJoinCodeLive(session.joinCode))) continue;
        throw error;
      }
    }
  }

  async preview(joinCode: string): Promise<SessionPreview> {
    const session = await this.store.sessions.byLiveJoinCode(joinCode);
    if (!session) throw new AppError('not_found', 'No live session has this join code');
    const { title, format, languages, attribution } = session;
    return { title, format, languages, attribution, joinCode };
  }

  async join(body: z.output<typeof joinBody>): Promise<{ session: SessionView; participant: ParticipantView; token: string }> {
    const session = await this.store.sessions.byLiveJoinCode(body.joinCode);
    if (!session) throw new AppError('not_found', 'No live session has this join code');
    const token = newToken('participant');
    const participant: ParticipantRecord = {
      id: newId(),
      sessionId: session.id,
      displayName: body.displayName ?? null,
      role: body.role,
      mode: body.mode,
      stakeholderGroup: body.stakeholderGroup,
      language: body.language ?? session.languages[0] ?? 'en',
      joinedAt: this.now(),
      removedAt: null,
    };
    await this.store.participants.insert(participant, hashToken(token));
    this.attendanceCache.delete(session.id);
    this.notifier.participantChanged(participant);
    await this.afterPersonChanged(participant, session.format);
    return { session: sessionView(session), participant: participantView(participant, false), token };
  }

  /** Resolves a bearer token; removed participants and unknown tokens are refused. */
  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) throw new AppError('unauthenticated', 'A token is required (Authorization: Bearer <token>)');
    const hash = hashToken(token);
    if (isProjectorToken(token)) {
      const session = await this.store.sessions.byProjectorTokenHash(hash);
      if (!session) throw new AppError('unauthenticated', 'This projector link is no longer valid');
      return { session, participant: null, role: 'observer' };
    }
    const participant = await this.store.participants.byTokenHash(hash);
    if (!participant) throw new AppError('unauthenticated', 'This token is not valid');
    if (participant.removedAt !== null) throw new AppError('removed', 'You were removed from this session');
    const session = await this.session(participant.sessionId);
    if (!session) throw new AppError('unauthenticated', 'This token is not valid');
    return { session, participant, role: participant.role };
  }

  /**
   * Re-reads who is acting from storage, so a role change or a removal takes effect on the
   * very next action, whichever server node made it.
   */
  async resolve(sessionId: string, participantId: string | null): Promise<Principal> {
    const session = await this.session(sessionId);
    if (!session) throw new AppError('unauthenticated', 'This session no longer exists');
    if (participantId === null) return { session, participant: null, role: 'observer' };
    const participant = await this.store.participants.byId(participantId);
    if (!participant || participant.sessionId !== sessionId) throw new AppError('unauthenticated', 'This token is not valid');
    if (participant.removedAt !== null) throw new AppError('removed', 'You were removed from this session');
    return { session, participant, role: participant.role };
  }

  /**
   * The session's record, shared by every connect and command of a burst (SYNC3: invalidated by
   * its writes). The participant is always read afresh: a role change or a removal counts at once.
   */
  private session(sessionId: string): Promise<SessionRecord | undefined> {
    return this.store.shared.cached(sessionId, 'session', () => this.store.sessions.byId(sessionId));
  }

  async listParticipants(sessionId: string): Promise<ParticipantView[]> {
    // The roster is shared by a burst of (re)connects and the attendance updates (SYNC3).
    const [participants, online] = await Promise.all([this.store.shared.roster(sessionId), this.presence.onlineIds(sessionId)]);
    return participants.map((p) => participantView(p, online.has(p.id)));
  }

  /** The stored session (the notifier needs its attribution for the counts it sends); shared like the roster. */
  sessionRecord(sessionId: string): Promise<SessionRecord | undefined> {
    return this.session(sessionId);
  }

  /** What this principal may see of the session now. */
  async state(principal: Principal): Promise<SessionState> {
    const base = await this.baseState(principal);
    if (!this.hooks) return base;
    if (principal.session.format === 'townhall') return { ...base, townhall: await this.hooks.townhallFor(principal) };
    return { ...base, cafe: await this.hooks.cafeFor(principal.session.id, principal.participant?.id ?? null) };
  }

  private async baseState(principal: Principal): Promise<SessionState> {
    const session = sessionView(principal.session);
    if (can(principal.role, 'participants:list')) {
      const participants = await this.listParticipants(session.id);
      const me = participants.find((p) => p.id === principal.participant?.id);
      const attendance = countAttendance(participants, session.attribution);
      this.rememberAttendance(session.id, attendance);
      return { session, viewer: me ? { kind: 'participant', participant: me } : { kind: 'display' }, attendance, participants };
    }
    const me = principal.participant;
    return {
      session,
      viewer: me ? { kind: 'participant', participant: participantView(me, await this.presence.isOnline(me.id)) } : { kind: 'display' },
      attendance: await this.attendanceFor(principal.session),
    };
  }

  /** Attendance counts under the session's attribution (ATTR5), from the cache while fresh. */
  async attendanceFor(session: Pick<SessionRecord, 'id' | 'attribution'>, participants?: readonly ParticipantView[]): Promise<AttendanceCounts> {
    const cached = participants ? undefined : this.attendanceCache.get(session.id);
    if (cached && cached.expires > this.now()) return cached.counts;
    const counts = countAttendance(participants ?? (await this.listParticipants(session.id)), session.attribution);
    this.rememberAttendance(session.id, counts);
    return counts;
  }

  rememberAttendance(sessionId: string, counts: AttendanceCounts): void {
    this.attendanceCache.set(sessionId, { counts, expires: this.now() + ATTENDANCE_CACHE_TTL });
  }

  private async target(principal: Principal, participantId: string): Promise<ParticipantRecord> {
    const target = await this.store.participants.byId(participantId);
    if (!target || target.sessionId !== principal.session.id || target.removedAt !== null) {
      throw new AppError('not_found', 'No such participant in this session');
    }
    if (target.role === 'facilitator') {
      throw new AppError('conflict', "The facilitator's role cannot be changed and the facilitator cannot be removed");
    }
    return target;
  }

  async setRole(principal: Principal, participantId: string, role: Exclude<Role, 'facilitator'>): Promise<ParticipantView> {
    const target = await this.target(principal, participantId);
    await this.store.participants.update(target.id, { role });
    this.attendanceCache.delete(target.sessionId);
    const updated = { ...target, role };
    this.notifier.participantChanged(updated);
    await this.afterPersonChanged(updated, principal.session.format);
    return participantView(updated, await this.presence.isOnline(updated.id));
  }

  async remove(principal: Principal, participantId: string): Promise<void> {
    const target = await this.target(principal, participantId);
    const removedAt = this.now();
    await this.store.participants.markRemoved(target.id, removedAt);
    this.attendanceCache.delete(target.sessionId);
    this.notifier.participantRemoved({ ...target, removedAt });
    await this.afterPersonChanged({ ...target, removedAt }, principal.session.format);
  }

  async updateProfile(principal: Principal, changes: ProfileUpdate): Promise<ParticipantView> {
    const me = principal.participant;
    if (!me) throw new AppError('conflict', 'The projector display has no profile');
    await this.store.participants.update(me.id, changes);
    this.attendanceCache.delete(me.sessionId);
    const updated: ParticipantRecord = {
      ...me,
      ...(changes.displayName !== undefined && { displayName: changes.displayName }),
      ...(changes.language && { language: changes.language }),
      ...(changes.mode && { mode: changes.mode }),
      ...(changes.stakeholderGroup && { stakeholderGroup: changes.stakeholderGroup }),
    };
    this.notifier.participantChanged(updated);
    // The café re-seats someone who switched between the room and remote; the Town Hall keeps names current.
    if (principal.session.format === 'townhall' || updated.mode !== me.mode) await this.afterPersonChanged(updated, principal.session.format);
    return participantView(updated, await this.presence.isOnline(updated.id));
  }

  /** The session's settings; everyone is told, and notepad access follows at once (NOTE3). */
  async configure(principal: Principal, settings: SessionSettings): Promise<SessionView> {
    await this.store.sessions.updateSettings(principal.session.id, settings);
    const session: SessionRecord = { ...principal.session, ...settings };
    this.notifier.sessionChanged(session);
    return sessionView(session);
  }

  /** A new projector link; the old one stops working and screens using it are disconnected. */
  async rotateProjectorKey(principal: Principal): Promise<string> {
    const projectorKey = newToken('projector');
    await this.store.sessions.setProjectorTokenHash(principal.session.id, hashToken(projectorKey));
    this.notifier.projectorKeyRotated(principal.session.id);
    return projectorKey;
  }
}
