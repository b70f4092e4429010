/** Types for the two text packages similar questions use (neither ships its own). */
declare module 'snowball-stemmers' {
	interface Stemmer {
		stem(word: string): string;
	}
	export function newStemmer(language: string): Stemmer;
	export function algorithms(): string[];
}

declare module 'stopword' {
	export const nld: string[];
	export const fra: string[];
	export const eng: string[];
}
