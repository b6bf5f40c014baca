/** The Socket.IO room of one session's live mode (members of its group and its guests). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
