import { countAttendance, can, type AttendanceCounts, type Role, type SessionFormat } from '@open-talks/shared';
import { DEFAULT_PROJECTOR_CHOICE, type ProjectorChange, type ProjectorChoice } from '@open-talks/shared/projector';
import type { HubDetails, HubUpdate, ParticipantView, ProfileUpdate, SessionPreview, SessionState, SessionView } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import type { createSessionBody, joinBody } from '@open-talks/shared/protocol';
import { sharedSession, type Authenticate } from '../auth/authenticate.js';
import { hashToken, newId, newJoinCode, newToken } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events/bus.js';
import type { ParticipantRecord, SessionRecord, SessionSettings, Store } from '../store/index.js';
import type { Principal } from './principal.js';
import { participantView, sessionView } from './views.js';
import { followSessionOnProjector, showOnProjector } from './projector.js';
import { invitationNeeded, useInvitation } from '../consultation/core/invitations.js';

/** What the formats add to a member's state (they follow people through the bus). */
export interface FormatStates {
  cafeFor(sessionId: string, participantId: string | null): Promise<SessionState['cafe']>;
  townhallFor(principal: Principal): Promise<SessionState['townhall']>;
  consultationFor(principal: Principal): Promise<SessionState['consultation']>;
  /** The versions in other languages of what this principal may see (issue 18). */
  contentFor(principal: Principal): Promise<SessionState['content']>;
}

/** Which participants of a session have a live connection (across all server nodes). */
export interface Presence {
  onlineIds(sessionId: string): Promise<Set<string>>;
  /** Whether one participant has a live connection: cheap, unlike onlineIds. */
  isOnline(participantId: string): Promise<boolean>;
  /** Whether anyone (a participant or a display) has a live connection to the session. */
  anyoneConnected(sessionId: string): Promise<boolean>;
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
 * publishes, so an ack or a 2xx always means the change is on disk.
 */
export class SessionService {
  // A cache only (never the source of truth), so several server nodes stay correct.
  private readonly attendanceCache = new Map<string, { counts: AttendanceCounts; expires: number }>();
  private nextPrune = 0;

  constructor(
    private readonly store: Store,
    private readonly presence: Presence,
    private readonly bus: EventBus,
    /** Token → principal (auth/authenticate.ts), offered here to Socket.IO and HTTP. */
    readonly authenticate: Authenticate,
    private readonly formats: FormatStates,
    private readonly now: () => number = Date.now,
  ) {}

  /** The café re-seats them and the Town Hall follows names and hands before the call returns; failures are logged, the change stands. */
  private afterPersonChanged(participant: ParticipantRecord, format: SessionFormat): Promise<void> {
    return this.bus.publishAndWait('participant:format-follows', { participant, format });
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
        projector: DEFAULT_PROJECTOR_CHOICE,
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
      // A hub watches from elsewhere by definition (HUB2): remote, whatever the form said.
      mode: body.role === 'hub' ? 'remote' : body.mode,
      stakeholderGroup: body.stakeholderGroup,
      language: body.language ?? session.languages[0] ?? 'en',
      joinedAt: this.now(),
      removedAt: null,
      ...(body.role === 'hub' && body.hub && { hub: body.hub }),
    };
    // A consultation open by invitation only: the code is marked used with the insert, or neither lands (CONS17).
    const invitation = await invitationNeeded(this.store, session, body.invitationCode);
    if (invitation === null) await this.store.participants.insert(participant, hashToken(token));
    else {
      await this.store.transaction(async (repos) => {
        await repos.participants.insert(participant, hashToken(token));
        await useInvitation(repos, session.id, invitation, participant.id, participant.joinedAt);
      });
    }
    this.attendanceCache.delete(session.id);
    this.bus.publish('participant:changed', { participant });
    await this.afterPersonChanged(participant, session.format);
    return { session: sessionView(session), participant: participantView(participant, false), token };
  }

  /**
   * Reads who is acting afresh, so a role change or a removal takes effect on the very next
   * action: through the shared roster, which every write on this node invalidates at once and
   * another node's within a second (SYNC3; a session's commands run on its owner).
   */
  async resolve(sessionId: string, participantId: string | null): Promise<Principal> {
    const session = await this.session(sessionId);
    if (!session) throw new AppError('unauthenticated', 'This session no longer exists');
    if (participantId === null) return { session, participant: null, role: 'observer' };
    // Active people from the shared roster (a storm's 10,000 clock pings read nothing); anyone
    // else from the per-person cache, to say why they are refused (RESTART3, TH-PERF4).
    const participant = (await this.activeById(sessionId)).get(participantId) ?? (await this.store.shared.participant(sessionId, participantId)); // shared: never mutate
    if (!participant || participant.sessionId !== sessionId) throw new AppError('unauthenticated', 'This token is not valid');
    if (participant.removedAt !== null) throw new AppError('removed', 'You were removed from this session');
    return { session, participant, role: participant.role };
  }

  /** The session's active people by id: the roster, shared and invalidated by every write to a participant (SYNC3). */
  private activeById(sessionId: string): Promise<ReadonlyMap<string, ParticipantRecord>> {
    return this.store.shared.cached(sessionId, 'active-by-id', async () => new Map((await this.store.shared.roster(sessionId)).map((p) => [p.id, p])));
  }

  private session(sessionId: string): Promise<SessionRecord | undefined> {
    return sharedSession(this.store, sessionId);
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
    const base = { ...(await this.baseState(principal)), content: await this.formats.contentFor(principal) };
    if (principal.session.format === 'townhall') return { ...base, townhall: await this.formats.townhallFor(principal) };
    if (principal.session.format === 'consultation') return { ...base, consultation: await this.formats.consultationFor(principal) };
    return { ...base, cafe: await this.formats.cafeFor(principal.session.id, principal.participant?.id ?? null) };
  }

  private async baseState(principal: Principal): Promise<Omit<SessionState, 'content'>> {
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
    const now = this.now();
    // Sessions nobody asks about any more leave too, in one pass at most once per TTL.
    if (now >= this.nextPrune) {
      for (const [id, entry] of this.attendanceCache) if (entry.expires <= now) this.attendanceCache.delete(id);
      this.nextPrune = now + ATTENDANCE_CACHE_TTL;
    }
    this.attendanceCache.set(sessionId, { counts, expires: now + ATTENDANCE_CACHE_TTL });
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
    await this.store.transaction((repos) => repos.participants.update(target.id, { role })); // fenced in a cluster (CLU104)
    this.attendanceCache.delete(target.sessionId);
    const updated = { ...target, role };
    this.bus.publish('participant:changed', { participant: updated });
    await this.afterPersonChanged(updated, principal.session.format);
    return participantView(updated, await this.presence.isOnline(updated.id));
  }

  async remove(principal: Principal, participantId: string): Promise<void> {
    const target = await this.target(principal, participantId);
    const removedAt = this.now();
    await this.store.transaction((repos) => repos.participants.markRemoved(target.id, removedAt));
    this.attendanceCache.delete(target.sessionId);
    this.bus.publish('participant:removed', { participant: { ...target, removedAt } });
    await this.afterPersonChanged({ ...target, removedAt }, principal.session.format);
  }

  async updateProfile(principal: Principal, changes: ProfileUpdate): Promise<ParticipantView> {
    const me = principal.participant;
    if (!me) throw new AppError('conflict', 'The projector display has no profile');
    await this.store.transaction((repos) => repos.participants.update(me.id, changes));
    this.attendanceCache.delete(me.sessionId);
    const updated: ParticipantRecord = {
      ...me,
      ...(changes.displayName !== undefined && { displayName: changes.displayName }),
      ...(changes.language && { language: changes.language }),
      ...(changes.mode && { mode: changes.mode }),
      ...(changes.stakeholderGroup && { stakeholderGroup: changes.stakeholderGroup }),
    };
    this.bus.publish('participant:changed', { participant: updated });
    // The café re-seats someone who switched between the room and remote; the Town Hall keeps names current.
    if (principal.session.format === 'townhall' || updated.mode !== me.mode) await this.afterPersonChanged(updated, principal.session.format);
    return participantView(updated, await this.presence.isOnline(updated.id));
  }

  /** `hub:update` (HUB4): the coordinator keeps the hub's registration current; told like a profile change. */
  async updateHub(principal: Principal, changes: HubUpdate): Promise<ParticipantView> {
    const me = principal.participant;
    if (!me?.hub) throw new AppError('conflict', 'Only a hub that joined with its registration can update it');
    const hub: HubDetails = {
      name: changes.name ?? me.hub.name,
      place: changes.place ?? me.hub.place,
      headcount: changes.headcount ?? me.hub.headcount,
      groups: changes.groups ?? me.hub.groups,
    };
    await this.store.transaction((repos) => repos.participants.update(me.id, { hub }));
    this.attendanceCache.delete(me.sessionId);
    const updated: ParticipantRecord = { ...me, hub };
    this.bus.publish('participant:changed', { participant: updated });
    // The Town Hall shows the hub's name on its questions and in the queue: they follow at once.
    await this.afterPersonChanged(updated, principal.session.format);
    return participantView(updated, await this.presence.isOnline(updated.id));
  }

  /** The session's settings; everyone is told, and notepad access follows at once (NOTE3). */
  async configure(principal: Principal, settings: SessionSettings): Promise<SessionView> {
    await this.store.transaction((repos) => repos.sessions.updateSettings(principal.session.id, settings));
    const session: SessionRecord = { ...principal.session, ...settings };
    this.bus.publish('session:changed', { session });
    return sessionView(session);
  }

  /** PROJ1: what the projector shows (sessions/projector.ts). */
  showOnProjector(principal: Principal, change: ProjectorChange): Promise<ProjectorChoice> {
    return showOnProjector(this.store, this.bus, principal, change);
  }

  /** PROJ17: back to following the session, when a button puts the harvest or a poll on the projector. */
  followSessionOnProjector(principal: Principal): Promise<void> {
    return followSessionOnProjector(this.store, this.bus, principal.session.id);
  }

  /** A new projector link; the old one stops working and screens using it are disconnected. */
  async rotateProjectorKey(principal: Principal): Promise<string> {
    const projectorKey = newToken('projector');
    await this.store.transaction((repos) => repos.sessions.setProjectorTokenHash(principal.session.id, hashToken(projectorKey)));
    this.bus.publish('session:projector-key-rotated', { sessionId: principal.session.id });
    return projectorKey;
  }
}
