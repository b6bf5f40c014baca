import { Module } from '@nestjs/common';
import { BassinsController } from './bassins.controller';
import { BassinsService } from './bassins.service';

@Module({ controllers: [BassinsController], providers: [BassinsService], exports: [BassinsService] })
export class BassinsModule {}
