/** French strings of the discussions feature (merged into the main translation under `discussions`). */
export const frDiscussions = {};
