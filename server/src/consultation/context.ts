// What every part of the consultation shares (issue 15, docs/consultation.md): storage, the bus
// (services say what changed; realtime/consultation-notifier.ts tells the screens), one lock per
// session so commands of one consultation apply in order, and the clock.
import type { Authenticate } from '../auth/authenticate.js';
import type { TimerScope } from '../cafe/round-clock.js';
import type { EventBus } from '../events/bus.js';
import type { Logger } from '../log.js';
import type { RecordService } from '../record/record-service.js';
import type { Store } from '../store/index.js';
import type { Coalescer } from '../util/coalescer.js';
import type { KeyedMutex } from '../util/keyed-mutex.js';

export interface ConsultationContext {
  store: Store;
  bus: EventBus;
  mutex: KeyedMutex;
  /** Counts (supports, comments) go out at most a few times a second per session. */
  coalescer: Coalescer;
  authenticate: Authenticate;
  /** The café and Town Hall records, for carrying their items into a consultation. */
  records: RecordService;
  log: Logger;
  now: () => number;
  /** In a cluster: phase timers fire on the session's owner only, fenced (docs/cluster.md CLU7). */
  timerScope?: TimerScope;
}
