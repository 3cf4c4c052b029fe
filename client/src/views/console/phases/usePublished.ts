import { useEffect, useState } from 'react';
import { recordApi } from '../../../net/record';

/**
 * Whether the session's record is published (REC10), asked once when the console opens: a
 * finished session whose record is out opens on Record (CONSOLE3). Undefined while asked; a
 * failure counts as not published (the Record phase says why when opened).
 */
export function usePublished(sessionId: string, token: string | undefined): boolean | undefined {
  const [published, setPublished] = useState<boolean>();
  useEffect(() => {
    if (!token) return setPublished(false);
    let gone = false;
    recordApi
      .publication(sessionId, token)
      .then(({ publication }) => !gone && setPublished(publication?.published === true))
      .catch(() => !gone && setPublished(false));
    return () => {
      gone = true;
    };
  }, [sessionId, token]);
  return published;
}
