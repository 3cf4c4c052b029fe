// The series as its member sees it, read once and again after each change the console makes.
import { useCallback, useEffect, useState } from 'react';
import { RequestError } from '../../net/api';
import { forgetSeries, saveSeriesCredential } from '../credentials';
import { seriesApi, type SeriesState } from './series-api';

export type SeriesLoad = { kind: 'loading' } | { kind: 'error'; error: RequestError } | { kind: 'ready'; state: SeriesState };

export function useSeries(seriesId: string, token: string | undefined): { load: SeriesLoad; reload: () => Promise<void> } {
  const [load, setLoad] = useState<SeriesLoad>({ kind: 'loading' });
  const reload = useCallback(async () => {
    if (!token) return;
    try {
      const state = await seriesApi.read(seriesId, token);
      // Kept only once the server accepted it: a mistyped link leaves nothing behind.
      saveSeriesCredential({ seriesId, title: state.series.title, token, role: state.member.role });
      setLoad({ kind: 'ready', state });
    } catch (e) {
      // A token the server will never accept again (removed, or unknown) is dropped, so Home stops listing the series.
      if (e instanceof RequestError && (e.code === 'removed' || e.code === 'unauthenticated')) forgetSeries(seriesId);
      setLoad({ kind: 'error', error: e instanceof RequestError ? e : new RequestError('internal', String(e)) });
    }
  }, [seriesId, token]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { load, reload };
}
