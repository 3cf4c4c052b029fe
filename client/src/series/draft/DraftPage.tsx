// Drafting the information document together (SER3): owned by the document part.
export default function DraftPage({ seriesId }: { seriesId: string; language?: string }) {
  return <h1>{seriesId}</h1>;
}
