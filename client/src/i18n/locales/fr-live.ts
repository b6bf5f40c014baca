/** French strings of the live feature (merged into the main translation under `live`). */
export const frLive = {};
