import { contentKey } from '@open-talks/shared';
import type { ContentVersions } from '@open-talks/shared/protocol';
import type { EventBus } from '../events/bus.js';
import { sessionRoom, staffRoom, tableRoom } from '../realtime/rooms.js';
import type { IoServer } from '../realtime/types.js';
import type { Store } from '../store/index.js';
import { toTextVersion } from './content-service.js';

/** A text's versions changed: `content:versions` to everyone who may read it (LANG30), serialised once. */
export function contentToSockets(bus: EventBus, io: IoServer): void {
  bus.subscribe('content:versions', ({ sessionId, versions, audience }) => {
    // A prompt to one table: its people and the staff, as the prompt itself went (CAFE3).
    const to =
      audience === 'everyone'
        ? io.to(sessionRoom(sessionId))
        : audience === 'staff'
          ? io.to(staffRoom(sessionId))
          : io.to(tableRoom(sessionId, audience.tableId)).to(staffRoom(sessionId));
    to.emit('content:versions', versions);
  });
}

/**
 * LANG37: a draft poll's versions went to the staff only; when it opens, everyone connected gets
 * them at once (one `content:versions` per text that has any), not only on their next connect.
 */
export function pollVersionsFollowOpen(bus: EventBus, store: Pick<Store, 'content' | 'sessions'>): void {
  bus.subscribe('townhall:poll-opened', async ({ sessionId, pollId }) => {
    const prefix = contentKey({ kind: 'poll', id: pollId, field: 'question' }).replace(/question$/, '');
    const [session, stored, languages] = await Promise.all([store.sessions.byId(sessionId), store.content.versions(sessionId), store.content.originalLanguages(sessionId)]);
    const byKey = new Map<string, ContentVersions>();
    for (const version of stored) {
      if (!version.key.startsWith(prefix)) continue;
      let entry = byKey.get(version.key);
      if (!entry) byKey.set(version.key, (entry = { key: version.key, originalLanguage: languages.get(version.key) ?? session?.languages[0] ?? 'en', versions: [] }));
      entry.versions.push(toTextVersion(version));
    }
    for (const versions of byKey.values()) bus.publish('content:versions', { sessionId, versions, audience: 'everyone' });
  });
}
