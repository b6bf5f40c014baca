/** The Socket.IO room of one meeting's live mode (members of its group and its guests). */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
