// Types for the two pure-JavaScript packages the theme engine uses; neither ships its own.
declare module 'snowball-stemmers' {
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): SnowballStemmer;
  export function algorithms(): string[];
}

declare module 'stopword' {
  export const eng: string[];
  export const fra: string[];
  export const spa: string[];
  export const ara: string[];
  export const rus: string[];
  export const zho: string[];
}
