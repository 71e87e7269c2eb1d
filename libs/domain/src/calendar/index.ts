export * from './errors';
export * from './year-data';
export { isIsoDate } from './dates';
export { chineseDaysYears } from './package-data';
export * from './working-day-calendar';
export { calendarYearToLoad } from './readiness';
