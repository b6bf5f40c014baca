/** French strings of the sessions feature (merged into the main translation under `sessions`). */
export const frSessions = {};
