// The notepads' relay between nodes over Redis pub/sub (docs/cluster.md, CLU60–CLU69): one
// channel per room, joined by every node holding the room, and one for access changes. Pub/sub
// keeps nothing: what a node missed while away it reads from storage when it loads the room.
import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from '../log.js';
import type { NotepadRedis } from './notepad-cluster.js';
import type { AccessChange, NotepadRelay, RoomMessage } from '../notepad/relay.js';

type Redis = NotepadRedis;
type Listener = (message: Buffer) => void;

const KINDS = ['update', 'awareness', 'hello'] as const;
const ACCESS_KINDS = ['session', 'series', 'displays'] as const;
/**
 * ms an access change waits for others of the same session: a crowd joining announces a change per
 * person, and each node's re-check reads storage afresh anyway, so one message stands for them all.
 */
const ACCESS_COALESCE_MS = 20;

export class RedisNotepadRelay implements NotepadRelay {
  /** Tells this process's messages apart from the others' (Redis hands a publisher its own too). */
  private readonly sender = randomUUID();
  private readonly rooms = new Map<string, Listener>();
  private readonly accessListeners: ((change: AccessChange) => void)[] = [];
  private readonly resumedListeners: (() => void)[] = [];
  private readonly accessOut = new Map<string, AccessChange>();
  private accessTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {}

  /** `publisher` is connected; a duplicate of it subscribes. */
  static async start(publisher: Redis, prefix: string, log: Logger): Promise<RedisNotepadRelay> {
    const subscriber = publisher.duplicate();
    subscriber.on('error', (error: unknown) => log.warn({ err: error }, 'notepad relay: Redis subscriber error'));
    await subscriber.connect();
    const relay = new RedisNotepadRelay(publisher, subscriber, prefix, log);
    await subscriber.subscribe(`${prefix}notepad-access`, (message) => relay.heardAccess(message), true);
    // node-redis subscribes again by itself after a reconnect; what went by meanwhile is in storage.
    subscriber.on('ready', () => {
      for (const listener of relay.resumedListeners) listener();
    });
    return relay;
  }

  private channel(room: string): string {
    return `${this.prefix}notepad:${room}`;
  }

  async join(room: string, hear: (message: RoomMessage) => void): Promise<void> {
    const listener: Listener = (raw) => {
      const message = this.decode(raw);
      if (message) hear(message);
    };
    this.rooms.set(room, listener);
    await this.subscriber.subscribe(this.channel(room), listener, true);
  }

  leave(room: string): void {
    const listener = this.rooms.get(room);
    if (!listener) return;
    this.rooms.delete(room);
    this.subscriber.unsubscribe(this.channel(room), listener, true).catch((error: unknown) => this.log.warn({ err: error }, 'notepad relay: unsubscribe failed'));
  }

  publish(room: string, message: RoomMessage): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.sender);
    encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
    encoding.writeUint8(encoder, message.peers ? 1 : 0);
    encoding.writeVarUint8Array(encoder, message.data);
    this.send(this.channel(room), Buffer.from(encoding.toUint8Array(encoder)));
  }

  publishAccess(change: AccessChange): void {
    this.accessOut.set(`${change.kind} ${change.id}`, change);
    this.accessTimer ??= setTimeout(() => this.sendAccess(), ACCESS_COALESCE_MS);
  }

  private sendAccess(): void {
    clearTimeout(this.accessTimer);
    this.accessTimer = undefined;
    for (const { kind, id } of this.accessOut.values()) this.send(`${this.prefix}notepad-access`, Buffer.from(JSON.stringify({ from: this.sender, kind, id })));
    this.accessOut.clear();
  }

  onAccess(listener: (change: AccessChange) => void): void {
    this.accessListeners.push(listener);
  }

  onResumed(listener: () => void): void {
    this.resumedListeners.push(listener);
  }

  async close(): Promise<void> {
    this.sendAccess();
    this.rooms.clear();
    await this.subscriber.close();
  }

  private send(channel: string, message: Buffer): void {
    // Never awaited: a stored update is safe whatever Redis does; the other nodes catch up from storage.
    this.publisher.publish(channel, message).catch((error: unknown) => this.log.warn({ err: error }, 'notepad relay: publish failed'));
  }

  private decode(raw: Buffer): RoomMessage | undefined {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
      if (decoding.readVarString(decoder) === this.sender) return undefined;
      const kind = KINDS[decoding.readVarUint(decoder)];
      const peers = decoding.readUint8(decoder) === 1;
      const data = decoding.readVarUint8Array(decoder);
      return kind ? { kind, peers, data } : undefined;
    } catch (error) {
      this.log.warn({ err: error }, 'notepad relay: unreadable message');
      return undefined;
    }
  }

  private heardAccess(raw: Buffer): void {
    let parsed: { from?: unknown; kind?: unknown; id?: unknown };
    try {
      parsed = JSON.parse(raw.toString('utf8')) as typeof parsed;
    } catch {
      return;
    }
    const kind = ACCESS_KINDS.find((k) => k === parsed.kind);
    if (parsed.from === this.sender || !kind || typeof parsed.id !== 'string') return;
    for (const listener of this.accessListeners) listener({ kind, id: parsed.id });
  }
}
