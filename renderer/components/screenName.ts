export type ScreenName = 'counter' | 'journal';
