// NOTE15: presence (y-protocols awareness) as the server lets it through. A connection speaks
// only for its own awareness client id, in small messages, and the name on its caret is the one
// the session's attribution allows (the same words as a key idea's author, NOTE8).
import { ideaAttribution, type Attribution } from '@open-talks/shared';
import ar from '@open-talks/shared/i18n/ar.json' with { type: 'json' };
import en from '@open-talks/shared/i18n/en.json' with { type: 'json' };
import es from '@open-talks/shared/i18n/es.json' with { type: 'json' };
import fr from '@open-talks/shared/i18n/fr.json' with { type: 'json' };
import ru from '@open-talks/shared/i18n/ru.json' with { type: 'json' };
import zh from '@open-talks/shared/i18n/zh.json' with { type: 'json' };
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Largest awareness message a connection may send (a name, a colour and a cursor fit in far less). */
export const MAX_AWARENESS_BYTES = 4 * 1024; // bytes

const CATALOGS: unknown[] = [en, fr, es, ru, zh, ar];
const COLOR = /^#[0-9a-fA-F]{6}$/;
const COLOR_LIGHT = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;

/** The names a person's caret may carry (their client picks one in its language), and the one used otherwise. */
export interface PresenceNames {
  allowed: ReadonlySet<string>;
  fallback: string;
}

function translations(key: string): string[] {
  return CATALOGS.flatMap((catalog) => {
    let node: unknown = catalog;
    for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
    return typeof node === 'string' ? [node] : [];
  });
}

/** What a person (null: the projector display) may be called in a notepad under the session's attribution. */
export function presenceNames(attribution: Attribution, person: { displayName: string | null; stakeholderGroup: string | null } | null): PresenceNames {
  const shown = ideaAttribution(attribution, { displayName: person?.displayName ?? null, stakeholderGroup: person?.stakeholderGroup ?? null });
  if (shown.author) return { allowed: new Set([shown.author]), fallback: shown.author };
  const words = translations(shown.group ? `words.group.${shown.group}` : 'notepad.someone');
  return { allowed: new Set(words), fallback: words[0] ?? '' };
}

/**
 * SER43: a series member's caret carries their name (series members are named staff; SER2 is
 * about what sessions' participants said), or their role's word when they gave none.
 */
export function seriesPresenceNames(member: { displayName: string | null; role: string }): PresenceNames {
  if (member.displayName) return { allowed: new Set([member.displayName]), fallback: member.displayName };
  const words = translations(`words.role.${member.role}`);
  return { allowed: new Set(words), fallback: words[0] ?? '' };
}

/** One awareness state as the server passes it on: the caret's `user` (stamped) and `cursor`, nothing else. */
function stamp(state: unknown, names: PresenceNames): unknown {
  if (state === null) return null; // the person left
  const { user, cursor } = (typeof state === 'object' && !Array.isArray(state) ? state : {}) as { user?: unknown; cursor?: unknown };
  const sent = typeof user === 'object' && user !== null ? (user as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {
    user: {
      name: typeof sent.name === 'string' && names.allowed.has(sent.name) ? sent.name : names.fallback,
      ...(typeof sent.color === 'string' && COLOR.test(sent.color) && { color: sent.color }),
      ...(typeof sent.colorLight === 'string' && COLOR_LIGHT.test(sent.colorLight) && { colorLight: sent.colorLight }),
    },
  };
  if (cursor !== undefined) out.cursor = cursor;
  return out;
}

export interface AwarenessScreen {
  /** The client id this connection speaks for; null until its first awareness message claims one. */
  ownId: number | null;
  /** Whether another connection of the same document speaks for this id. */
  ownedByOther(id: number): boolean;
  names: PresenceNames;
}

/**
 * The awareness update to apply for this connection: only its own client id's entry (the first
 * id it announces that no other connection owns becomes its own; honest providers also relay
 * others' states, which are dropped), each state stamped. Null when nothing is left to apply.
 * Throws on a malformed update (the caller closes the connection).
 */
export function screenAwareness(update: Uint8Array, screen: AwarenessScreen): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { id: number; clock: number; state: unknown }[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (screen.ownId === null && !screen.ownedByOther(id)) screen.ownId = id;
    if (id === screen.ownId) kept.push({ id, clock, state: stamp(state, screen.names) });
  }
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.id);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}
