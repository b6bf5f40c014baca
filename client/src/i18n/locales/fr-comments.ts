/** French strings of the comments feature (merged into the main translation under `comments`). */
export const frComments = {};
