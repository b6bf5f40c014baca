import { Module } from '@nestjs/common';

/** Live mode of a session over Socket.IO: current item and timer, speaking queue, attendance, decisions and actions (built next). */
@Module({})
export class SessionLiveModule {}
