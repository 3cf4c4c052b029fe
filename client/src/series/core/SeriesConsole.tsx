// The series' console (SER1): owned by the core part.
export default function SeriesConsole({ seriesId }: { seriesId: string }) {
  return <h1>{seriesId}</h1>;
}
