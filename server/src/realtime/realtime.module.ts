import { Module } from '@nestjs/common';

/** Socket.IO endpoint, rooms, presence and the RealtimeHub the domain modules use (built next). */
@Module({})
export class RealtimeModule {}
