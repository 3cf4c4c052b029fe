// TF-IDF vectors for a set of tokenised ideas (one language at a time), L2-normalised so that
// the dot product of two vectors is their cosine similarity. Sparse: term indices ascending.

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface TfIdfModel {
  /** Term of each index, in first-seen order of the (canonically ordered) documents. */
  terms: string[];
  idf: Float64Array;
  vectors: SparseVector[];
}

/** Sublinear term frequency (1 + ln tf) times smoothed inverse document frequency (ln((1+N)/(1+df)) + 1). */
export function tfidf(documents: readonly (readonly string[])[], weightOf: (term: string) => number = () => 1): TfIdfModel {
  const index = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const counts = documents.map((doc) => {
    const tf = new Map<number, number>();
    for (const term of doc) {
      let i = index.get(term);
      if (i === undefined) {
        i = terms.length;
        index.set(term, i);
        terms.push(term);
        df.push(0);
      }
      tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    for (const i of tf.keys()) df[i]! += 1;
    return tf;
  });
  const n = documents.length;
  const idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
  const vectors = counts.map((tf) => {
    const indices = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const values = Float64Array.from(indices, (i) => (1 + Math.log(tf.get(i)!)) * idf[i]! * weightOf(terms[i]!));
    const norm = Math.hypot(...values);
    if (norm > 0) for (let k = 0; k < values.length; k++) values[k]! /= norm;
    return { indices, values };
  });
  return { terms, idf, vectors };
}

/** Cosine similarity of two normalised sparse vectors. */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const x = a.indices[i]!;
    const y = b.indices[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
