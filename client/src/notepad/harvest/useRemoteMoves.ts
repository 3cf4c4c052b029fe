import { HARVEST_ORDER, HARVEST_PLACEMENT, HARVEST_THEMES } from '@open-talks/shared';
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';

const SYNC_GRACE = 1000; // ms after connecting during which remote changes are the document loading

export interface RemoteMove {
  /** The cards another writer moved in one change (present in the harvest). */
  keys: string[];
  /** Whether themes were added, renamed, merged or deleted in it. */
  themes: boolean;
}

/**
 * BOARD8: what others changed on the board, one change at a time, for a polite announcement.
 * Only changes that came over the network (not this screen's own) and only to the board's sorting
 * (placement, order, themes): the server's mirror of the tables' ideas is not a "move". Names of
 * the people who moved are not known here, and not said.
 */
export function useRemoteMoves(doc: Y.Doc | undefined, connected: boolean, describe: (move: RemoteMove) => string): string {
  const [message, setMessage] = useState('');
  const describeRef = useRef(describe);
  describeRef.current = describe;
  useEffect(() => {
    if (!doc || !connected) return;
    // The document arriving (or catching up) after connecting is not a move: a second's grace.
    const since = Date.now() + SYNC_GRACE;
    const sorting = new Set<unknown>([doc.getMap(HARVEST_PLACEMENT), doc.getMap(HARVEST_ORDER)]);
    const themes: unknown = doc.getArray(HARVEST_THEMES);
    const seen = (transaction: Y.Transaction) => {
      if (transaction.local || Date.now() < since) return;
      const keys = new Set<string>();
      let themesChanged = false;
      for (const [type, changed] of transaction.changed) {
        if (sorting.has(type)) for (const key of changed) if (key !== null) keys.add(key);
        if (type === themes || type.parent === themes) themesChanged = true;
      }
      if (keys.size === 0 && !themesChanged) return;
      const text = describeRef.current({ keys: [...keys], themes: themesChanged });
      if (text) setMessage(text);
    };
    doc.on('afterTransaction', seen);
    return () => doc.off('afterTransaction', seen);
  }, [doc, connected]);
  return message;
}
