/** French strings of the notifications feature (merged into the main translation under `notifications`). */
export const frNotifications = {};
