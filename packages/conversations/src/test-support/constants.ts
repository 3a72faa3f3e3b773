/** The admin and the team every fake of these tests knows. */
export const ADMIN_ID = '991267';
export const TEAM_ID = '5017691';
/** Another admin the fakes know, to assign conversations to. */
export const OTHER_ADMIN_ID = '814860';

/** 2026-01-01T00:00:00Z: the clock tests start on, aligned to the minute like rate-limit windows. */
export const START_MS = Date.UTC(2026, 0, 1);
export const NOW_MS = START_MS;
export const NOW_SECONDS = NOW_MS / 1000;
