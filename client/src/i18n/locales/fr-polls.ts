/** French strings of the polls feature (merged into the main translation under `polls`). */
export const frPolls = {};
